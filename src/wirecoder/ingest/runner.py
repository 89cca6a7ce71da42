"""The ingest run: read inputs, skip what the store already holds, link near-duplicates, code the rest in
worker processes and write every batch to the store in one transaction (this process is the only writer).

Resumable by construction: documents are keyed by content hash, so after a crash (even kill -9) the same
command skips what was committed and codes what was not.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..store import Database, DocumentRow, FailureRow
from ..store.rows import DocumentStatus
from .dedup import NearDuplicateIndex, content_hash
from .items import ReadFailure, SourceItem
from .workers import CoderLike, CoderPool

NOT_ENGLISH = "W004"
MAX_NAMED_FAILURES = 1000  # the summary names this many failed inputs; the store keeps every one


class Progress(Protocol):
    def update(self, n: int = 1) -> Any: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> Any: ...


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    batch_size: int = 16  # articles per task sent to a worker (one coder.code_many call)
    dedup_threshold: float = 0.8  # estimated Jaccard similarity of 5-word shingles
    max_pending_writes: int = 256  # duplicates and failures held before they are written on their own
    retry_failed: bool = False  # code again the articles an earlier run stored as failed
    start_method: str | None = None  # None: workers.default_start_method()


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

    def note_failure(self, origin: str, code: str, reason: str) -> None:
        self.failed[code] += 1
        if len(self.failed_inputs) < MAX_NAMED_FAILURES:
            self.failed_inputs.append(FailureRow(origin=origin, code=code, reason=reason))

    def as_dict(self) -> dict[str, Any]:
        return {"read": self.read, "coded": self.coded, "events": self.events, "duplicates": self.duplicates,
                "already_stored": self.already_stored, "not_english": self.not_english,
                "failed": dict(sorted(self.failed.items())),
                "failed_inputs": [{"origin": f.origin, "code": f.code, "reason": f.reason} for f in self.failed_inputs],
                "seconds": round(self.seconds, 2)}


@dataclass(frozen=True)
class _Pending:
    item: SourceItem
    doc_id: str
    content_hash: str
    minhash: bytes


class _Run:
    """State of one ingest run; lives only for the duration of ``ingest``."""

    def __init__(self, *, db: Database, summary: IngestSummary, index: NearDuplicateIndex,
                 options: IngestOptions, progress: Progress | None):
        self.db, self.summary, self.index, self.options, self.progress = db, summary, index, options, progress
        self.stored = db.known_hashes(include_failed=not options.retry_failed)
        self.seen: set[str] = set()
        self.batches: dict[int, list[_Pending]] = {}
        self.next_batch = 0
        self.pending: list[_Pending] = []
        self.side_documents: list[DocumentRow] = []
        self.side_failures: list[FailureRow] = []
        for key, blob in db.first_copy_signatures():
            signature = index.from_bytes(blob)
            if signature is not None:
                index.add(key, signature)

    def accept(self, result: SourceItem | ReadFailure) -> None:
        self.summary.read += 1
        if isinstance(result, ReadFailure):
            self.side_failures.append(FailureRow(origin=result.origin, code=result.code, reason=result.reason))
            self._fail(result.origin, result.code, result.reason)
            return
        key = content_hash(result.text)
        if key in self.stored:
            self.summary.already_stored += 1
            self._tick()
            return
        if key in self.seen:
            self.summary.duplicates += 1
            self._tick()
            return
        self.seen.add(key)
        doc_id = result.id or key[:16]
        signature = self.index.signature(result.text)
        match = self.index.find(signature)
        if match is not None and match.first_copy != key:  # itself, when a failed article is retried
            self.side_documents.append(_row(result, doc_id=doc_id, key=key, status="duplicate",
                                            duplicate_of=match.first_copy, similarity=match.similarity))
            self.summary.duplicates += 1
            self._tick()
            return
        self.index.add(key, signature)
        self.pending.append(_Pending(result, doc_id, key, self.index.to_bytes(signature)))

    def take_batch(self, *, force: bool = False) -> tuple[int, list[dict[str, Any]]] | None:
        if not self.pending or (len(self.pending) < self.options.batch_size and not force):
            return None
        batch, self.pending = self.pending[: self.options.batch_size], self.pending[self.options.batch_size:]
        batch_id, self.next_batch = self.next_batch, self.next_batch + 1
        self.batches[batch_id] = batch
        return batch_id, [p.item.coder_input(doc_id=p.doc_id) for p in batch]

    def write_coded(self, batch_id: int, records: Sequence[dict[str, Any]]) -> None:
        batch = self.batches.pop(batch_id)
        rows = []
        for pending, record in zip(batch, records, strict=True):
            if "error" in record:
                error = record["error"]
                rows.append(_row(pending.item, doc_id=pending.doc_id, key=pending.content_hash, status="failed",
                                 error_code=error.get("code"), error_message=error.get("message"),
                                 minhash=pending.minhash))
                if error.get("code") == NOT_ENGLISH:
                    self.summary.not_english += 1
                else:
                    self.summary.note_failure(pending.item.origin, str(error.get("code")), str(error.get("message")))
            else:
                if pending.item.published_from == "html" and record.get("published") == pending.item.published:
                    record = {**record, "published_from": "html"}
                rows.append(_row(pending.item, doc_id=pending.doc_id, key=pending.content_hash, status="coded",
                                 record=record, minhash=pending.minhash))
                self.summary.coded += 1
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
        self.side_documents, self.side_failures = [], []

    def _fail(self, origin: str, code: str, reason: str) -> None:
        if code == NOT_ENGLISH:
            self.summary.not_english += 1
        else:
            self.summary.note_failure(origin, code, reason)
        self._tick()

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress.update(1)
            self.progress.set_postfix_str(
                f"coded {self.summary.coded}, dup {self.summary.duplicates}, "
                f"failed {sum(self.summary.failed.values())}",
                refresh=False)


def _row(item: SourceItem, *, doc_id: str, key: str, status: DocumentStatus, **extra: Any) -> DocumentRow:
    return DocumentRow(doc_id=doc_id, content_hash=key, origin=item.origin, text=item.text, status=status,
                       url=item.url, title=item.title, source=item.source, published=item.published,
                       published_from=item.published_from, **extra)


def ingest(results: Iterable[SourceItem | ReadFailure], *, db: Database, coder_factory: Callable[[], CoderLike],
           options: IngestOptions = IngestOptions(), arguments: dict[str, Any] | None = None,
           progress: Callable[[], AbstractContextManager[Progress]] | None = None) -> IngestSummary:
    """Code and store every article of ``results`` (from SourceReader.read); return what happened.

    ``progress`` makes the progress bar; it is called once the workers are started, so that no bar thread
    exists when they are forked."""
    started = time.perf_counter()
    summary = IngestSummary(run_id=db.start_run(command="ingest", arguments=arguments or {}))
    max_in_flight = 2 * options.workers
    with (CoderPool(factory=coder_factory, workers=options.workers, start_method=options.start_method) as pool,
          (progress() if progress is not None else nullcontext(None)) as bar):
        run = _Run(db=db, summary=summary, index=NearDuplicateIndex(threshold=options.dedup_threshold),
                   options=options, progress=bar)

        def dispatch(*, force: bool = False) -> None:
            while (task := run.take_batch(force=force)) is not None:
                while pool.in_flight >= max_in_flight:
                    done = pool.next_result()
                    run.write_coded(done.batch_id, done.records)
                pool.submit(*task)

        for result in results:
            run.accept(result)
            dispatch()
            while (done := pool.next_result(block=False)) is not None:
                run.write_coded(done.batch_id, done.records)
            run.flush(only_if_full=True)
        dispatch(force=True)
        while pool.in_flight:
            done = pool.next_result()
            run.write_coded(done.batch_id, done.records)
    run.flush()
    summary.seconds = time.perf_counter() - started
    db.finish_run(summary.run_id, summary=summary.as_dict())
    return summary
