"""Load on the desk's API: 50 concurrent readers on a live `wirecoder serve` while an ingest writes to the store.

    .venv/bin/python bench/desk_load.py [--events 100000] [--readers 50] [--seconds 60] [--think 5]
                                        [--warmup 10] [--store FILE] [--workers 1] [--phases 1,2,3]
                                        [--one-session] [--dump FILE]

The store is synthetic (generated here, so 10^5 events take a couple of minutes rather than hours of coding):
documents with two events each, spread over 40 countries, all ACLED types, 3 years, with text for the full-text
index. The server runs as a separate process (`wirecoder serve`) on 127.0.0.1. Each reader is an analyst at the
desk's page, doing what the page asks the API for, action after action:

  open the page    /api/meta, the map's points and the weekly counts of everything, the list's first page
  filter           a country and an event type: the list, the map's points, the weekly counts
  next page        the filtered list's next page (keyset cursor)
  search           the list of a full-text search (a word of the articles)
  open an event    one event of the list with its article, evidence, incident and reports

The writer stands for an ingest: a process of its own that appends a batch of 20 synthetic documents (40
events, merged into incidents as they are stored) every 0.5 s through `Database.write_batch`, as `wirecoder
ingest`'s one writer does (without the coding, which would only compete for the CPU).

Three phases, each printing requests, errors, p50/p99 overall and per request kind:
  1. baseline: readers back to back (no think time), no writer;
  2. closed loop: readers back to back while the ingest writes (50 requests always in flight: a throughput
     test, whose latency is 50 / throughput on any machine whose server is saturated);
  3. analysts: readers waiting between actions (think time drawn from an exponential law of mean --think s,
     the usual model of people at pages) while the ingest writes.
Phase 2's figures are also given as ratios of phase 1's. Readers run in several processes (10 threads each)
with the standard library's HTTP client, so the load generator's own interpreter lock does not add to the
latencies it measures; they still share the machine's cores with the server and the writer. A phase's clock
starts when every reader process and the writer have started (starting them costs the machine a second or so of
CPU, no part of what is measured), and a reader sends nothing once its phase is over (it used to send the rest
of its round of actions at once, with no think time, into the measured figures). Requests are counted from
--warmup seconds (10) after a phase starts, as load tests measure a steady state: at the start every reader opens
the page at the same instant, 200 requests at once, which analysts arriving one by one never do (`--warmup 0`
counts them, as this benchmark did before).

The server, the writer and each reader process run in a session of their own (as a server, an ingest started
elsewhere and analysts' browsers on other machines do): Linux (autogroup) shares the CPU between sessions first,
so in one session the readers and the writer would take the server's share of a machine other people's work
keeps busy (`--one-session` runs them so, for comparison).

Besides the latencies each phase prints what it needs to be read plainly: the server's own time per request
(its Server-Timing header) against the client's, and for the slowest 1 % of requests how the server's kept
reads served them (hit, stale, build, wait; "uncached" for one event's view), their server time against the
rest (waiting for a core, queueing) and how many overlapped a batch of the ingest; the machine's cores busy
during the phase and how much of that was other work than this benchmark; and how late a thread that only
sleeps 5 ms at a time woke up (p99, most, times over 100 ms): what any process waited for a core then,
whatever the server did. `--dump FILE` writes every request and batch for a closer look.
"""
from __future__ import annotations

import argparse
import http.client
import json
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
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

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


def server_timing(header: str) -> tuple[float | None, str]:
    """(the server's own seconds to the answer's head, how its kept reads served it: hit, build, wait or "")
    from the desk's Server-Timing header."""
    server, cache = None, ""
    for part in header.split(","):
        name, _, rest = part.strip().partition(";")
        for parameter in rest.split(";"):
            field, _, value = parameter.strip().partition("=")
            if name == "app" and field == "dur":
                server = float(value) / 1000
            elif name == "cache" and field == "desc":
                cache = value
    return server, cache


