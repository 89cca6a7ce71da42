"""kill -9 a real `wirecoder ingest` while it merges, run it again: the same incidents as a clean run."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from wirecoder.store import Database

HERE = Path(__file__).parent
ARTICLES = 48
OUTLETS = ("Wire One", "Agence Two", "Kora Times", "Radio Kora")


def corpus(path: Path) -> Path:
    lines = []
    for n in range(ARTICLES):
        incident = n % 12
        filler = " ".join(f"Witness {n}-{k} spoke to reporters." for k in range(30))
        telling = n // 12  # each incident told by four outlets, its toll rising
        lines.append(json.dumps({"id": f"a{n}", "source": OUTLETS[telling], "published": f"2024-04-{telling + 1:02d}",
                                 "text": f"Report of incident {incident}: gunmen killed {incident + telling} people. "
                                         + filler}))
    path.write_text("\n".join(lines) + "\n")
    return path


def ingest(source: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "wirecoder", "ingest", str(source), "--db", str(db),
            "--coder-factory", "merging_coder:make_coder", "--batch-size", "2", "--workers", "2", "--json"]


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def incidents(db: Path) -> dict:
    with Database(db, readonly=True) as store:
        return {item.id: item.record for item in store.iter_incidents()}


def test_cli_kill_9_during_merging_then_rerun_gives_the_clean_runs_incidents(tmp_path):
    source = corpus(tmp_path / "corpus.jsonl")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")])}
    clean = subprocess.run(ingest(source, tmp_path / "clean.db"), env=env, capture_output=True, text=True,
                           timeout=120)
    assert clean.returncode == 0, clean.stderr

    db = tmp_path / "killed.db"
    process = subprocess.Popen(ingest(source, db), env={**env, "MERGING_CODER_DELAY": "0.15"},
                               start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored(db) < 12 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    linked, events = conn.execute("SELECT (SELECT count(*) FROM reports WHERE incident_id IS NOT NULL), "
                                  "(SELECT count(*) FROM events)").fetchone()
    conn.close()
    assert 12 <= linked == events < ARTICLES  # every committed event is merged: batch and merge commit together

    rerun = subprocess.run(ingest(source, db), env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["already_stored"] == events
    expected = incidents(tmp_path / "clean.db")
    assert len(expected) == 12 and {r["number_of_sources"] for r in expected.values()} == {4}
    assert incidents(db) == expected
