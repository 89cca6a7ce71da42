"""Coding in worker processes: each worker builds one Coder (loading spaCy and the gazetteer once) and codes
the batches it takes from a queue; the parent process stays the only writer to the store."""
from __future__ import annotations

import multiprocessing
import queue
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import WirecoderError


class CoderLike(Protocol):
    def code_many(self, items: Any) -> Any: ...


@dataclass(frozen=True)
class CoderFactory:
    """Builds the real Coder in a worker. Picklable, so it crosses into spawned processes; None leaves the
    Coder's own default."""

    spacy_model: str | None = None
    gazetteer: str | None = None
    typing_model: str | None = None
    max_chars: int | None = None

    def __call__(self) -> CoderLike:
        from ..coder import Coder

        options = {key: value for key, value in vars(self).items() if value is not None}
        return Coder(**options)


@dataclass(frozen=True)
class BatchResult:
    batch_id: int
    records: list[dict[str, Any]]


def _error_record(item: dict[str, Any], code: str, message: str) -> dict[str, Any]:
    return {"id": item.get("id"), "error": {"code": code, "message": message, "line": None}}


def _code_one(coder: CoderLike, item: dict[str, Any]) -> dict[str, Any]:
    try:
        records = list(coder.code_many([item]))
    except WirecoderError as err:
        return _error_record(item, err.code, err.message)
    except Exception as err:
        detail = "".join(traceback.format_exception_only(err)).strip()
        return _error_record(item, "W099", f"the coder failed on this article: {detail}")
    if len(records) != 1:
        return _error_record(item, "W099", f"the coder returned {len(records)} records for one article")
    return records[0]


def code_batch(coder: CoderLike, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One record per item, in order; a coder bug fails only the article that caused it."""
    try:
        records = list(coder.code_many(items))
    except Exception:  # a bug in the coder: code the articles one by one so that only the culprit fails
        return [_code_one(coder, item) for item in items]
    if len(records) != len(items):  # a record went missing: which one is unknown, so redo one by one
        return [_code_one(coder, item) for item in items]
    return records


def _worker_main(factory: Callable[[], CoderLike], tasks: Any, results: Any) -> None:
    try:
        coder = factory()
    except BaseException as err:
        detail = (err.detail if isinstance(err, WirecoderError)
                  else "".join(traceback.format_exception_only(err)).strip())
        results.put(("failed", detail, getattr(err, "code", "W099")))
        return
    results.put(("ready", None, None))
    for batch_id, items in iter(tasks.get, None):
        results.put(("done", BatchResult(batch_id, code_batch(coder, items)), None))


def default_start_method() -> str:
    """fork on Linux: a forked worker starts with the modules the parent already imported (about 1.5 s of
    CPU less per worker than spawn, which imports spaCy and the rest again); spawn elsewhere. The parent
    only forks before it starts any thread and never uses its SQLite connection in a child."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


class CoderPool:
    """N worker processes fed through one task queue. Use as a context manager."""

    def __init__(self, *, factory: Callable[[], CoderLike], workers: int, start_method: str | None = None):
        if workers < 1:
            raise WirecoderError("W008", f"--workers must be at least 1, not {workers}")
        context = multiprocessing.get_context(start_method or default_start_method())
        self._tasks = context.Queue()
        self._results = context.Queue()
        self._processes = [
            context.Process(target=_worker_main, args=(factory, self._tasks, self._results),
                            daemon=True, name=f"wirecoder-coder-{n}")
            for n in range(workers)]
        for process in self._processes:
            process.start()
        self.in_flight = 0

    def submit(self, batch_id: int, items: list[dict[str, Any]]) -> None:
        self._tasks.put((batch_id, items))
        self.in_flight += 1

    def next_result(self, *, block: bool = True) -> BatchResult | None:
        """The next finished batch; None when ``block`` is False and none is ready."""
        while True:
            try:
                kind, payload, code = self._results.get(timeout=1.0) if block else self._results.get_nowait()
            except queue.Empty:
                if not block:
                    return None
                if not all(process.is_alive() for process in self._processes):
                    raise WirecoderError("W099", "a coding worker died; the batches written so far are kept, "
                                                 "re-run the same command to resume") from None
                continue
            if kind == "failed":
                raise WirecoderError(code if code in ("W010", "W020", "W040") else "W099",
                                     f"a coding worker could not start: {payload}")
            if kind == "done":
                self.in_flight -= 1
                return payload

    def close(self) -> None:
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()

    def __enter__(self) -> "CoderPool":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if exc_type is not None:
            for process in self._processes:
                process.terminate()
        self.close()


class InlinePool:
    """Codes in this process with one Coder, built at the first batch and kept: for a caller that codes a
    few articles at a time (watch) and should load the models once, not once per poll."""

    def __init__(self, *, factory: Callable[[], CoderLike]):
        self._factory = factory
        self._coder: CoderLike | None = None
        self._done: list[BatchResult] = []
        self.in_flight = 0

    def submit(self, batch_id: int, items: list[dict[str, Any]]) -> None:
        if self._coder is None:
            self._coder = self._factory()
        self._done.append(BatchResult(batch_id, code_batch(self._coder, items)))
        self.in_flight += 1

    def next_result(self, *, block: bool = True) -> BatchResult | None:
        if not self._done:
            return None
        self.in_flight -= 1
        return self._done.pop(0)
