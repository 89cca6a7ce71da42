"""What the store takes in and gives back: small typed rows, so callers never see SQL or cursors."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..incidents.result import MergeResult

DocumentStatus = Literal["coded", "duplicate", "failed"]


@dataclass(frozen=True)
class DocumentRow:
    """One input document and what became of it: coded (with its record), a near-duplicate, or failed."""

    doc_id: str
    content_hash: str
    origin: str
    text: str
    status: DocumentStatus
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: str | None = None
    published_from: str | None = None
    record: dict[str, Any] | None = None
    duplicate_of: str | None = None  # content hash of the first copy
    similarity: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    minhash: bytes | None = None


@dataclass(frozen=True)
class FailureRow:
    """An input that never became a document (unreadable file, failed fetch, broken line)."""

    origin: str
    code: str
    reason: str


@dataclass(frozen=True)
class WriteResult:
    documents_added: int
    documents_already_stored: int
    events_added: int
    failures_added: int
    incidents: MergeResult = field(default_factory=MergeResult)  # what merging did (docs/store.md)


@dataclass(frozen=True)
class EventFilter:
    """Filters shared by `wirecoder events` and `wirecoder export`; None means no filter."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    include_background: bool = True
    sub_event_type: str | None = None  # exact ACLED sub-event type
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    min_sources: int | None = None  # sources of the incident the event is a report of
    review: str | None = None  # None: all but rejected; all|unreviewed|reviewed|accepted|corrected|rejected
    min_confidence: float | None = None  # events the coder gave at least this confidence (or an analyst accepted)


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored, with the document it came from; ``event`` shows reviewed values, if any."""

    id: int
    document_id: str
    document_url: str | None
    document_title: str | None
    document_source: str | None
    document_published: str | None
    stored_at: str
    event: dict[str, Any] = field(default_factory=dict)
    document_text: str | None = None  # only when asked for (exports cut ACLED's notes from it)
    review: dict[str, Any] | None = None  # the review state (store/reviews.py) when the event was reviewed
    coded: dict[str, Any] = field(default_factory=dict)  # the coder's values of the fields a review changed


@dataclass(frozen=True)
class StoreCounts:
    documents: int
    coded: int
    duplicates: int
    failed_documents: int
    events: int
    failures: int
    runs: int
    incidents: int = 0
