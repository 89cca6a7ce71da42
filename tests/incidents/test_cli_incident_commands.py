"""`events` (incidents by default, --reports), `incident ID` and `merge --db` on a store written by hand."""
from __future__ import annotations

import csv
import json

import pytest
from incident_helpers import FRONT, article, copy_of, event, place

from wirecoder.cli.main import main
from wirecoder.errors import WirecoderError
from wirecoder.store import Database


@pytest.fixture
def store(tmp_path):
    first = article("w1", [event(killed=12)], source="Wire One")
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=[
            first, copy_of(first, "w1-copy", source="Daily Reprint"),
            article("m1", [event(killed=14, actor1=FRONT,
                                 claimed_by=[{"name": "the mayor", "kind": "official", "quote_id": None}])],
                    source="Agence Two"),
            article("c1", [event(where=place("Cedo"), date="2024-04-01")], source="Kora Times")])
    return str(tmp_path / "s.db")


def rows(text):
    return list(csv.reader(text.splitlines(), delimiter="\t"))


def test_cli_events_lists_incidents_and_reports(store, capsys):
    assert main(["events", "--db", store]) == 0
    incidents = rows(capsys.readouterr().out)
    assert incidents[0][-2:] == ["sources", "incident"] and len(incidents) == 3
    assert [(r[5], r[8]) for r in incidents[1:]] == [("Adiri", "2"), ("Cedo", "1")]
    assert main(["events", "--db", store, "--reports"]) == 0
    assert len(rows(capsys.readouterr().out)) == 4
    assert main(["events", "--db", store, "--min-sources", "2", "--bbox=-4,13,-2,15"]) == 0
    assert len(rows(capsys.readouterr().out)) == 2


def test_cli_incident_shows_reports_side_by_side_and_json(store, capsys):
    main(["events", "--db", store, "--min-sources", "2"])
    incident_id = rows(capsys.readouterr().out)[1][-1]
    assert main(["incident", incident_id, "--db", store]) == 0
    shown = capsys.readouterr().out
    assert "Wire One" in shown and "the mayor" in shown and "conflict on fatalities" in shown
    assert "w1-copy (Daily Reprint) repeats w1" in shown
    assert main(["incident", incident_id, "--db", store, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == incident_id and record["fatalities"]["best"] == 12
    assert {r["document_id"] for r in record["reports"]} == {"w1", "m1"}
    assert all(r["event"]["evidence"] for r in record["reports"])


def test_cli_incident_unknown_id_is_a_user_error(store, capsys):
    assert main(["incident", "inc-nothing", "--db", store]) == 2
    assert "W060" in capsys.readouterr().err


def test_cli_merge_rebuilds_to_the_same_incidents(store, capsys):
    main(["events", "--db", store])
    before = capsys.readouterr().out
    assert main(["merge", "--db", store, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["incidents"] == 2 and (summary["created"], summary["removed"]) == (0, 0)
    main(["events", "--db", store])
    assert capsys.readouterr().out == before


def test_cli_merge_bad_bbox_is_a_user_error(store):
    from wirecoder.cli import events as events_command
    import argparse

    parser = argparse.ArgumentParser()
    events_command.register(parser.add_subparsers())
    with pytest.raises(WirecoderError) as err:
        events_command.run(parser.parse_args(["events", "--db", store, "--bbox", "1,2,3"]))
    assert err.value.code == "W008"
