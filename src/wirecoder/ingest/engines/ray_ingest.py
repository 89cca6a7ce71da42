"""`ingest --engine ray`: the ingest run as Ray Data stages (see ray_stages.py), on a local Ray or a cluster.

Results go either to the store through its one writer (this process, batch by batch, as the local engine
writes them: a killed run resumes by content hash), or to a Parquet dataset (``--out DIR``) that
``wirecoder import`` stores later."""
from __future__ import annotations

import importlib
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import WirecoderError
from ...store import Database
from ..dataset import SCHEMA, feed_writer, rows_of
from ..fetch import FetchOptions
from ..sources import ReadOptions, SourceReader
from ..workers import CoderLike
from ..writer import IngestSummary, Progress, StoreWriter, WriterOptions
from .cluster import RayOptions, coder_actors, import_ray, ray_session
from .ray_stages import CoderActor, TriageActor, read_unit


ROWS_PER_FILE = 5000  # Parquet files of a dataset gather blocks up to this many rows (blocks are small)


@dataclass(frozen=True)
class RayIngestOptions:
    ray: RayOptions = RayOptions()
    dedup_threshold: float = 0.8
    retry_failed: bool = False
    max_pending_writes: int = 256
    read: ReadOptions = ReadOptions()
    fetch: FetchOptions = FetchOptions()


def _units(inputs: Sequence[str], read: ReadOptions) -> list[str]:
    units = list(SourceReader(options=read).units(inputs))
    if "-" in units:
        raise WirecoderError("W083", "the ray engine reads files, folders and URLs, not standard input",
                             fix="write the input to a file and name it, or use --engine local")
    return units


def _dataset(ray: Any, units: list[str], *, factory: Callable[[], CoderLike], options: RayIngestOptions,
             stored: list[str], signatures: list[tuple[str, bytes]]) -> Any:
    """read (tasks) -> triage (one actor) -> code (an actor pool, one Coder each); order preserved."""
    ray_data = importlib.import_module("ray.data")
    dataset = ray_data.from_items([{"unit": unit} for unit in units], override_num_blocks=max(1, min(len(units), 512)))
    # reading and triage take no CPU slot: the coder actors hold one each, as the local engine's workers do.
    # A pool of reading tasks of its own size keeps Ray Data from fusing the reading into the triage actor
    # (which would read every input in that one process) and bounds how much is read ahead.
    actors = coder_actors(ray, options.ray)
    dataset = dataset.flat_map(read_unit, num_cpus=0, compute=ray_data.TaskPoolStrategy(size=max(2, actors)),
                               fn_kwargs={"read_options": options.read, "fetch_options": options.fetch,
                                          "threshold": options.dedup_threshold})
    dataset = dataset.map_batches(
        TriageActor, batch_format="pyarrow", batch_size=None, num_cpus=0,
        compute=ray_data.ActorPoolStrategy(size=1),
        fn_constructor_kwargs={"threshold": options.dedup_threshold, "stored": stored, "signatures": signatures})
    return dataset.map_batches(
        CoderActor, batch_format="pyarrow", batch_size=options.ray.batch_size, num_cpus=1,
        compute=ray_data.ActorPoolStrategy(size=actors), fn_constructor_kwargs={"factory": factory})


def unwrap_ray_error(err: Exception) -> WirecoderError:
    """A failure inside a Ray stage as a coded error: the WirecoderError Ray wrapped (a Coder that cannot load,
    W010/W020/W040), else W081 naming what Ray reported."""
    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:
        if isinstance(current, WirecoderError):
            return WirecoderError(current.code, current.detail, fix=current.fix)
        seen.add(id(current))
        current = getattr(current, "cause", None) or current.__cause__
    return WirecoderError("W081", f"the Ray run failed: {type(err).__name__}: {err}")


def ingest_ray(inputs: Sequence[str], *, factory: Callable[[], CoderLike], db: Database | None = None,
               out: Path | None = None, options: RayIngestOptions = RayIngestOptions(),
               arguments: dict[str, Any] | None = None,
               progress: Callable[[], AbstractContextManager[Progress]] | None = None) -> IngestSummary:
    """Code ``inputs`` with Ray Data into ``db`` (through its one writer) or into a Parquet dataset ``out``."""
    if (db is None) == (out is None):
        raise WirecoderError("W083", "the ray engine writes either to the store (--db) or to a dataset (--out), "
                                     "one of the two")
    if out is not None and out.exists() and any(out.iterdir()):
        raise WirecoderError("W082", f"{out} already holds files; a dataset is written into a new or empty folder")
    import_ray()  # before anything is written: W080 when the extra is missing
    units = _units(inputs, options.read)
    started = time.perf_counter()
    stored = sorted(db.known_hashes(include_failed=not options.retry_failed)) if db is not None else []
    signatures = list(db.first_copy_signatures()) if db is not None else []
    summary = IngestSummary(run_id=db.start_run(command="ingest", arguments=arguments or {}) if db else 0)
    if not units:  # an empty folder: nothing to start Ray for
        summary.seconds = time.perf_counter() - started
        if db is not None:
            db.finish_run(summary.run_id, summary=summary.as_dict())
        return summary
    with ray_session(options.ray) as ray:
        dataset = _dataset(ray, units, factory=factory, options=options, stored=stored, signatures=signatures)
        try:
            if out is not None:
                dataset.write_parquet(str(out), partition_cols=["month"], min_rows_per_file=ROWS_PER_FILE)
                _count_dataset(out, summary)
            else:
                with progress() if progress is not None else nullcontext(None) as bar:
                    writer = StoreWriter(db=db, summary=summary, progress=bar, options=WriterOptions(
                        max_pending_writes=options.max_pending_writes, retry_failed=options.retry_failed))
                    for table in _batches(dataset):
                        feed_writer(rows_of(table), writer)
                    writer.flush()
        except WirecoderError:
            raise
        except Exception as err:  # Ray wraps what failed in a stage; a coded error inside is the user's to fix
            raise unwrap_ray_error(err) from err
    summary.seconds = time.perf_counter() - started
    if db is not None:
        db.finish_run(summary.run_id, summary=summary.as_dict())
    return summary


def _batches(dataset: Any) -> Iterator[Any]:
    yield from dataset.iter_batches(batch_format="pyarrow", batch_size=None)


def _count_dataset(out: Path, summary: IngestSummary) -> None:
    """The summary of a run written to a dataset, from the dataset itself."""
    import pyarrow.dataset as pads

    table = pads.dataset(str(out), format="parquet", partitioning="hive", schema=SCHEMA).to_table(
        columns=["status", "origin", "error_code", "error_message", "events", "record"])
    statuses = Counter(table.column("status").to_pylist())
    summary.read = sum(statuses.values())
    summary.coded = statuses["coded"]
    summary.duplicates = statuses["duplicate"] + statuses["repeat"]
    summary.already_stored = statuses["already_stored"]
    summary.events = sum(n or 0 for n in table.column("events").to_pylist())
    for row in table.select(["status", "origin", "error_code", "error_message", "record"]).to_pylist():
        if row["status"] in ("failed", "unread"):
            summary.count_failure(row["origin"], str(row["error_code"]), str(row["error_message"]))
        elif row["status"] == "coded" and row["record"]:
            summary.note_record(row["origin"], json.loads(row["record"]))
