"""Throughput of the engines on one machine, in one process, on the same corpus:

    .venv/bin/python bench/engines_speed.py [--limit N] [--rounds R] [--batch-size B] [--data ../shared/data/geoparsing]

The texts are the news articles of TR-News and GeoVirus, read by path into a temporary JSONL file (nothing is
copied into the repository). Three runs, each coding every article into a new store where an engine is used:
  one process   Coder.code_many in this process (the model load is timed apart: coding only)
  local w2      ingest(..., workers=2): two forked worker processes, each loading its Coder, this process writing
  ray 2 CPUs    ingest --engine ray on a local Ray started with num_cpus=2 (started once, before the runs, and
                timed apart, as a cluster would already be running): two coder actors, each loading its Coder
Each engine run's wall time counts everything from the call to the last commit (workers or actors started,
models loaded, reading, triage, coding, writing), so Ray's overhead is measured where it is paid. With
--rounds R the runs are repeated R times, interleaved, and the best (lowest) time of each is kept: other load
on a shared machine only ever adds time. Prints articles/s, the ratios, and the per-core coding rate that
docs/scale.md turns into cores for a GDELT-sized day.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"


def articles(data: Path) -> list[dict]:
    items = []
    for name in ("TR-News.xml", "GeoVirus.xml"):
        for number, node in enumerate(ET.parse(data / name).getroot().iter("article")):
            text = (node.findtext("text") or "").strip()
            if text:
                items.append({"id": f"{name.split('.')[0]}-{number}", "text": text,
                              "title": (node.findtext("title") or "").strip() or None})
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=16, help="articles per batch, both engines")
    args = parser.parse_args()

    import ray

    from wirecoder import Coder
    from wirecoder.ingest import CoderFactory, IngestOptions, SourceReader, ingest
    from wirecoder.ingest.engines.cluster import RayOptions
    from wirecoder.ingest.engines.ray_ingest import RayIngestOptions, ingest_ray
    from wirecoder.store import Database

    items = articles(args.data)[: args.limit]
    n = len(items)
    best: dict[str, float] = {}

    def keep(label: str, seconds: float) -> None:
        best[label] = min(best.get(label, float("inf")), seconds)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
        started = time.perf_counter()
        coder = Coder()
        load = time.perf_counter() - started
        started = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING,
                 _system_config={"worker_niceness": 0})
        ray_start = time.perf_counter() - started
        for round_number in range(args.rounds):
            started = time.perf_counter()
            records = list(coder.code_many(items))
            keep("one process", time.perf_counter() - started)
            assert len(records) == n

            started = time.perf_counter()
            with Database(folder / f"local-{round_number}.db") as db:
                local = ingest(SourceReader().read([str(corpus)]), db=db, coder_factory=CoderFactory(),
                               options=IngestOptions(workers=2, batch_size=args.batch_size))
            keep("local w2", time.perf_counter() - started)

            started = time.perf_counter()
            with Database(folder / f"ray-{round_number}.db") as db:
                by_ray = ingest_ray([str(corpus)], factory=CoderFactory(), db=db, options=RayIngestOptions(
                    ray=RayOptions(workers=2, batch_size=args.batch_size)))
            keep("ray 2 CPUs", time.perf_counter() - started)
            if (local.coded, local.events) != (by_ray.coded, by_ray.events):
                raise SystemExit(f"the engines disagree: local {local.as_dict()}, ray {by_ray.as_dict()}")
        ray.shutdown()

    one, local_w2, ray_w2 = best["one process"], best["local w2"], best["ray 2 CPUs"]
    print(f"articles {n} (coded {local.coded}, {local.events} events), best of {args.rounds} round(s), batch size "
          f"{args.batch_size}; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  Coder load {load:.1f} s (one process, not counted below); local Ray start {ray_start:.1f} s "
          "(not counted below)")
    for label, seconds in (("one process", one), ("local w2", local_w2), ("ray 2 CPUs", ray_w2)):
        print(f"  {label:<12} {seconds:7.1f} s wall  {n / seconds:7.2f} articles/s")
    print(f"local w2 / one process: {one / local_w2:.3f}   ray 2 CPUs / one process: {one / ray_w2:.3f}")
    print(f"ray overhead against the local engine: {(ray_w2 / local_w2 - 1) * 100:+.1f}% of its wall time "
          "(target at most +15%)")
    print(f"per-core coding rate (one process): {n / one:.2f} articles/s; cores for 100,000 articles in one hour "
          f"at that rate: {100_000 / 3600 / (n / one):.0f}; at the ray engine's rate per CPU here: "
          f"{100_000 / 3600 / (n / ray_w2 / 2):.0f}")


if __name__ == "__main__":
    sys.exit(main())
