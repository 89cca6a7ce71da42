"""kill -9 a real `wirecoder ingest` process mid-run, run it again: nothing lost, nothing twice."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent
ARTICLES = 60


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "wirecoder", "ingest", str(corpus), "--db", str(db),
            "--coder-factory", "fake_coder:make_coder", "--batch-size", "2", "--workers", "2", "--json"]


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def test_cli_kill_9_then_rerun_loses_and_duplicates_nothing(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(
        json.dumps({"id": f"a{n}", "text": f"Gunmen killed {n} people in village number {n}. " +
                    " ".join(f"Witness {n}-{k} spoke to reporters." for k in range(40))}) + "\n"
        for n in range(ARTICLES)))
    db = tmp_path / "store.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]),
           "FAKE_CODER_DELAY": "0.2"}
    process = subprocess.Popen(ingest_command(corpus, db), env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored_documents(db) < 10 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the writer and its workers, with no chance to clean up
    process.wait()
    assert process.returncode == -signal.SIGKILL
    kept = stored_documents(db)
    assert 10 <= kept < ARTICLES

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # a committed batch is whole: every coded document has its event
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == kept
    conn.close()

    rerun = subprocess.run(ingest_command(corpus, db), env={**env, "FAKE_CODER_DELAY": "0"}, capture_output=True,
                           text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["already_stored"] == kept and summary["coded"] == ARTICLES - kept

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (ARTICLES, ARTICLES)
    assert conn.execute("SELECT count(*), count(DISTINCT event_key) FROM events").fetchone() == (ARTICLES, ARTICLES)
    assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 2
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
