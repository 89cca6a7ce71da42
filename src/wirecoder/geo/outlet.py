"""The outlet's country from its web address, when the address says it (a country-code top-level domain)."""
from __future__ import annotations

import urllib.parse

# Country-code domains used worldwide as generic ones: they say nothing about where an outlet is.
GENERIC_CCTLDS = frozenset({"tv", "io", "co", "me", "fm", "ly", "ai", "cc", "ws", "to", "gg", "am", "im", "is",
                            "it", "la", "nu", "sh", "st", "vc", "xyz", "eu", "su"})
SPECIAL_CCTLDS = {"uk": "GB"}


def outlet_country(url: str | None) -> str | None:
    """ISO alpha-2 of the country whose domain an article's address ends in ("bbc.co.uk" -> GB), else None."""
    if not url:
        return None
    address = url.strip()
    host = urllib.parse.urlsplit(address if "//" in address else "//" + address).hostname or ""
    tld = host.rsplit(".", 1)[-1].casefold() if "." in host else ""
    if len(tld) != 2 or not tld.isalpha() or tld in GENERIC_CCTLDS:
        return None
    return SPECIAL_CCTLDS.get(tld, tld.upper())
