"""The ingest run on one machine: read inputs, triage them (already stored, repeated, near-duplicate or new),
code the new ones in worker processes and hand every batch to the one writer (this process).

Resumable by construction: documents are keyed by content hash, so after a crash (even kill -9) the same
command skips what was committed and codes what was not. The Ray engine (engines/ray_ingest.py) runs the same
triage and the same writer around Ray Data stages.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any, Protocol

from ..store import Database
from .items import ReadFailure, SourceItem
from .triage import Triage, Verdict
from .workers import BatchResult, CoderLike, CoderPool
from .writer import IngestSummary, Progress, StoreWriter, WriterOptions

__all__ = ["IngestOptions", "IngestSummary", "PoolLike", "ingest"]


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    batch_size: int = 16  # articles per task sent to a worker (one coder.code_many call)
    dedup_threshold: float = 0.8  # estimated Jaccard similarity of 5-word shingles
    max_pending_writes: int = 256  # duplicates and failures held before they are written on their own
    retry_failed: bool = False  # code again the articles an earlier run stored as failed
    start_method: str | None = None  # None: workers.default_start_method()


class PoolLike(Protocol):
    """What the run codes with: CoderPool (worker processes) or InlinePool (this process)."""

    in_flight: int

    def submit(self, batch_id: int, items: list[dict[str, Any]]) -> None: ...
    def next_result(self, *, block: bool = True) -> BatchResult | None: ...


class _Run:
    """State of one ingest run; lives only for the duration of ``ingest``."""

    def __init__(self, *, triage: Triage, writer: StoreWriter, options: IngestOptions):
        self.triage, self.writer, self.options = triage, writer, options
        self.batches: dict[int, list[tuple[SourceItem, Verdict]]] = {}
        self.next_batch = 0
        self.pending: list[tuple[SourceItem, Verdict]] = []

    def accept(self, result: SourceItem | ReadFailure) -> None:
        if isinstance(result, ReadFailure):
            self.writer.read_failure(result)
            return
        verdict = self.triage.judge(result)
        self.writer.judged(result, verdict)
        if verdict.status == "code":
            self.pending.append((result, verdict))

    def take_batch(self, *, force: bool = False) -> tuple[int, list[dict[str, Any]]] | None:
        if not self.pending or (len(self.pending) < self.options.batch_size and not force):
            return None
        batch, self.pending = self.pending[: self.options.batch_size], self.pending[self.options.batch_size:]
        batch_id, self.next_batch = self.next_batch, self.next_batch + 1
        self.batches[batch_id] = batch
        return batch_id, [item.coder_input(doc_id=verdict.doc_id) for item, verdict in batch]

    def write_coded(self, done: BatchResult) -> None:
        batch = self.batches.pop(done.batch_id)
        self.writer.coded([(item, verdict, record) for (item, verdict), record in zip(batch, done.records,
                                                                                         strict=True)])


def ingest(results: Iterable[SourceItem | ReadFailure], *, db: Database,
           coder_factory: Callable[[], CoderLike] | None = None, options: IngestOptions = IngestOptions(),
           arguments: dict[str, Any] | None = None,
           progress: Callable[[], AbstractContextManager[Progress]] | None = None,
           pool: PoolLike | None = None, command: str = "ingest") -> IngestSummary:
    """Code and store every article of ``results`` (from SourceReader.read); return what happened.

    The articles are coded by ``pool`` when given (left open: a caller that polls reuses it), else by a
    CoderPool of ``options.workers`` processes built from ``coder_factory``. ``progress`` makes the progress
    bar; it is called once the workers are started, so that no bar thread exists when they are forked."""
    started = time.perf_counter()
    summary = IngestSummary(run_id=db.start_run(command=command, arguments=arguments or {}))
    max_in_flight = 2 * options.workers
    if pool is None and coder_factory is None:
        raise ValueError("ingest needs a coder_factory or a pool")
    opened = (nullcontext(pool) if pool is not None else
              CoderPool(factory=coder_factory, workers=options.workers, start_method=options.start_method))
    with opened as coders, (progress() if progress is not None else nullcontext(None)) as bar:
        writer = StoreWriter(db=db, summary=summary, progress=bar,
                             options=WriterOptions(max_pending_writes=options.max_pending_writes,
                                                   retry_failed=options.retry_failed))
        run = _Run(triage=Triage.from_store(db, threshold=options.dedup_threshold,
                                            retry_failed=options.retry_failed),
                   writer=writer, options=options)

        def dispatch(*, force: bool = False) -> None:
            while (task := run.take_batch(force=force)) is not None:
                while coders.in_flight >= max_in_flight:
                    run.write_coded(coders.next_result())
                coders.submit(*task)

        for result in results:
            run.accept(result)
            dispatch()
            while (done := coders.next_result(block=False)) is not None:
                run.write_coded(done)
            writer.flush(only_if_full=True)
        dispatch(force=True)
        while coders.in_flight:
            run.write_coded(coders.next_result())
        writer.flush()
    summary.seconds = time.perf_counter() - started
    db.finish_run(summary.run_id, summary=summary.as_dict())
    return summary
