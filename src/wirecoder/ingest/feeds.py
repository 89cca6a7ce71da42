"""RSS and Atom feeds: each entry's linked page is fetched politely and its article extracted. When the page
cannot be had (unreachable, disallowed, no article) and the feed carries the entry's full content
(content:encoded, Atom content), that content is the article."""
from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from ..errors import WirecoderError
from .fetch import Fetcher
from .html import HtmlOptions, extract_article
from .items import ReadFailure, ReadResult, SourceItem


def _entry_date(entry: feedparser.FeedParserDict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _from_feed_content(entry: feedparser.FeedParserDict, *, link: str, source: str | None,
                       html_options: HtmlOptions) -> SourceItem | None:
    """The entry's full content as an article, or None when the feed carries no more than a teaser."""
    content = "\n".join(part.get("value", "") for part in entry.get("content") or [])
    if not content.strip():
        return None
    try:
        item = extract_article(f"<html><body><article>{content}</article></body></html>", origin=link, url=link,
                               options=html_options)
    except WirecoderError:  # a teaser too short to be an article: the page's own failure is what is reported
        return None
    return SourceItem(origin=link, text=item.text, title=entry.get("title") or None, url=link, source=source,
                      published=_entry_date(entry), published_from="given" if _entry_date(entry) else None)


def read_feed(data: bytes, *, origin: str, fetcher: Fetcher, html_options: HtmlOptions) -> Iterator[ReadResult]:
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield ReadFailure(origin, "W035", f"{origin} is not a readable RSS or Atom feed: {feed.get('bozo_exception')}")
        return
    feed_title = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        where = link or f"{origin}#entry{number}"
        if not link:
            yield ReadFailure(where, "W031", f"entry {number} of {origin} has no link to an article")
            continue
        try:
            page = fetcher.get(link)
            item = extract_article(page.body, origin=link, url=page.url, charset=page.content_type,
                                   options=html_options)
        except WirecoderError as err:
            fallback = _from_feed_content(entry, link=link, source=feed_title, html_options=html_options)
            yield fallback if fallback is not None else ReadFailure(where, err.code, err.detail)
            continue
        yield SourceItem(
            origin=item.origin, text=item.text, title=item.title or entry.get("title") or None, url=item.url,
            source=item.source or feed_title,
            published=item.published or _entry_date(entry),
            published_from=item.published_from or ("given" if _entry_date(entry) else None))


def looks_like_feed(head: bytes) -> bool:
    lowered = head[:4096].lower()
    return b"<rss" in lowered or b"<feed" in lowered or b"<rdf:rdf" in lowered
