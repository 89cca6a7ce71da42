"""Reviewed events out as training data that `wirecoder train` reads, and `wirecoder eval reviews`."""
from __future__ import annotations

import json

import pytest

from wirecoder.cli.main import main
from wirecoder.review import ReviewInput
from wirecoder.store import Database
from wirecoder.typing import read_examples

from desk_store import write_desk_store


@pytest.fixture
def reviewed_store(tmp_path):
    path = write_desk_store(tmp_path / "desk.sqlite")
    with Database(path) as db:
        def review(doc, key, **kw):
            db.add_review(ReviewInput(reviewer="ana", document_id=doc, event_key=key, **kw))

        review("ng-1", "ng-1-e1", action="accept")
        review("ml-1", "ml-1-e1", action="correct", field="type", value="Attack")
        review("ml-1", "ml-1-e1", action="correct", field="fatalities", value=3)
        review("ug-1", "ug-1-e1", action="reject", reason="not_an_event")
        review("ye-1", "ye-1-e2", action="reject", reason="duplicate")
    return path


def test_review_training_export_is_read_by_train(reviewed_store, tmp_path, capsys):
    out = tmp_path / "reviewed.jsonl"
    assert main(["export", "--db", str(reviewed_store), "--reviewed", "--format", "training", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(line["document_id"], line["sub_event_type"]) for line in lines} == {
        ("ng-1", "Armed clash"), ("ml-1", "Attack"), ("ug-1", None)}  # the duplicate says nothing of the type
    assert next(line for line in lines if line["document_id"] == "ml-1")["text"].startswith("Gunmen clashed")
    examples = read_examples(out)
    assert sorted(e.label for e in examples) == ["Armed clash", "Attack", "No event"]


def test_review_csv_export_reviewed_only(reviewed_store, tmp_path):
    out = tmp_path / "reviewed.csv"
    assert main(["export", "--db", str(reviewed_store), "--reviewed", "--format", "csv", "--out", str(out)]) == 0
    text = out.read_text()
    assert "ng-1-e1" in text and "ml-1-e1" in text and "ug-1-e1" not in text and "ye-1-e1" not in text


def test_review_eval_reviews_scores_precision_and_fields(reviewed_store, capsys):
    assert main(["eval", "reviews", "--db", str(reviewed_store), "--json"]) == 0
    score = json.loads(capsys.readouterr().out)
    assert score["reviewed"] == 4 and score["kept"] == 2 and score["precision"] == 0.5
    assert score["rejected"] == {"duplicate": 1, "not_an_event": 1}
    assert score["field_accuracy"]["type"] == 0.5 and score["field_accuracy"]["date"] == 1.0


def test_review_nothing_reviewed_is_w078(tmp_path, capsys):
    path = write_desk_store(tmp_path / "plain.sqlite")
    assert main(["eval", "reviews", "--db", str(path)]) == 2
    assert "W078" in capsys.readouterr().err
    assert main(["export", "--db", str(path), "--format", "training", "--out", str(tmp_path / "t.jsonl")]) == 2
    assert not (tmp_path / "t.jsonl").exists()


def test_review_incident_exports_show_and_mark_incident_reviews(tmp_path):
    import csv

    path = write_desk_store(tmp_path / "desk.sqlite")
    with Database(path) as db:
        incidents = list(db.iter_incidents())
        sanaa = next(i for i in incidents if i.record["number_of_sources"] == 2)
        protest = next(i for i in incidents if i.record["event_type"] == "Protests")
        db.add_review(ReviewInput(reviewer="ana", target_kind="incident", incident_id=sanaa.id, action="correct",
                                  field="fatalities", value=22))
        db.add_review(ReviewInput(reviewer="ana", target_kind="incident", incident_id=protest.id, action="reject",
                                  reason="not_an_event"))
    out = tmp_path / "incidents.csv"
    every = ["--include-background", "--min-confidence", "0"]  # every incident but the rejected one
    assert main(["export", "--db", str(path), "--format", "csv", "--out", str(out), *every]) == 0
    rows = {r["incident_id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows[sanaa.id]["fatalities"] == "22" and rows[sanaa.id]["review_status"] == "corrected"
    assert rows[sanaa.id]["reviewed_fields"] == "fatalities"
    assert protest.id not in rows and len(rows) == len(incidents) - 1
    lines = tmp_path / "incidents.jsonl"
    assert main(["export", "--db", str(path), "--format", "jsonl", "--out", str(lines)]) == 0
    record = next(json.loads(line) for line in lines.read_text().splitlines() if sanaa.id in line)
    assert record["review"]["status"] == "corrected" and record["fatalities"]["best"] == 22


def test_review_events_command_shows_reviewed_incidents(tmp_path, capsys):
    path = write_desk_store(tmp_path / "desk.sqlite")
    with Database(path) as db:
        protest = next(i for i in db.iter_incidents() if i.record["event_type"] == "Protests")
        db.add_review(ReviewInput(reviewer="ana", target_kind="incident", incident_id=protest.id, action="correct",
                                  field="type", value="Violent demonstration"))
    assert main(["events", "--db", str(path), "--country", "UG"]) == 0
    out = capsys.readouterr().out
    assert "Violent demonstration" in out and "Peaceful protest" not in out
