"""kill -9 a real `wirecoder watch --once` mid-poll, run it again: every item stored once, none lost, every
alert delivered once, the feed asked conditionally and no page fetched again once its article was stored."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from stories import publish

from wirecoder.store import Database
from wirecoder.watch.alerts import alert_id, fingerprint

HERE = Path(__file__).resolve().parent
STORIES = list(range(100, 112))


def watch_command(feed: str, db: Path, rules: Path) -> list[str]:
    return [sys.executable, "-m", "wirecoder", "watch", feed, "--db", str(db), "--once", "--rules", str(rules),
            "--allow-private", "--min-interval", "0", "--retries", "0", "--timeout", "20", "--batch-size", "3",
            "--coder-factory", "fake_coder:make_coder", "--json"]


def test_watch_kill_9_mid_poll_then_resume_loses_nothing_and_alerts_once(tmp_path, feeds, receiver):
    publish(feeds, "/feed.rss", STORIES, etag='"one"')
    rules = tmp_path / "rules.toml"
    rules.write_text(f'[[rule]]\nname = "kaduna"\ncountries = ["NG"]\nmin_fatalities = 1\n\n'
                     f'[deliver.hook]\nwebhook = "{receiver.url()}"\nsecret = "k"\n', encoding="utf-8")
    db = tmp_path / "watch.db"
    env = {**os.environ, "FAKE_CODER_DELAY": "0.25",
           "PYTHONPATH": os.pathsep.join([str(HERE.parent / "ingest"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen(watch_command(feeds.url("/feed.rss"), db, rules), env=env, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while len(receiver.received) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # into the coding of the next batch (0.75 s), away from the delivery of the last one
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read().decode()
    before = len(receiver.received)
    assert 3 <= before < len(STORIES)
    pages_before = sum(feeds.hits[f"/story/{n}"] for n in STORIES)

    # --once asks a healthy source again whatever --every says (cron's pace): conditionally
    rerun = subprocess.run(watch_command(feeds.url("/feed.rss"), db, rules), env={**env, "FAKE_CODER_DELAY": "0"},
                           capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout.splitlines()[-1])
    assert report["sources"][0]["status"] == "not_modified"  # the etag was kept: the feed is not read again
    assert feeds.conditional["/feed.rss"] == 1

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone() == (len(STORIES),) * 2
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == len(STORIES)
    assert conn.execute("SELECT status, count(*) FROM watch_items GROUP BY status").fetchall() == [
        ("done", len(STORIES))]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    ids = [r.headers["X-Wirecoder-Alert-Id"] for r in receiver.received]
    assert len(ids) == len(set(ids))  # none twice
    with Database(db, readonly=True) as store:  # none lost: every incident was alerted at its final figures
        owed = {row[0] for row in sqlite3.connect(db).execute("SELECT alert_id FROM watch_alerts")}
        assert store.watch.alert_counts() == {"delivered": len(owed)} and set(ids) == owed
        incidents = list(store.iter_incidents())
        assert len(incidents) >= 4
        for stored in incidents:
            assert alert_id("kaduna", stored.id, fingerprint(stored.record)) in owed
    # a page is fetched again only if its article was not yet stored when the process died (one batch at most)
    assert sum(feeds.hits[f"/story/{n}"] for n in STORIES) - len(STORIES) <= 3
    assert pages_before >= before
