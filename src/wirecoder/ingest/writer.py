"""The one writer of an ingest run: turns what triage decided and what the coder returned into store rows,
counts every outcome, and writes each coded batch (with the duplicates and failures met since the last write)
in one transaction. Both engines hand their results to it, so a run stores the same whichever engine coded."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..shown import WarningTally
from ..store import Database, DocumentRow, FailureRow, WriteResult
from ..store.rows import DocumentStatus
from .items import ReadFailure, SourceItem
from .triage import Verdict

NOT_ENGLISH = "W004"
MAX_NAMED_FAILURES = 1000  # the summary names this many failed inputs; the store keeps every one


class Progress(Protocol):
    def update(self, n: int = 1) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...


@dataclass
class IngestSummary:
    run_id: int
    read: int = 0  # articles and failed inputs the readers produced
    coded: int = 0
    events: int = 0
    duplicates: int = 0  # near or exact copies of an article met earlier in this corpus
    already_stored: int = 0  # stored by an earlier run
    not_english: int = 0
    failed: Counter[str] = field(default_factory=Counter)  # by error code
    failed_inputs: list[FailureRow] = field(default_factory=list)  # the first MAX_NAMED_FAILURES, in order
    seconds: float = 0.0
    warnings: WarningTally = field(default_factory=WarningTally)  # coded articles per warning code
    confidences: Counter[float] = field(default_factory=Counter)  # events coded, per confidence (2 decimals)

    def note_record(self, origin: str, record: dict[str, Any]) -> None:
        """A coded article's record: its warnings and its events' confidences."""
        self.warnings.add(record, origin=origin)
        self.confidences.update(round(float(e.get("confidence") or 0.0), 2) for e in record.get("events") or [])

    def events_below(self, threshold: float) -> int:
        """Events coded in this run with a confidence below ``threshold`` (stored all the same)."""
        return sum(count for confidence, count in self.confidences.items() if confidence < threshold)

    def note_failure(self, origin: str, code: str, reason: str) -> None:
        self.failed[code] += 1
        if len(self.failed_inputs) < MAX_NAMED_FAILURES:
            self.failed_inputs.append(FailureRow(origin=origin, code=code, reason=reason))

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "coded": self.coded, "events": self.events, "duplicates": self.duplicates,
                "already_stored": self.already_stored, "not_english": self.not_english,
                "failed": dict(sorted(self.failed.items())),
                "failed_inputs": [{"origin": f.origin, "code": f.code, "reason": f.reason} for f in self.failed_inputs],
                "warnings": dict(sorted(self.warnings.articles.items())), "seconds": round(self.seconds, 2)}

    def count_failure(self, origin: str, code: str, reason: str) -> None:
        if code == NOT_ENGLISH:
            self.not_english += 1
        else:
            self.note_failure(origin, code, reason)


def document_row(item: SourceItem, verdict: Verdict, *, status: DocumentStatus, **extra: Any) -> DocumentRow:
    return DocumentRow(doc_id=verdict.doc_id, content_hash=verdict.content_hash, origin=item.origin, text=item.text,
                       status=status, url=item.url, title=item.title, source=item.source,
                       published=item.published, published_from=item.published_from, **extra)


def outcome_row(item: SourceItem, verdict: Verdict, record: dict[str, Any]) -> DocumentRow:
    """The row of a coded article: failed with the coder's error, or coded with its record."""
    if "error" in record:
        error = record["error"]
        return document_row(item, verdict, status="failed", error_code=error.get("code"),
                            error_message=error.get("message"), minhash=verdict.minhash)
    return document_row(item, verdict, status="coded", record=final_record(item, record), minhash=verdict.minhash)


def final_record(item: SourceItem, record: dict[str, Any]) -> dict[str, Any]:
    """The coder's record with what only the reader knows: a date taken from the page's HTML says so."""
    if "error" not in record and item.published_from == "html" and record.get("published") == item.published:
        return {**record, "published_from": "html"}
    return record


@dataclass(frozen=True)
class WriterOptions:
    max_pending_writes: int = 256  # duplicates and failures held before they are written on their own
    retry_failed: bool = False


class StoreWriter:
    """Counts and writes what one run produced. ``writes`` keeps every WriteResult, in order."""

    def __init__(self, *, db: Database, summary: IngestSummary, options: WriterOptions = WriterOptions(),
                 progress: Progress | None = None):
        self.db, self.summary, self.options, self.progress = db, summary, options, progress
        self.side_documents: list[DocumentRow] = []
        self.side_failures: list[FailureRow] = []
        self.writes: list[WriteResult] = []

    def read_failure(self, failure: ReadFailure) -> None:
        self.summary.read += 1
        self.side_failures.append(FailureRow(origin=failure.origin, code=failure.code, reason=failure.reason))
        self.summary.count_failure(failure.origin, failure.code, failure.reason)
        self._tick()

    def judged(self, item: SourceItem, verdict: Verdict) -> None:
        """An article triage has judged. One to code is counted (and its progress shown) once it is coded;
        the others are stored before, repeated in this run, or near-duplicates."""
        self.summary.read += 1
        if verdict.status == "code":
            return
        if verdict.status == "already_stored":
            self.summary.already_stored += 1
        elif verdict.status == "repeat":
            self.summary.duplicates += 1
        elif verdict.status == "duplicate":
            self.side_documents.append(document_row(item, verdict, status="duplicate",
                                                    duplicate_of=verdict.duplicate_of,
                                                    similarity=verdict.similarity))
            self.summary.duplicates += 1
        self._tick()

    def coded(self, outcomes: Sequence[tuple[SourceItem, Verdict, dict[str, Any]]]) -> None:
        """A batch the coder returned (its articles were counted as read when they were judged)."""
        rows = []
        for item, verdict, record in outcomes:
            row = outcome_row(item, verdict, record)
            rows.append(row)
            if row.status == "failed":
                self.summary.count_failure(item.origin, str(row.error_code), str(row.error_message))
            else:
                self.summary.coded += 1
                self.summary.note_record(item.origin, row.record or {})
            self._tick()
        self.flush(rows)

    def flush(self, rows: Sequence[DocumentRow] = (), *, only_if_full: bool = False) -> None:
        side = len(self.side_documents) + len(self.side_failures)
        if only_if_full and side < self.options.max_pending_writes:
            return
        if not rows and not side:
            return
        written = self.db.write_batch(run_id=self.summary.run_id, documents=[*rows, *self.side_documents],
                                      failures=self.side_failures, replace_failed=self.options.retry_failed)
        self.summary.events += written.events_added
        self.writes.append(written)
        self.side_documents, self.side_failures = [], []

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.update(1)
            self.progress.set_postfix_str(
                f"coded {self.summary.coded}, dup {self.summary.duplicates}, "
                f"failed {sum(self.summary.failed.values())}",
                refresh=False)
