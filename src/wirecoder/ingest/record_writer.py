"""Storing records coded elsewhere (`wirecoder code --db`, or any caller holding a text and its record) the way
ingest stores them: keyed by content hash (writing the same article again adds nothing), near-duplicates of a
stored article linked to it instead of stored as a second source, batches written in one transaction each,
and every batch's events merged into incidents by the store as it is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..store import Database, DocumentRow, FailureRow
from .dedup import NearDuplicateIndex, content_hash


@dataclass
class RecordWriterSummary:
    stored: int = 0
    events: int = 0
    duplicates: int = 0
    already_stored: int = 0
    failed: int = 0
    incidents_created: int = 0
    incidents_updated: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(vars(self))


class RecordWriter:
    """Collects (text, record) pairs and writes them in batches. Use as a context manager: leaving it writes
    what is pending and closes the run."""

    def __init__(self, db: Database, *, command: str, arguments: dict[str, Any], batch_size: int = 16,
                 dedup_threshold: float = 0.8):
        self.db = db
        self.batch_size = batch_size
        self.summary = RecordWriterSummary()
        self.run_id = db.start_run(command=command, arguments=arguments)
        self.index = NearDuplicateIndex(threshold=dedup_threshold)
        for key, blob in db.first_copy_signatures():
            signature = self.index.from_bytes(blob)
            if signature is not None:
                self.index.add(key, signature)
        self.known = db.known_hashes(include_failed=False)
        self.documents: list[DocumentRow] = []
        self.failures: list[FailureRow] = []

    def add(self, *, text: str, record: dict[str, Any], origin: str, title: str | None = None,
            url: str | None = None, source: str | None = None, published: str | None = None) -> None:
        """One coded article (``record`` a document record, or an error record ``{"id", "error"}``)."""
        key = content_hash(text)
        if key in self.known:
            self.summary.already_stored += 1
            return
        self.known.add(key)
        doc_id = str(record.get("id") or key[:16])
        common = {"doc_id": doc_id, "content_hash": key, "origin": origin, "text": text, "url": url,
                  "title": title, "source": source, "published": record.get("published") or published}
        signature = self.index.signature(text)
        if "error" in record:
            error = record["error"]
            self.documents.append(DocumentRow(**common, status="failed", error_code=error.get("code"),
                                              error_message=error.get("message"),
                                              minhash=self.index.to_bytes(signature)))
            self.summary.failed += 1
        else:
            match = self.index.find(signature)
            if match is not None:
                self.documents.append(DocumentRow(**common, status="duplicate", duplicate_of=match.first_copy,
                                                  similarity=match.similarity))
                self.summary.duplicates += 1
            else:
                self.index.add(key, signature)
                self.documents.append(DocumentRow(**common, status="coded", record=record,
                                                  published_from=record.get("published_from"),
                                                  minhash=self.index.to_bytes(signature)))
        if len(self.documents) >= self.batch_size:
            self.flush()

    def fail(self, *, origin: str, code: str, reason: str) -> None:
        """An input that yielded no article (a broken JSONL line)."""
        self.failures.append(FailureRow(origin=origin, code=code, reason=reason))
        self.summary.failed += 1

    def flush(self) -> None:
        if not self.documents and not self.failures:
            return
        written = self.db.write_batch(run_id=self.run_id, documents=self.documents, failures=self.failures)
        self.summary.stored += written.documents_added
        self.summary.events += written.events_added
        self.summary.incidents_created += len(written.incidents.created)
        self.summary.incidents_updated += len(written.incidents.updated)
        self.documents, self.failures = [], []

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.flush()
        self.db.finish_run(self.run_id, summary=self.summary.as_dict())