class Reader(threading.Thread):
    """One analyst's browser: the page's actions in a loop until told to stop; (kind, seconds, ok) per request."""

    def __init__(self, port: int, number: int, stop: Any, think: float, measure_from: float):
        super().__init__(daemon=True)
        self.port, self.stop, self.think, self.measure_from = port, stop, think, measure_from
        self.rng = random.Random(number)
        self.results: list[tuple[str, float, bool, float, float | None, str, str]] = []
        self.connection: http.client.HTTPConnection | None = None

    def _get(self, kind: str, path: str, *, parse: bool = False) -> dict | None:
        if self.stop.is_set():  # the phase is over: no request after it (none is measured outside it)
            return None
        began, started = time.time(), time.perf_counter()
        body, ok, timing = None, False, ""
        for attempt in (1, 2):
            reused = self.connection is not None
            try:
                if self.connection is None:
                    self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                self.connection.request("GET", path)
                response = self.connection.getresponse()
                data = response.read()
                ok = response.status == 200
                timing = response.getheader("server-timing") or ""
                body = json.loads(data) if ok and parse else None
                break
            except (OSError, http.client.HTTPException, ValueError) as err:
                if self.connection is not None:
                    self.connection.close()
                self.connection = None
                # the server closes a kept-alive connection idle for 5 s (uvicorn's default); a browser then
                # sends the request again on a new one, and so does a reader, once
                stale = isinstance(err, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError))
                if not (reused and stale):
                    break
        if time.time() >= self.measure_from:  # requests of the warm-up are not counted
            server, cache = server_timing(timing)
            self.results.append((kind, time.perf_counter() - started, ok, began, server, cache, timing))
        return body

    def _think(self) -> None:
        if self.think:
            self.stop.wait(self.rng.expovariate(1 / self.think))

    def run(self) -> None:
        types = list(EVENT_TYPES)
        while not self.stop.is_set():
            self._get("meta", "/api/meta")
            self._get("points, all", "/api/events/points")
            self._get("counts, all", "/api/counts?by=week")
            first = self._get("list", "/api/events?limit=50", parse=True)
            self._think()
            filters = f"country={self.rng.choice(COUNTRIES)}&type={quote(self.rng.choice(types))}"
            page = self._get("list, filtered", f"/api/events?limit=50&{filters}", parse=True)
            self._get("points, filtered", f"/api/events/points?{filters}")
            self._get("counts, filtered", f"/api/counts?by=week&{filters}")
            self._think()
            if page and page.get("next_cursor"):
                self._get("next page", f"/api/events?limit=50&{filters}&after={page['next_cursor']}")
                self._think()
            self._get("search", f"/api/events?limit=50&q={self.rng.choice(WORDS)}")
            self._think()
            events = (page or {}).get("events") or (first or {}).get("events")
            if events:
                self._get("event", f"/api/events/{self.rng.choice(events)['id']}")
            self._think()
        if self.connection is not None:
            self.connection.close()


def reader_process(port: int, numbers: list[int], stop: Any, think: float, results: Any, ready: Any,
                   go: Any, warmup: float, own_session: bool) -> None:
    """Some of the readers, as threads of one process; their results go back through the queue at the end.
    They start when every process of the phase is ready (started and imported: starting a process costs the
    machine a second or so of CPU, which is no part of what the phase measures) and count their requests from
    ``warmup`` seconds after that."""
    if own_session:
        os.setsid()
    ready.put(os.getpid())
    go.wait()
    threads = [Reader(port, number, stop, think, time.time() + warmup) for number in numbers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(([item for thread in threads for item in thread.results], time.process_time()))


def writer(path: Path, stop: Any, written: Any, ready: Any, go: Any, commits: Any, own_session: bool) -> None:
    """The ingest's writer, in a process of its own (as `wirecoder ingest` runs beside the server); it starts
    writing with the readers. At the end it reports when each batch was being written and its own CPU time."""
    if own_session:
        os.setsid()
    rng = random.Random(99)
    n = 10_000_000 + int(time.time() * 1000) % 1_000_000 * 1000  # new documents on every run over one store
    with Database(path) as db:
        ready.put(os.getpid())
        go.wait()
        windows = []
        while not stop.is_set():
            documents = [synthetic_document(n + i, rng) for i in range(20)]
            began = time.time()
            db.write_batch(run_id=None, documents=documents)
            windows.append((began, time.time()))
            n += 20
            with written.get_lock():
                written.value += 40
            stop.wait(0.5)
    commits.put((windows, time.process_time()))


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / os.sysconf("SC_CLK_TCK")


def server_cpu(pids: list[int]) -> float:
    """CPU seconds of the server: the command's process and its worker processes (`--workers N`)."""
    total = 0.0
    for pid in pids:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total += cpu_seconds(pid) + sum(cpu_seconds(int(child)) for child in children)
    return total


def quantile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] * 1000 if len(values) > 1 else 0.0


