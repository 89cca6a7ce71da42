"""`code --jsonl IN.jsonl --engine ray`: the same records, in the same order, coded by a pool of Ray actors.

The driver cuts the file into runs of lines (it only counts newlines); reading tasks parse each run with its
line numbers; each coder actor builds one Coder and codes batches; the records come back in input order."""
from __future__ import annotations

import importlib
import json
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa

from ...errors import WirecoderError
from ...jsonl import jsonl_items
from ...record import error_record
from ..workers import CoderLike, code_batch
from .cluster import RayOptions, coder_actors, import_ray, ray_session
from .ray_ingest import unwrap_ray_error


def line_runs(path: Path, *, lines_per_run: int) -> list[dict[str, int]]:
    """(byte offset, first line number, number of lines) of consecutive runs of lines of ``path``."""
    runs: list[dict[str, int]] = []
    offset, line = 0, 1
    with path.open("rb") as handle:
        while True:
            start, count = offset, 0
            for raw in handle:
                offset += len(raw)
                count += 1
                if count == lines_per_run:
                    break
            if not count:
                return runs
            runs.append({"offset": start, "first_line": line, "count": count})
            line += count


def read_run(run: dict[str, Any], *, path: str) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as handle:
        handle.seek(run["offset"])
        lines = [handle.readline() for _ in range(run["count"])]
    for number, item in enumerate(jsonl_items(lines, first_line=run["first_line"]), start=run["first_line"]):
        yield {"line": number, "payload": pickle.dumps(item)}


class RecordCoderActor:
    """One Coder per actor; codes a batch of parsed lines into records (errors keep their line numbers)."""

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
        lines = batch.column("line").to_pylist()
        items = [pickle.loads(blob) for blob in batch.column("payload").to_pylist()]
        todo = [n for n, item in enumerate(items) if not isinstance(item, WirecoderError)]
        records: list[dict[str, Any]] = [
            error_record(None, item.code, item.message, lines[n]) if isinstance(item, WirecoderError) else {}
            for n, item in enumerate(items)]
        for n, record in zip(todo, code_batch(self.coder, [items[n] for n in todo]) if todo else [], strict=True):
            if "error" in record:
                record["error"]["line"] = lines[n]
            records[n] = record
        return pa.table({"record": pa.array([json.dumps(r, ensure_ascii=False) for r in records], pa.string())})


def code_jsonl_ray(path: str, *, factory: Callable[[], CoderLike], options: RayOptions = RayOptions(),
                   lines_per_run: int = 256) -> Iterator[dict[str, Any]]:
    """The records of every line of ``path``, in order (one per line, errors included)."""
    if path == "-":
        raise WirecoderError("W083", "the ray engine reads a JSONL file, not standard input",
                             fix="write the input to a file and name it, or drop --engine ray")
    import_ray()
    try:
        runs = line_runs(Path(path), lines_per_run=lines_per_run)
    except OSError as err:
        raise WirecoderError("W007", f"cannot read {path}: {err.strerror}") from err
    if not runs:
        return
    with ray_session(options) as ray:
        ray_data = importlib.import_module("ray.data")
        actors = coder_actors(ray, options)
        dataset = (ray_data.from_items(runs, override_num_blocks=min(len(runs), 512))
                   .flat_map(read_run, fn_kwargs={"path": str(Path(path).resolve())}, num_cpus=0,
                             compute=ray_data.TaskPoolStrategy(size=max(2, actors)))
                   .map_batches(RecordCoderActor, batch_format="pyarrow", batch_size=options.batch_size, num_cpus=1,
                                compute=ray_data.ActorPoolStrategy(size=actors),
                                fn_constructor_kwargs={"factory": factory}))
        try:
            for table in dataset.iter_batches(batch_format="pyarrow", batch_size=None):
                for record in table.column("record").to_pylist():
                    yield json.loads(record)
        except WirecoderError:
            raise
        except Exception as err:
            raise unwrap_ray_error(err) from err
