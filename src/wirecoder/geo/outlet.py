"""The outlet's country from its web address, when the address says it (a country-code top-level domain)."""
from __future__ import annotations

import urllib.parse

from .lexicon import mapping, words

# Country-code domains used worldwide as generic ones: they say nothing about where an outlet is.
GENERIC_CCTLDS = words("generic_cctlds")
SPECIAL_CCTLDS = mapping("cctld_countries")


def outlet_country(url: str | None) -> str | None:
    """ISO alpha-2 of the country whose domain an article's address ends in ("bbc.co.uk" -> GB), else None."""
    if not url:
        return None
    address = url.strip()
    try:
        host = urllib.parse.urlsplit(address if "//" in address else "//" + address).hostname or ""
    except ValueError:  # no address at all ("]x": "Invalid IPv6 URL"): it names no country
        return None
    tld = host.rsplit(".", 1)[-1].casefold() if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in GENERIC_CCTLDS:
        return None
    return SPECIAL_CCTLDS.get(tld, tld.upper())
