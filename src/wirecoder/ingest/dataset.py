"""The rows an engine run produces, one per input article or unreadable input, and the Parquet dataset they make
with ``ingest --engine ray --out DIR`` (partitioned by publication month, hive style: ``month=2024-03/``).

The same rows feed the store's one writer, whether they arrive from Ray Data or from a dataset on disk
(``wirecoder import DIR --db FILE``), so a run written to Parquet and imported later stores what the run would
have stored directly (triage against the store is done again at import)."""
from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

import pyarrow as pa

from ..errors import WirecoderError
from .items import ReadFailure, SourceItem
from .triage import Fingerprint, Triage, Verdict
from .writer import IngestSummary, StoreWriter

RowStatus = Literal["read", "unread", "code", "coded", "failed", "duplicate", "already_stored", "repeat"]
STORED = ("coded", "failed", "duplicate")  # the statuses that become documents

SCHEMA = pa.schema([
    ("status", pa.string()), ("origin", pa.string()), ("doc_id", pa.string()), ("content_hash", pa.string()),
    ("text", pa.string()), ("title", pa.string()), ("url", pa.string()), ("source", pa.string()),
    ("published", pa.string()), ("published_from", pa.string()), ("duplicate_of", pa.string()),
    ("similarity", pa.float64()), ("error_code", pa.string()), ("error_message", pa.string()),
    ("record", pa.string()), ("events", pa.int32()), ("minhash", pa.binary()), ("month", pa.string()),
])


@dataclass
class DatasetRow:
    """One input's way through the stages: read (or unread), then triaged, then coded (or failed)."""

    status: RowStatus
    origin: str
    text: str | None = None
    doc_id: str | None = None
    content_hash: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    published_from: str | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    error_code: str | None = None
    error_message: str | None = None
    record: str | None = None  # the wirecoder.document/1 record as JSON
    events: int | None = None
    minhash: bytes | None = None  # the article's signature (its fingerprint, for triage at import)

    @classmethod
    def read(cls, result: SourceItem | ReadFailure, fingerprint: Fingerprint | None) -> "DatasetRow":
        if isinstance(result, ReadFailure):
            return cls("unread", result.origin, error_code=result.code, error_message=result.reason)
        assert fingerprint is not None
        return cls("read", result.origin, text=result.text, doc_id=result.id, title=result.title, url=result.url,
                   source=result.source, published=result.published, published_from=result.published_from,
                   content_hash=fingerprint.content_hash, minhash=fingerprint.minhash)

    def item(self) -> SourceItem:
        return SourceItem(origin=self.origin, text=self.text or "", id=self.doc_id, title=self.title, url=self.url,
                          source=self.source, published=self.published,
                          published_from=self.published_from)  # type: ignore[arg-type]

    def fingerprint(self) -> Fingerprint:
        return Fingerprint(str(self.content_hash), self.minhash or b"")

    def judged(self, verdict: Verdict) -> "DatasetRow":
        keep_text = verdict.status in ("code", "duplicate")  # the others are not stored: no need to carry them
        return replace(self, status=verdict.status, doc_id=verdict.doc_id, duplicate_of=verdict.duplicate_of,
                       similarity=verdict.similarity, text=self.text if keep_text else None)

    def verdict(self) -> Verdict:
        status = "code" if self.status in ("coded", "failed") else self.status
        minhash = self.minhash if status == "code" else None
        return Verdict(status, str(self.doc_id), str(self.content_hash), minhash=minhash,  # type: ignore[arg-type]
                       duplicate_of=self.duplicate_of, similarity=self.similarity)

    def coder_input(self) -> dict[str, Any]:
        return self.item().coder_input(doc_id=str(self.doc_id))

    def with_record(self, record: dict[str, Any]) -> "DatasetRow":
        if "error" in record:
            error = record["error"]
            return replace(self, status="failed", error_code=error.get("code"), error_message=error.get("message"),
                           record=None, events=None)
        return replace(self, status="coded", record=json.dumps(record, ensure_ascii=False),
                       events=len(record.get("events") or []))

    def parsed_record(self) -> dict[str, Any]:
        if self.status == "failed":
            return {"id": self.doc_id, "error": {"code": self.error_code, "message": self.error_message, "line": None}}
        return json.loads(self.record or "{}")

    def month(self) -> str:
        return self.published[:7] if self.published and len(self.published) >= 7 else "unknown"


