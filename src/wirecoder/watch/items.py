"""From an item a source listed to the article(s) to code: a page fetched and extracted (the feed's own full
content when the page cannot be had), or a file of a watched folder read like `ingest` reads it."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import WirecoderError
from ..ingest.fetch import Fetcher
from ..ingest.html import HtmlOptions, extract_article
from ..ingest.items import ReadFailure, ReadResult, SourceItem
from ..ingest.sources import ReadOptions, SourceReader
from ..store.watch import PendingItem
from .discover import is_url


@dataclass
class ItemReader:
    fetcher: Fetcher
    read_options: ReadOptions = ReadOptions()
    html: HtmlOptions = HtmlOptions()
    outcomes: list[tuple[int, str | None, str | None]] = field(default_factory=list)

    def read(self, items: list[PendingItem]) -> Iterator[ReadResult]:
        """The articles of ``items``; each item's outcome (its failure code, or None) goes to ``outcomes``."""
        for item in items:
            if not is_url(item.url):
                yield from SourceReader(options=self.read_options, fetcher=self.fetcher).read([item.url])
                self.outcomes.append((item.id, None, None))
                continue
            result = self._page(item)
            failure = result if isinstance(result, ReadFailure) else None
            self.outcomes.append((item.id, failure.code if failure else None, failure.reason if failure else None))
            yield result

    def _page(self, item: PendingItem) -> ReadResult:
        try:
            page = self.fetcher.get(item.url)
            article = extract_article(page.body, origin=item.url, url=page.url, charset=page.content_type,
                                      options=self.html)
        except WirecoderError as err:
            fallback = self._from_content(item)
            return fallback if fallback is not None else ReadFailure(item.url, err.code, err.detail)
        return SourceItem(origin=item.url, text=article.text, title=article.title or item.title, url=article.url,
                          source=article.source, published=article.published or item.published,
                          published_from=article.published_from or ("given" if item.published else None))

    def _from_content(self, item: PendingItem) -> SourceItem | None:
        if not item.content or not item.content.strip():
            return None
        try:
            article = extract_article(f"<html><body><article>{item.content}</article></body></html>",
                                      origin=item.url, url=item.url, options=self.html)
        except WirecoderError:  # a teaser too short to be an article: the page's own failure is reported
            return None
        return SourceItem(origin=item.url, text=article.text, title=item.title, url=item.url,
                          published=item.published, published_from="given" if item.published else None)
