"""What readers yield: an article to code (SourceItem) or an input that could not be read (ReadFailure)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class SourceItem:
    """One article as a reader found it. ``origin`` says where (a path, path:line, URL or WARC record)."""

    origin: str
    text: str
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    published_from: Literal["given", "html"] | None = None

    def coder_input(self, *, doc_id: str) -> dict[str, str | None]:
        return {"id": doc_id, "text": self.text, "published": self.published, "title": self.title,
                "url": self.url, "source": self.source}


@dataclass(frozen=True)
class ReadFailure:
    """An input (or one part of it) that yielded no article, with a catalogue code and the reason."""

    origin: str
    code: str
    reason: str


ReadResult = SourceItem | ReadFailure
