"""Ingest throughput against `wirecoder code --jsonl` on the same texts and the same number of processes.

    .venv/bin/python bench/ingest_speed.py [--limit N] [--data ../shared/data/geoparsing]

The texts are the news articles of TR-News and GeoVirus, read by path into a temporary JSONL file (nothing
is copied into the repository). Four runs, wall-clock time of each whole command (model loading included):
  code x1     `wirecoder code --jsonl ALL`
  ingest w1   `wirecoder ingest ALL --db NEW.db --workers 1`
  code x2     two `wirecoder code --jsonl HALF` side by side
  ingest w2   `wirecoder ingest ALL --db NEW.db --workers 2`
and prints articles per second, ingest/code at equal processes, and w2/w1.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing"
# runs one command module the way the dispatcher does, without importing every other command
LAUNCHER = ("import argparse, importlib, sys; p = argparse.ArgumentParser(prog='wirecoder'); "
            "s = p.add_subparsers(); importlib.import_module('wirecoder.cli.' + sys.argv[1]).register(s); "
            "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))")


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
    return [sys.executable, "-c", LAUNCHER, *args]


def timed(commands: list[list[str]]) -> float:
    started = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for command in commands]
    for process in processes:
        _, err = process.communicate()
        if process.returncode not in (0, 1):  # `code --jsonl` exits 1 when some inputs had error records
            raise SystemExit(f"{' '.join(process.args[3:])} failed:\n{err.decode()[-2000:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    items = articles(args.data)[: args.limit]
    n = len(items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        whole, halves = folder / "all.jsonl", [folder / "half0.jsonl", folder / "half1.jsonl"]
        whole.write_text("".join(json.dumps(item) + "\n" for item in items))
        for k, half in enumerate(halves):
            half.write_text("".join(json.dumps(item) + "\n" for item in items[k::2]))
        code1 = timed([wirecoder("code", "--jsonl", str(whole))])
        ingest1 = timed([wirecoder("ingest", str(whole), "--db", str(folder / "w1.db"), "--workers", "1")])
        code2 = timed([wirecoder("code", "--jsonl", str(half)) for half in halves])
        ingest2 = timed([wirecoder("ingest", str(whole), "--db", str(folder / "w2.db"), "--workers", "2")])
    print(f"articles {n}")
    for label, seconds in (("code x1", code1), ("ingest w1", ingest1), ("code x2", code2), ("ingest w2", ingest2)):
        print(f"  {label:<10} {seconds:7.1f} s  {n / seconds:6.2f} articles/s")
    print(f"ingest/code, 1 process:   {code1 / ingest1:.3f}  (target >= 0.90)")
    print(f"ingest/code, 2 processes: {code2 / ingest2:.3f}  (target >= 0.90)")
    print(f"ingest w2 / w1:           {ingest1 / ingest2:.3f}  (target >= 1.70)")


if __name__ == "__main__":
    main()
