"""The closing summary of an ingest shows the coded articles' warnings (code, articles, meaning, fix) and how many
events were stored below --min-confidence; --json carries the same."""
from __future__ import annotations

import json

from wirecoder.cli.main import main
from wirecoder.errors import WARNINGS
from wirecoder.store import Database


def _inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "undated.txt").write_text("Gunmen killed three villagers on Monday. [unsure] They killed two more.")
    (folder / "dated.jsonl").write_text(json.dumps({"id": "d1", "text": "Gunmen killed four villagers on Monday.",
                                                    "published": "2024-03-11"}) + "\n")
    return folder


def test_cli_ingest_summary_shows_warnings_and_events_below_the_threshold(tmp_path, capsys):
    db = tmp_path / "s.db"
    status = main(["ingest", str(_inputs(tmp_path)), "--db", str(db), "--coder-factory", "fake_coder:make_coder",
                   "--min-confidence", "0.5", "--json"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert "W101 in 1 article:" in captured.err and WARNINGS["W101"].fix in captured.err
    assert "undated.txt: no publication date" in captured.err  # the first article and its own message
    assert "1 below confidence 0.5, stored" in captured.err
    summary = json.loads(captured.out)
    assert summary["warnings"] == {"W101": 1} and summary["events_below_min_confidence"] == 1
    with Database(db, readonly=True) as store:
        assert store.counts().events == 3  # stored all the same


def test_cli_ingest_without_warnings_says_nothing_of_them(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "d1", "text": "Gunmen killed four villagers on Monday.",
                                                "published": "2024-03-11"}) + "\n")
    assert main(["ingest", str(folder), "--db", str(tmp_path / "s.db"), "--coder-factory",
                 "fake_coder:make_coder"]) == 0
    err = capsys.readouterr().err
    assert "warnings" not in err and "below confidence" not in err
