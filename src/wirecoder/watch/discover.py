"""What a watched source lists now: the entries of an RSS/Atom feed, the URLs of an XML sitemap (following a
sitemap index one level down), or the files of a folder. A conditional request answers "not modified"
without a body, and nothing more is asked of that source this poll."""
from __future__ import annotations

import time
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import feedparser

from ..errors import WirecoderError
from ..ingest.feeds import looks_like_feed
from ..ingest.fetch import Fetcher
from ..ingest.sources import SourceReader
from ..store.watch import ListedItem, SourceState
from .xmlsafe import safe_tree

MAX_CHILD_SITEMAPS = 50


@dataclass(frozen=True)
class Listing:
    kind: str  # feed | sitemap | folder
    items: list[ListedItem] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def is_url(address: str) -> bool:
    return address.startswith(("http://", "https://"))


def discover(source: SourceState, *, fetcher: Fetcher) -> Listing:
    """The items ``source`` lists now; WirecoderError (with its code) when it cannot be had."""
    if not is_url(source.address):
        return _folder(Path(source.address))
    page = fetcher.get(source.address, etag=source.etag, last_modified=source.last_modified)
    if page.not_modified:
        return Listing(kind=source.kind or "feed", etag=source.etag, last_modified=source.last_modified,
                       not_modified=True)
    tree = safe_tree(page.body, origin=source.address)
    root = _local(tree.tag) if tree is not None else ""
    if root in ("urlset", "sitemapindex"):
        items = _sitemap(tree, fetcher=fetcher, origin=source.address)
        return Listing("sitemap", items, etag=page.etag, last_modified=page.last_modified)
    if tree is not None or looks_like_feed(page.body):
        return Listing("feed", _feed(page.body, origin=source.address), etag=page.etag,
                       last_modified=page.last_modified)
    raise WirecoderError("W089", f"{source.address} is neither an RSS/Atom feed nor an XML sitemap")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _feed(body: bytes, *, origin: str) -> list[ListedItem]:
    feed = feedparser.parse(body)
    if not feed.entries and not feed.version:
        reason = f": {feed.get('bozo_exception')}" if feed.bozo else ""
        raise WirecoderError("W089", f"{origin} is not a readable RSS or Atom feed{reason}")
    items = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        link = urllib.parse.urljoin(origin, link)
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        content = "\n".join(part.get("value", "") for part in entry.get("content") or []) or None
        items.append(ListedItem(key=entry.get("id") or link, url=link, title=entry.get("title") or None,
                                published=time.strftime("%Y-%m-%d", parsed) if parsed else None, content=content))
    return items


def _sitemap(tree: ET.Element, *, fetcher: Fetcher, origin: str, depth: int = 0) -> list[ListedItem]:
    if _local(tree.tag) == "sitemapindex":
        if depth:
            return []  # an index inside an index is not followed
        items: list[ListedItem] = []
        for loc in _locs(tree, "sitemap")[:MAX_CHILD_SITEMAPS]:
            page = fetcher.get(urllib.parse.urljoin(origin, loc[0]))
            child = safe_tree(page.body, origin=page.url)
            if child is not None:
                items += _sitemap(child, fetcher=fetcher, origin=page.url, depth=depth + 1)
        return items
    return [ListedItem(key=url, url=url, title=title, published=published[:10] if published else None)
            for url, title, published in (
                (urllib.parse.urljoin(origin, loc), title, published)
                for loc, title, published in _locs(tree, "url"))]


def _locs(tree: ET.Element, element: str) -> list[tuple[str, str | None, str | None]]:
    """(loc, news title, date) of each <url> or <sitemap> (date: news:publication_date, else lastmod)."""
    found = []
    for node in tree:
        if _local(node.tag) != element:
            continue
        values = {_local(child.tag): (child.text or "").strip() for child in node.iter()}
        if values.get("loc"):
            found.append((values["loc"], values.get("title") or None,
                          values.get("publication_date") or values.get("lastmod") or None))
    return found


def _folder(path: Path) -> Listing:
    if not path.is_dir():
        raise WirecoderError("W089", f"{path} is not a folder (watch takes feed and sitemap URLs, and folders)")
    items = []
    for name in SourceReader().units([str(path)]):
        stat = Path(name).stat()
        items.append(ListedItem(key=f"{name}:{stat.st_size}:{stat.st_mtime_ns}", url=name))
    return Listing("folder", items)