def phase(port: int, *, readers: int, seconds: float, think: float, store: Path | None,
          server_pids: list[int], warmup: float = 0.0, sessions: bool = True) -> dict:
    context = multiprocessing.get_context("spawn")
    stop, results = context.Event(), context.Queue()
    numbers = list(range(readers))
    groups = [numbers[i:i + 10] for i in range(0, readers, 10)]
    ready, go = context.Queue(), context.Event()
    processes = [context.Process(target=reader_process, args=(port, group, stop, think, results, ready, go,
                                                               warmup, sessions), daemon=True)
                 for group in groups]
    stop_writing, written, commits = context.Event(), context.Value("i", 0), context.Queue()
    ingest = (context.Process(target=writer, args=(store, stop_writing, written, ready, go, commits, sessions),
                                 daemon=True)
              if store else None)
    if ingest:
        ingest.start()
    for process in processes:
        process.start()
    for _ in range(len(processes) + (1 if ingest else 0)):
        ready.get(timeout=120)
    go.set()
    time.sleep(warmup)
    before, written_before = server_cpu(server_pids), written.value
    machine_before, load_before = machine_cpu(), os.getloadavg()[0]
    probe_stop = threading.Event()
    probe = StallProbe(probe_stop)
    probe.start()
    time.sleep(seconds)
    probe_stop.set()
    probe.join()
    machine_busy, machine_all = (now - then for now, then in zip(machine_cpu(), machine_before))
    server_seconds = server_cpu(server_pids) - before
    stop.set()
    stop_writing.set()
    gathered: list[tuple[str, float, bool, float, float | None, str, str]] = []
    clients_cpu = 0.0
    for _ in processes:
        items, cpu = results.get(timeout=120)
        gathered += items
        clients_cpu += cpu
    windows, writer_cpu = commits.get(timeout=120) if ingest else ([], 0.0)
    for process in processes:
        process.join(timeout=60)
    if ingest:
        ingest.join(timeout=60)
    by_kind: dict[str, list[float]] = defaultdict(list)
    server_by_kind: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    for kind, seconds_taken, ok, _, server, *_ in gathered:
        by_kind[kind].append(seconds_taken)
        if server is not None:
            server_by_kind[kind].append(server)
        errors[kind] += not ok
    every = sorted(x for _, x, *_ in gathered)
    served = max(1, len(every))
    return {"requests": len(every), "errors": sum(errors.values()), "p50": quantile(every, 50),
            "p99": quantile(every, 99), "rate": len(every) / seconds,
            "events_written": written.value - written_before,
            "server_ms": server_seconds * 1000 / served,
            "load": (load_before, os.getloadavg()[0]),
            # cores busy on the whole machine during the measured part of the phase, and the part of it that was
            # not this benchmark (server, readers, writer): other people's work on a shared machine
            "cores_busy": machine_busy / seconds, "cores": machine_all / seconds,
            "cores_others": max(0.0, machine_busy - server_seconds - clients_cpu - writer_cpu) / seconds,
            "stalls": probe.summary(), "tail": tail(gathered, windows), "gathered": gathered, "windows": windows,
            "kinds": {kind: (len(values), errors[kind], quantile(sorted(values), 50), quantile(sorted(values), 99),
                             quantile(sorted(server_by_kind[kind]), 99))
                      for kind, values in by_kind.items()}}


