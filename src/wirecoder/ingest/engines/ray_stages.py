"""The Ray Data stages of an ingest run. Rows travel between stages as one pickled DatasetRow each (a single
binary column, so no stage depends on Arrow inferring a schema from a batch that happens to hold only nulls);
the last stage returns Arrow tables of the dataset's fixed schema.

  read     flat_map over input units (a file, or a URL): read, extract, fingerprint (content hash, MinHash)
  triage   one actor that sees every article in input order: stored before, repeated, near-duplicate, new
  code     an actor pool; each actor builds one Coder (spaCy, gazetteer, models) and codes the new articles
"""
from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyarrow as pa

from ...errors import WirecoderError
from ..dataset import DatasetRow, to_table
from ..dedup import NearDuplicateIndex
from ..fetch import Fetcher, FetchOptions
from ..items import SourceItem
from ..sources import ReadOptions, SourceReader
from ..triage import Fingerprint, Triage
from ..workers import CoderLike, code_batch
from ..writer import final_record


def pack(rows: Iterable[DatasetRow]) -> pa.Table:
    return pa.table({"payload": pa.array([pickle.dumps(row) for row in rows], type=pa.binary())})


def unpack(batch: pa.Table) -> list[DatasetRow]:
    return [pickle.loads(blob) for blob in batch.column("payload").to_pylist()]


def read_unit(row: dict[str, Any], *, read_options: ReadOptions, fetch_options: FetchOptions,
              threshold: float) -> Iterator[dict[str, bytes]]:
    """Every article (or failure) of one input, fingerprinted where it was read."""
    reader = SourceReader(options=read_options, fetcher=Fetcher(fetch_options))
    index = NearDuplicateIndex(threshold=threshold)
    for result in reader.read([row["unit"]]):
        fingerprint = Fingerprint.of(result.text, index=index) if isinstance(result, SourceItem) else None
        yield {"payload": pickle.dumps(DatasetRow.read(result, fingerprint))}


class TriageActor:
    """The one actor that judges articles in input order (the dataset preserves order)."""

    def __init__(self, *, threshold: float, stored: list[str], signatures: list[tuple[str, bytes]]):
        self.triage = Triage(threshold=threshold, stored=stored, signatures=signatures)

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = unpack(batch)
        return pack(row.judged(self.triage.judge(row.item(), row.fingerprint())) if row.status == "read" else row
                    for row in rows)


class CoderActor:
    """Builds one Coder when the actor starts and codes every batch sent to it. A Coder that cannot be built
    is reported with its own code (W010, W020, W040) at the first batch."""

    def __init__(self, *, factory: Callable[[], CoderLike]):
        self.error: WirecoderError | None = None
        try:
            self.coder: CoderLike | None = factory()
        except WirecoderError as err:
            self.coder, self.error = None, err

    def __call__(self, batch: pa.Table) -> pa.Table:
        if self.coder is None:
            assert self.error is not None
            raise self.error
        rows = unpack(batch)
        todo = [n for n, row in enumerate(rows) if row.status == "code"]
        records = code_batch(self.coder, [rows[n].coder_input() for n in todo]) if todo else []
        for n, record in zip(todo, records, strict=True):
            rows[n] = rows[n].with_record(final_record(rows[n].item(), record))
        return to_table(rows)