def to_table(rows: Iterable[DatasetRow]) -> pa.Table:
    columns: dict[str, list[Any]] = {name: [] for name in SCHEMA.names}
    for row in rows:
        for name, value in asdict(row).items():
            columns[name].append(value)
        columns["month"].append(row.month())
    return pa.Table.from_pydict(columns, schema=SCHEMA)


_ROW_FIELDS = tuple(f.name for f in fields(DatasetRow))


def rows_of(table: pa.Table) -> Iterator[DatasetRow]:
    for values in table.select(list(_ROW_FIELDS)).to_pylist():
        yield DatasetRow(**values)


def feed_writer(rows: Iterable[DatasetRow], writer: StoreWriter) -> None:
    """Hand one batch of finished rows to the store's writer (one transaction for the batch)."""
    coded = []
    for row in rows:
        if row.status == "unread":
            writer.read_failure(ReadFailure(row.origin, str(row.error_code), row.error_message or ""))
            continue
        item, verdict = row.item(), row.verdict()
        writer.judged(item, verdict)
        if verdict.status == "code":
            coded.append((item, verdict, row.parsed_record()))
    writer.coded(coded) if coded else writer.flush(only_if_full=True)


def read_dataset(path: Path, *, batch_rows: int = 512) -> Iterator[list[DatasetRow]]:
    """The rows of a dataset written by ``ingest --out``, in batches (W082 at once if it is not one)."""
    import pyarrow.dataset as pads

    if not path.is_dir() or not any(path.rglob("*.parquet")):
        raise WirecoderError("W082", f"{path} is not a folder holding a dataset written by `ingest --out`")
    try:
        dataset = pads.dataset(str(path), format="parquet", partitioning="hive", schema=SCHEMA)
    except (pa.ArrowInvalid, OSError) as err:
        raise WirecoderError("W082", f"{path} cannot be read as a wirecoder dataset: {err}") from err
    return _batches(dataset, path=path, batch_rows=batch_rows)


def _batches(dataset: Any, *, path: Path, batch_rows: int) -> Iterator[list[DatasetRow]]:
    try:
        for batch in dataset.to_batches(batch_size=batch_rows):
            yield list(rows_of(pa.Table.from_batches([batch])))
    except (pa.ArrowInvalid, OSError) as err:
        raise WirecoderError("W082", f"{path} cannot be read as a wirecoder dataset: {err}") from err


def retriage(rows: Iterable[DatasetRow], triage: Triage) -> Iterator[DatasetRow]:
    """Rows of a dataset judged again against the store they are imported into: an article the store already
    holds is not stored twice, and a near-copy of a stored article becomes a duplicate (its record dropped)."""
    for row in rows:
        if row.status not in STORED:
            yield row
            continue
        verdict = triage.judge(row.item(), row.fingerprint())
        if verdict.status == "code":
            yield row
        else:
            yield replace(row.judged(verdict), record=None, events=None)


def import_dataset(path: str | Path, *, db: Any, dedup_threshold: float = 0.8,
                   arguments: dict[str, Any] | None = None) -> IngestSummary:
    """Store a dataset written by ``ingest --out`` into ``db`` through its one writer; return the counts."""
    started = time.perf_counter()
    batches = read_dataset(Path(path))
    summary = IngestSummary(run_id=db.start_run(command="import", arguments=arguments or {"path": str(path)}))
    writer = StoreWriter(db=db, summary=summary)
    triage = Triage.from_store(db, threshold=dedup_threshold, retry_failed=False)
    for rows in batches:
        feed_writer(retriage(rows, triage), writer)
    writer.flush()
    summary.seconds = time.perf_counter() - started
    db.finish_run(summary.run_id, summary=summary.as_dict())
    return summary
