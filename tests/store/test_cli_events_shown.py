"""What `events` and `export` show by default: no background events unless --include-background (and then marked),
no events below --min-confidence unless an analyst accepted them; the store keeps them all."""
from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from wirecoder.cli import events as events_command
from wirecoder.cli import export as export_command
from wirecoder.errors import WirecoderError
from wirecoder.review.corrections import ReviewInput
from wirecoder.settings import DEFAULT_MIN_CONFIDENCE
from wirecoder.store import Database, DocumentRow, EventFilter, IncidentFilter

LOW = round(DEFAULT_MIN_CONFIDENCE / 2, 2)  # below the default threshold, whatever it is
HIGH = 0.9


def _event(key: str, *, sub: str, etype: str, date: str, town: str, lat: float, confidence: float,
           background: bool = False) -> dict:
    return {"id": key, "event_type": etype, "sub_event_type": sub, "date": date, "date_end": None,
            "time_precision": 1, "actor1": {"name": "Unidentified Armed Group (Testland)", "kind": "political_militia",
                                            "country": "ML", "text": None, "start": None, "end": None},
            "actor2": None, "assoc_actors": [],
            "location": {"text": town, "start": 0, "end": len(town), "name": town, "geonameid": None, "lat": lat,
                         "lon": 2.0, "country": "ML", "admin1": "Kora", "feature_class": "P", "feature_code": "PPL",
                         "geo_precision": 1, "within": None},
            "fatalities": {"low": 2, "best": 2, "high": 2}, "injured": None, "weapons": [], "background": background,
            "claimed_by": [{"name": "The Outlet", "kind": "outlet", "quote_id": None}], "confidence": confidence,
            "evidence": [{"field": "trigger", "start": 0, "end": 6, "text": "killed"}]}


def _document(doc_id: str, events: list[dict]) -> DocumentRow:
    text = f"Article {doc_id}: gunmen killed two people."
    record = {"schema": "wirecoder.document/1", "id": doc_id, "title": None, "url": None, "source": "The Outlet",
              "language": "en", "published": "2024-03-11", "events": events, "places": [], "quotes": []}
    return DocumentRow(doc_id=doc_id, content_hash=f"hash-{doc_id}", origin=doc_id, text=text, status="coded",
                       source="The Outlet", published="2024-03-11", record=record)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "s.db"
    with Database(path) as db:
        db.write_batch(run_id=None, documents=[
            _document("sure", [_event("sure-e1", sub="Attack", etype="Violence against civilians", date="2024-03-10",
                                      town="Adiri", lat=14.0, confidence=HIGH)]),
            _document("unsure", [_event("unsure-e1", sub="Armed clash", etype="Battles", date="2024-02-01",
                                        town="Cedo", lat=15.5, confidence=LOW)]),
            _document("history", [_event("history-e1", sub="Air/drone strike", etype="Explosions/Remote violence",
                                         date="2019-05-01", town="Bamsa", lat=13.0, confidence=HIGH,
                                         background=True)]),
        ])
    return path


def run(module, argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    module.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return args.func(args)


def _table(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_events_default_leaves_out_background_and_unsure_events(store, capsys):
    for extra in ([], ["--reports"]):
        run(events_command, ["events", "--db", str(store), *extra])
        rows = _table(capsys.readouterr().out)
        assert [r["sub_event_type"] for r in rows] == ["Attack"], extra
        assert "background" not in rows[0]  # the column comes only with --include-background


def test_events_include_background_shows_and_marks_it(store, capsys):
    for extra in ([], ["--reports"]):
        run(events_command, ["events", "--db", str(store), "--include-background", *extra])
        rows = _table(capsys.readouterr().out)
        assert {r["sub_event_type"]: r["background"] for r in rows} == {"Air/drone strike": "background",
                                                                        "Attack": "current"}, extra


def test_events_min_confidence_zero_shows_every_current_event(store, capsys):
    run(events_command, ["events", "--db", str(store), "--min-confidence", "0"])
    assert sorted(r["sub_event_type"] for r in _table(capsys.readouterr().out)) == ["Armed clash", "Attack"]
    run(events_command, ["events", "--db", str(store), "--min-confidence", "0.95", "--include-background"])
    assert _table(capsys.readouterr().out) == []


def test_events_min_confidence_out_of_range_is_a_user_error(store):
    with pytest.raises(WirecoderError) as err:
        run(events_command, ["events", "--db", str(store), "--min-confidence", "1.5"])
    assert err.value.code == "W008"


def test_export_csv_background_column_and_default_filters(store, capsysbinary):
    run(export_command, ["export", "--db", str(store), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode())))
    assert [(r["sub_event_type"], r["background"]) for r in rows] == [("Attack", "False")]
    run(export_command, ["export", "--db", str(store), "--format", "csv", "--reports", "--include-background",
                         "--min-confidence", "0"])
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode())))
    assert sorted((r["sub_event_type"], r["background"]) for r in rows) == [
        ("Air/drone strike", "True"), ("Armed clash", "False"), ("Attack", "False")]


def test_export_geojson_marks_background_in_properties(store, capsysbinary):
    run(export_command, ["export", "--db", str(store), "--format", "geojson", "--include-background"])
    features = json.loads(capsysbinary.readouterr().out.decode())["features"]
    assert {f["properties"]["sub_event_type"]: f["properties"]["background"] for f in features} == {
        "Air/drone strike": True, "Attack": False}


def test_store_keeps_every_event_and_an_accepted_event_passes_any_threshold(store):
    with Database(store) as db:
        assert db.counts().events == 3
        assert len(list(db.events(EventFilter()))) == 3  # the library applies no threshold unless asked
        assert [e.event["sub_event_type"] for e in db.events(EventFilter(min_confidence=0.5))] == [
            "Air/drone strike", "Attack"]
        assert len(list(db.iter_incidents(IncidentFilter(min_confidence=0.5)))) == 2
        db.add_review(ReviewInput(reviewer="ana", action="accept", document_id="unsure", event_key="unsure-e1"))
        shown = [e.event["sub_event_type"] for e in db.events(EventFilter(min_confidence=0.5,
                                                                          include_background=False))]
        assert shown == ["Armed clash", "Attack"]
        incidents = db.iter_incidents(IncidentFilter(min_confidence=0.5, include_background=False))
        assert sorted(i.record["sub_event_type"] for i in incidents) == ["Armed clash", "Attack"]


def test_an_incident_an_analyst_accepted_passes_any_threshold(store):
    with Database(store) as db:
        unsure = next(i for i in db.iter_incidents() if i.record["sub_event_type"] == "Armed clash")
        assert unsure.id not in {i.id for i in db.iter_incidents(IncidentFilter(min_confidence=0.5))}
        db.add_review(ReviewInput(reviewer="ana", target_kind="incident", incident_id=unsure.id, action="accept"))
        assert unsure.id in {i.id for i in db.iter_incidents(IncidentFilter(min_confidence=0.5))}
