"""Load on the desk's API: concurrent readers on a live `wirecoder serve` while an ingest writes to the store.

    .venv/bin/python bench/desk_load.py [--events 100000] [--readers 50] [--seconds 60] [--think 0]

The store is synthetic (generated here, so 10^5 events take a minute rather than hours of coding): documents
with two events each, spread over 40 countries, all ACLED types, 3 years, with text for the full-text index.
The server runs as a separate process (`wirecoder serve`, one uvicorn worker) on 127.0.0.1. Each reader loops
over the requests the page makes (first list page, a filtered list page, a next page by cursor, counts by
week, map points of a country, one event with its article), waiting `--think` seconds between requests
(0: back to back). The writer stands for an ingest: a process of its own that appends a batch of 20 synthetic
documents (40 events, merged into incidents as they are stored) every 0.5 s through `Database.write_batch`, as
`wirecoder ingest`'s one writer does (without the coding, which would only compete for the CPU).

It prints, for a baseline phase with no writer and then the measured phase with the writer, the requests
served, errors, p50/p99 latency, and the measured phase's figures as ratios of the baseline.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.store import Database, DocumentRow  # noqa: E402
from wirecoder.taxonomy import EVENT_TYPES  # noqa: E402

COUNTRIES = ["NG", "ML", "BF", "NE", "TD", "SD", "SS", "ET", "SO", "KE", "CD", "CF", "CM", "MZ", "LY", "EG", "YE",
             "SY", "IQ", "AF", "PK", "IN", "MM", "PH", "UA", "RU", "CO", "MX", "VE", "HT", "BR", "PE", "LB", "IL",
             "PS", "IR", "TR", "AZ", "AM", "GE"]
SUBS = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
WORDS = ("clashed attacked shelled protesters police soldiers militants village town market border convoy "
         "checkpoint drone strike gunmen killed wounded injured displaced camp district province army rebels").split()


def synthetic_document(n: int, rng: random.Random) -> DocumentRow:
    country = rng.choice(COUNTRIES)
    lat, lon = rng.uniform(-30, 50), rng.uniform(-80, 120)
    text = " ".join(rng.choice(WORDS) for _ in range(60)) + f" report {n}."
    events = []
    for k in range(2):
        event_type, sub = rng.choice(SUBS)
        day = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        dead = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 50])
        events.append({
            "id": f"s{n}-e{k + 1}", "event_type": event_type, "sub_event_type": sub, "date": day,
            "date_end": None, "time_precision": 1,
            "actor1": {"name": f"Group {rng.randint(1, 300)}", "kind": "rebels", "country": country, "text": "x",
                       "start": 0, "end": 1},
            "actor2": None, "assoc_actors": [],
            "location": {"text": "x", "start": 0, "end": 1, "name": f"Town {rng.randint(1, 5000)}",
                         "geonameid": None, "lat": lat + rng.uniform(-1, 1), "lon": lon + rng.uniform(-1, 1),
                         "country": country, "admin1": f"Province {rng.randint(1, 20)}", "feature_class": "P",
                         "feature_code": "PPL", "geo_precision": 1},
            "fatalities": None if dead is None else {"low": dead, "best": dead, "high": dead},
            "injured": None, "weapons": [], "background": False, "claimed_by": [], "confidence": 0.8,
            "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": text[:5]}]})
    record = {"schema": "wirecoder.document/1", "id": f"s{n}", "language": "en", "events": events, "places": [],
              "quotes": [], "framing": []}
    return DocumentRow(doc_id=f"s{n}", content_hash=f"synthetic-{n}", origin=f"synthetic:{n}", text=text,
                       status="coded", title=f"Synthetic report {n}", source="Synthetic Wire",
                       published="2024-01-01", record=record)


def build_store(path: Path, events: int, seed: int = 0) -> None:
    rng = random.Random(seed)
    with Database(path) as db:
        documents = events // 2
        for start in range(0, documents, 1000):
            db.write_batch(run_id=None, documents=[synthetic_document(n, rng)
                                                   for n in range(start, min(documents, start + 1000))])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Reader(threading.Thread):
    """One analyst's browser: the page's requests in a loop until told to stop."""

    def __init__(self, base: str, number: int, stop: threading.Event, think: float):
        super().__init__(daemon=True)
        self.base, self.stop, self.think = base, stop, think
        self.rng = random.Random(number)
        self.latencies: list[float] = []
        self.errors = 0

    def _get(self, client: httpx.Client, path: str) -> dict | None:
        started = time.perf_counter()
        try:
            response = client.get(path)
            ok = response.status_code == 200
            body = response.json() if ok else None
        except httpx.HTTPError:
            ok, body = False, None
        self.latencies.append(time.perf_counter() - started)
        if not ok:
            self.errors += 1
        return body

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as client:
            while not self.stop.is_set():
                country = self.rng.choice(COUNTRIES)
                event_type = self.rng.choice(list(EVENT_TYPES))
                page = self._get(client, "/api/events?limit=50")
                self._get(client, f"/api/events?limit=50&country={country}&type={event_type}")
                if page and page.get("next_cursor"):
                    self._get(client, f"/api/events?limit=50&after={page['next_cursor']}")
                self._get(client, f"/api/counts?by=week&country={country}")
                self._get(client, f"/api/events/points?country={country}&limit=5000")
                if page and page.get("events"):
                    self._get(client, f"/api/events/{self.rng.choice(page['events'])['id']}")
                if self.think:
                    self.stop.wait(self.think)


def writer(path: Path, stop: Any, written: Any) -> None:
    """The ingest's writer, in a process of its own (as `wirecoder ingest` runs beside the server)."""
    rng = random.Random(99)
    n = 10_000_000
    with Database(path) as db:
        while not stop.is_set():
            db.write_batch(run_id=None, documents=[synthetic_document(n + i, rng) for i in range(20)])
            n += 20
            with written.get_lock():
                written.value += 40
            stop.wait(0.5)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def phase(base: str, *, readers: int, seconds: float, think: float, store: Path | None, server_pid: int) -> dict:
    server_cpu, client_cpu = cpu_seconds(server_pid), time.process_time()
    stop = threading.Event()
    pool = [Reader(base, i, stop, think) for i in range(readers)]
    context = multiprocessing.get_context("spawn")
    stop_writing, written = context.Event(), context.Value("i", 0)
    ingest = context.Process(target=writer, args=(store, stop_writing, written), daemon=True) if store else None
    if ingest:
        ingest.start()
    for thread in pool:
        thread.start()
    time.sleep(seconds)
    stop.set()
    stop_writing.set()
    for thread in pool:
        thread.join(timeout=60)
    if ingest:
        ingest.join(timeout=60)
    latencies = sorted(x for thread in pool for x in thread.latencies)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    served = max(1, len(latencies))
    return {"requests": len(latencies), "errors": sum(t.errors for t in pool), "p50": quantiles[49] * 1000,
            "p99": quantiles[98] * 1000, "rate": len(latencies) / seconds, "events_written": written.value,
            "server_ms": (cpu_seconds(server_pid) - server_cpu) * 1000 / served,
            "client_ms": (time.process_time() - client_cpu) * 1000 / served}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--baseline-seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=0.0, help="seconds each reader waits between requests")
    parser.add_argument("--store", type=Path, default=None, help="reuse (or build) the synthetic store here")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="desk-load-"))
    store = args.store or workdir / "store.sqlite"
    if not store.exists():
        started = time.perf_counter()
        build_store(store, args.events)
        print(f"built a synthetic store of {args.events} events in {time.perf_counter() - started:.0f} s")
    with Database(store, readonly=True) as db:
        print(f"store: {db.counts().events} events")
    port = free_port()
    wirecoder = [sys.executable, "-m", "wirecoder", "serve", "--db", str(store), "--port", str(port),
                 "--token", "benchmark-token-0123456789"]
    server = subprocess.Popen(wirecoder, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/meta", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.5)
        print(f"readers {args.readers}, think time {args.think} s, server: one uvicorn process")
        baseline = phase(base, readers=args.readers, seconds=args.baseline_seconds, think=args.think, store=None,
                         server_pid=server.pid)
        loaded = phase(base, readers=args.readers, seconds=args.seconds, think=args.think, store=store,
                       server_pid=server.pid)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    for name, result, seconds in (("baseline (no writer)", baseline, args.baseline_seconds),
                                  ("with ingest writing", loaded, args.seconds)):
        print(f"{name:<22} {seconds:>4.0f} s: {result['requests']} requests ({result['rate']:.0f}/s), "
              f"errors {result['errors']}, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms; CPU a request: "
              f"server {result['server_ms']:.1f} ms, readers {result['client_ms']:.1f} ms"
              + (f", {result['events_written']} events written" if result["events_written"] else ""))
    print(f"ratio with writer / baseline: p50 {loaded['p50'] / baseline['p50']:.2f}, "
          f"p99 {loaded['p99'] / baseline['p99']:.2f}, throughput {loaded['rate'] / baseline['rate']:.2f}, "
          f"server CPU a request {loaded['server_ms'] / baseline['server_ms']:.2f}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end (other work included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