class StallProbe(threading.Thread):
    """A thread that does nothing but sleep 5 ms at a time, noting how late it wakes: what any process of this
    benchmark (the server's event loop included) waits for a core at that moment, whatever the server does."""

    def __init__(self, stop: threading.Event):
        super().__init__(daemon=True)
        self.stop, self.late = stop, []

    def run(self) -> None:
        while not self.stop.is_set():
            started = time.perf_counter()
            time.sleep(0.005)
            self.late.append((time.perf_counter() - started - 0.005) * 1000)

    def summary(self) -> tuple[float, float, int]:
        """(p99 lateness ms, most, wake-ups later than 100 ms)."""
        late = sorted(self.late) or [0.0]
        return late[int(len(late) * 0.99)], late[-1], sum(x > 100 for x in late)


def machine_cpu() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine so far, every core (Linux /proc/stat)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / os.sysconf("SC_CLK_TCK"), sum(fields) / os.sysconf("SC_CLK_TCK")


def tail(gathered: list[tuple[str, float, bool, float, float | None, str, str]],
         windows: list[tuple[float, float]]) -> dict:
    """What the slowest 1 % of requests have in common: how the server's kept reads served them, the server's
    own time against the client's, and how many were sent while the ingest was writing a batch."""
    ranked = sorted(gathered, key=lambda item: item[1])
    slow = ranked[len(ranked) - max(1, len(ranked) // 100):] if ranked else []
    cut = slow[0][1] * 1000 if slow else 0.0
    served: dict[str, int] = defaultdict(int)
    for item in slow:
        served[item[5] or "uncached"] += 1
    server = sorted(item[4] * 1000 for item in slow if item[4] is not None)
    waited = sorted((item[1] - item[4]) * 1000 for item in slow if item[4] is not None)
    starts = sorted(began for began, _ in windows)

    def writing(at: float, took: float) -> bool:  # a batch was being written at some moment of the request
        return any(began <= at + took and ended >= at for began, ended in windows)

    during = sum(writing(item[3], item[1]) for item in slow)
    share_writing = (sum(ended - began for began, ended in windows) / (starts[-1] - starts[0] + 0.5)
                     if len(starts) > 1 else 0.0)
    return {"count": len(slow), "from_ms": cut, "served": dict(served),
            "server_p50": statistics.median(server) if server else 0.0,
            "outside_p50": statistics.median(waited) if waited else 0.0,
            "during_write": during, "writing_share": share_writing}


def report(name: str, result: dict, seconds: float) -> None:
    print(f"\n{name}, {seconds:.0f} s: {result['requests']} requests ({result['rate']:.0f}/s), errors "
          f"{result['errors']}, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms; server CPU "
          f"{result['server_ms']:.1f} ms a request"
          + (f"; {result['events_written']} events written meanwhile" if result["events_written"] else ""))
    print(f"  machine: load average {result['load'][0]:.1f} -> {result['load'][1]:.1f}; cores busy "
          f"{result['cores_busy']:.2f} of {result['cores']:.0f}, {result['cores_others']:.2f} of them other work "
          f"than this benchmark; a sleeping thread woke late by p99 {result['stalls'][0]:.0f} ms, at most "
          f"{result['stalls'][1]:.0f} ms, {result['stalls'][2]} times by over 100 ms")
    tail_ = result["tail"]
    if tail_["count"]:
        served = ", ".join(f"{name} {count}" for name, count in sorted(tail_["served"].items()))
        print(f"  slowest 1 % ({tail_['count']} requests, {tail_['from_ms']:.0f} ms and more): served {served}; "
              f"server's own time p50 {tail_['server_p50']:.1f} ms, the rest (queueing, scheduling) p50 "
              f"{tail_['outside_p50']:.1f} ms; {tail_['during_write']} overlapped a batch being written (the "
              f"writer was writing {tail_['writing_share'] * 100:.0f} % of the time)")
    print(f"  {'request':<18} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'server p99':>10}")
    for kind, (count, errors, p50, p99, server_p99) in result["kinds"].items():
        print(f"  {kind:<18} {count:>6} {errors:>6} {p50:>8.1f} {p99:>8.1f} {server_p99:>10.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each measured phase")
    parser.add_argument("--baseline-seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=5.0,
                        help="mean seconds an analyst waits between actions in the last phase (0: skip it)")
    parser.add_argument("--warmup", type=float, default=10.0,
                        help="seconds each phase runs before its requests are counted (0: count from the start, "
                             "when every reader opens the page at the same instant)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (`wirecoder serve --workers`)")
    parser.add_argument("--store", type=Path, default=None, help="reuse (or build) the synthetic store here")
    parser.add_argument("--one-session", dest="sessions", action="store_false",
                        help="run the server, the readers and the writer in this command's session (by default each "
                             "process has a session of its own, as a server, an ingest and browsers elsewhere do: "
                             "Linux shares the CPU between sessions first, then between the processes of one)")
    parser.add_argument("--phases", type=lambda text: {int(x) for x in text.split(",")}, default={1, 2, 3},
                        help="which phases to run, e.g. 3 (default: 1,2,3)")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write every measured request here, a JSON line each (phase, kind, sent at, seconds, "
                             "ok, the server's Server-Timing), and the ingest's batches (written from, to)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="desk-load-"))
    store = args.store or workdir / "store.sqlite"
    if not store.exists():
        started = time.perf_counter()
        build_store(store, args.events)
        print(f"built a synthetic store of {args.events} events in {time.perf_counter() - started:.0f} s")
    with Database(store) as db:  # for writing once: applies this wirecoder's migrations before the server opens it
        print(f"store: {db.counts().events} events")
    port = free_port()
    wirecoder = [sys.executable, "-m", "wirecoder", "serve", "--db", str(store), "--port", str(port),
                 "--token", "benchmark-token-0123456789"] + (["--workers", str(args.workers)] if args.workers > 1 else [])
    server = subprocess.Popen(wirecoder, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=args.sessions)
    base = f"http://127.0.0.1:{port}"
    phases = []
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
        pids = [server.pid]
        print(f"machine: {os.cpu_count()} cores (shared with other work: figures vary from run to run); readers "
              f"{args.readers} in {-(-args.readers // 10)} processes; server: `wirecoder serve --workers "
              f"{args.workers}`; each phase counted from {args.warmup:g} s after its start")
        plan = [("1. baseline: back to back, no writer", args.baseline_seconds, 0.0, None),
                ("2. closed loop: back to back, ingest writing", args.seconds, 0.0, store)]
        if args.think:
            plan.append((f"3. analysts: think time {args.think:g} s mean, ingest writing", args.seconds, args.think,
                         store))
        plan = [step for number, step in enumerate(plan, 1) if number in args.phases]
        for name, seconds, think, writing in plan:
            phases.append((name, seconds, phase(port, readers=args.readers, seconds=seconds, think=think,
                                                store=writing, server_pids=pids, warmup=args.warmup,
                                                sessions=args.sessions)))
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    for name, seconds, result in phases:
        report(name, result, seconds)
    if args.dump:
        with args.dump.open("w") as out:
            for name, _, result in phases:
                for kind, took, ok, began, _, _, timing in result["gathered"]:
                    out.write(json.dumps({"phase": name, "kind": kind, "at": began, "seconds": took, "ok": ok,
                                          "timing": timing}) + "\n")
                for began, ended in result["windows"]:
                    out.write(json.dumps({"phase": name, "batch": [began, ended]}) + "\n")
    named = {name[0]: result for name, _, result in phases}
    if "1" in named and "2" in named:
        baseline, loaded = named["1"], named["2"]
        print(f"\nratio closed loop with writer / baseline: p50 {loaded['p50'] / baseline['p50']:.2f}, "
              f"p99 {loaded['p99'] / baseline['p99']:.2f}, throughput {loaded['rate'] / baseline['rate']:.2f}, "
              f"server CPU a request {loaded['server_ms'] / baseline['server_ms']:.2f}")
    for name, _, result in phases:
        if name.startswith("1"):
            continue
        verdict = "meets" if result["p99"] < 200 and result["errors"] == 0 else "misses"
        print(f"target (0 errors, p99 < 200 ms) {verdict}: {name} (p99 {result['p99']:.0f} ms, "
              f"errors {result['errors']})")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end (other work included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
