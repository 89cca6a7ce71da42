"""Ingest throughput against `wirecoder code --jsonl` on the same texts and the same number of processes.

    .venv/bin/python bench/ingest_speed.py [--limit N] [--data ../shared/data/geoparsing]

The texts are the news articles of TR-News and GeoVirus, read by path into a temporary JSONL file (nothing
is copied into the repository). Four runs, wall-clock time of each whole command (model loading included):
  code x1     `wirecoder code --jsonl ALL`
  ingest w1   `wirecoder ingest ALL --db NEW.db --workers 1`
  code x2     two `wirecoder code --jsonl HALF` side by side
  ingest w2   `wirecoder ingest ALL --db NEW.db --workers 2`
and prints articles per second, ingest/code at equal processes, and w2/w1, with the CPU seconds of each
command (less sensitive than wall time to other load on the machine). With --rounds N the four runs are
repeated N times, interleaved, and the best (lowest) wall and CPU time of each is kept: on a shared machine
the other load only ever adds time.

A fifth run measures what ingest itself costs (reading, hashing, MinHash, the worker round trip and the
SQLite writes): `ingest --workers 1` with a coder that replays the records `code x1` printed, so the
writer handles real records at no coding cost. Its rate is the most the store side could ever pass on.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
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


def wirecoder(*args: str) -> list[str]:
    return [sys.executable, "-m", "wirecoder", *args]


class ReplayCoder:
    """Returns the record `code --jsonl` made for each id: ingest's own cost, without coding."""

    def __init__(self, path: str):
        self.records = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                self.records[record["id"]] = record

    def code_many(self, items):
        for item in items:
            yield self.records[item["id"]]


def replay_coder() -> ReplayCoder:
    return ReplayCoder(os.environ["WIRECODER_BENCH_RECORDS"])


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(commands: list[list[str]], *, stdout=None, env=None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the commands and their workers)."""
    started, cpu = time.perf_counter(), _children_cpu()
    processes = [subprocess.Popen(command, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
                 for command in commands]
    for process in processes:
        _, err = process.communicate()
        if process.returncode not in (0, 1):  # `code --jsonl` exits 1 when some inputs had error records
            raise SystemExit(f"{' '.join(process.args[2:])} failed:\n{err.decode()[-2000:]}")
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    items = articles(args.data)[: args.limit]
    n = len(items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        whole, halves = folder / "all.jsonl", [folder / "half0.jsonl", folder / "half1.jsonl"]
        whole.write_text("".join(json.dumps(item) + "\n" for item in items))
        for k, half in enumerate(halves):
            half.write_text("".join(json.dumps(item) + "\n" for item in items[k::2]))
        records = folder / "records.jsonl"
        best: dict[str, tuple[float, float]] = {}

        def keep(label: str, measured: tuple[float, float]) -> None:
            previous = best.get(label, (float("inf"), float("inf")))
            best[label] = (min(previous[0], measured[0]), min(previous[1], measured[1]))

        for round_number in range(args.rounds):
            with records.open("wb") as out:
                keep("code x1", timed([wirecoder("code", "--jsonl", str(whole))], stdout=out))
            keep("ingest w1", timed([wirecoder("ingest", str(whole), "--db", str(folder / f"w1-{round_number}.db"),
                                               "--workers", "1")]))
            keep("code x2", timed([wirecoder("code", "--jsonl", str(half)) for half in halves]))
            keep("ingest w2", timed([wirecoder("ingest", str(whole), "--db", str(folder / f"w2-{round_number}.db"),
                                               "--workers", "2")]))
        env = {**os.environ, "WIRECODER_BENCH_RECORDS": str(records),
               "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")])}
        keep("replay w1", timed([wirecoder("ingest", str(whole), "--db", str(folder / "replay.db"), "--workers", "1",
                                           "--coder-factory", "ingest_speed:replay_coder")], env=env))
    code1, ingest1, code2, ingest2, replay = (best[label] for label in
                                              ("code x1", "ingest w1", "code x2", "ingest w2", "replay w1"))
    print(f"articles {n}, best of {args.rounds} round(s); load average at the end {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    runs = (("code x1", code1), ("ingest w1", ingest1), ("code x2", code2), ("ingest w2", ingest2),
            ("replay w1", replay))
    for label, (wall, cpu) in runs:
        print(f"  {label:<10} {wall:7.1f} s wall  {n / wall:7.2f} articles/s   {cpu:7.1f} s CPU")
    print(f"ingest/code, 1 process:   {code1[0] / ingest1[0]:.3f} by wall time, {code1[1] / ingest1[1]:.3f} by CPU"
          "  (target >= 0.90)")
    print(f"ingest/code, 2 processes: {code2[0] / ingest2[0]:.3f} by wall time, {code2[1] / ingest2[1]:.3f} by CPU"
          "  (target >= 0.90)")
    print(f"ingest w2 / w1:           {ingest1[0] / ingest2[0]:.3f} by wall time  (target >= 1.70)")
    print(f"ingest alone (replayed records): {n / replay[0]:.1f} articles/s, "
          f"{replay[0] / code1[0] * 100:.1f}% of the wall time of code x1")


if __name__ == "__main__":
    main()
