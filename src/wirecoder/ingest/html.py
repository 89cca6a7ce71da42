"""HTML page to article: main text (trafilatura), publication date (htmldate, through trafilatura),
title and site name."""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml.etree import LxmlError

from ..errors import WirecoderError
from .decode import decode_bytes
from .items import SourceItem

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": True, "original_date": True}


@dataclass(frozen=True)
class HtmlOptions:
    favor_recall: bool = False
    include_tables: bool = False
    min_chars: int = 80  # below this the page holds no article (a menu, a paywall stub, an error page)


def declared_charset(data: bytes, *, header: str | None = None) -> str | None:
    """The charset an HTTP header or the page's own <meta> tag claims."""
    if header:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
        if match:
            return match.group(1)
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def html_to_text(html: str | bytes, *, charset: str | None = None) -> str:
    """Decode bytes (detecting the charset when missing or wrong); str passes through."""
    if isinstance(html, str):
        return html
    return decode_bytes(html, declared=declared_charset(html, header=charset)).text


def _drop_leading_title(text: str, title: str) -> str:
    """The headline is metadata (``title``); trafilatura often repeats it as the first line of the text."""
    first, _, rest = text.partition("\n")
    if " ".join(first.split()).casefold() == " ".join(title.split()).casefold() and rest.strip():
        return rest.strip()
    return text


def extract_article(html: str | bytes, *, origin: str, url: str | None = None, charset: str | None = None,
                    options: HtmlOptions = HtmlOptions()) -> SourceItem:
    """The article of a page, or WirecoderError W034 when the page holds none."""
    page = html_to_text(html, charset=charset)
    try:
        document = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=options.include_tables,
            favor_recall=options.favor_recall, date_extraction_params=_DATE_PARAMS)
    except (LxmlError, ValueError) as err:
        raise WirecoderError("W034", f"{origin} cannot be parsed as HTML: {err}") from err
    text = (document.text or "").strip() if document is not None else ""
    if document is not None and document.title:
        text = _drop_leading_title(text, document.title)
    if len(text) < options.min_chars:
        raise WirecoderError("W034", f"{origin} holds no article text ({len(text)} characters found)")
    published = document.date if document.date else None
    return SourceItem(
        origin=origin, text=text, title=document.title or None, url=url or document.url or None,
        source=document.sitename or None, published=published[:10] if published else None,
        published_from="html" if published else None)
