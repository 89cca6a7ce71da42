"""Reading real pages that are mostly not about conflict, to count the events the coder finds where few exist.

Two public sets serve (read by path, never copied): Scrapinghub's article-extraction benchmark (181 real news
pages of every kind, extracted from their HTML as ``ingest`` extracts them, with the date the page gives), and
the GeoVirus articles (WikiNews reports on disease outbreaks). Every current event found is listed with the
sentence it came from, so that a reader can judge whether an ACLED coder would code it.
"""
from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import WirecoderError

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


@dataclass(frozen=True)
class FoundEvent:
    document: str
    sub_event_type: str
    confidence: float
    sentence: str


def extraction_pages(folder: str | Path) -> Iterator[dict]:
    """The benchmark's pages as coder items (text extracted from the HTML; pages holding no article skipped)."""
    from ..ingest.html import extract_article

    folder = Path(folder)
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(gold):
        path = folder / "html" / f"{page_id}.html.gz"
        try:
            item = extract_article(gzip.decompress(path.read_bytes()), origin=path.name, url=gold[page_id].get("url"))
        except WirecoderError:
            continue
        yield {"id": page_id[:12], "text": item.text, "title": item.title, "published": item.published,
               "url": item.url}


def geovirus_articles(path: str | Path) -> Iterator[dict]:
    """GeoVirus's articles as coder items (no publication date is given)."""
    from ..geo.evaluate import read_corpus

    for number, article in enumerate(read_corpus(Path(path))):
        yield {"id": f"geovirus-{number}", "text": article.text}


def current_events(items: list[dict], records: list[dict]) -> list[FoundEvent]:
    """Every current (non-background) event of the records, with the sentence of its trigger."""
    found = []
    for item, record in zip(items, records):
        for event in record.get("events") or []:
            if event.get("background"):
                continue
            trigger = next((e for e in event.get("evidence") or [] if e.get("field") == "trigger"), None)
            sentence = sentence_around(item["text"], trigger["start"], trigger["end"]) if trigger else ""
            found.append(FoundEvent(document=str(item["id"]), sub_event_type=event["sub_event_type"],
                                    confidence=float(event.get("confidence") or 0.0), sentence=sentence))
    return found


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds the span (a rough cut at sentence punctuation and line breaks)."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    match = _SENTENCE_END.search(text, end)
    right = match.start() + 1 if match else len(text)
    return " ".join(text[left:right].split())
