"""Exports write incidents: one ACLED row each with every outlet, GeoJSON and Parquet with the sources, JSONL with
the whole record and every report's evidence."""
from __future__ import annotations

import argparse
import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from incident_helpers import FRONT, article, copy_of, event, place

from wirecoder.cli import export as export_command
from wirecoder.store import Database


@pytest.fixture
def store(tmp_path):
    first = article("w1", [event(killed=12)], source="Wire One", url="http://wire.invalid/1")
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=[
            first, copy_of(first, "w1-copy", source="Daily Reprint"),
            article("m1", [{**event(killed=(None, 9, 9), actor1=FRONT,
                                    claimed_by=[{"name": "the mayor", "kind": "official", "quote_id": None}]),
                            "confidence": 0.95}], source="Agence Two"),
            article("c1", [event(where={**place("Cedo"), "admin2": "Cedo District"}, date="2024-04-01")],
                    source="Kora Times")])
    return tmp_path / "s.db"


def export(store, fmt, *extra) -> bytes:
    parser = argparse.ArgumentParser()
    export_command.register(parser.add_subparsers())
    out = store.parent / f"out.{fmt}"
    args = parser.parse_args(["export", "--db", str(store), "--format", fmt, "--out", str(out), *extra])
    assert args.func(args) == 0
    return out.read_bytes()


def test_export_csv_one_row_per_incident_with_every_outlet(store):
    rows = list(csv.DictReader(io.StringIO(export(store, "csv").decode())))
    assert len(rows) == 2
    adiri = next(r for r in rows if r["location"] == "Adiri")
    assert adiri["source"] == "Agence Two; Wire One; Daily Reprint"  # the copy is listed, never counted
    assert adiri["number_of_sources"] == "2" and adiri["number_of_reports"] == "2"
    assert adiri["fatalities"] == "9" and (adiri["fatalities_low"], adiri["fatalities_high"]) == ("9", "12")
    assert adiri["actor1"] == FRONT["name"]
    assert adiri["notes"] == "m1: an article of Agence Two told on 2024-03-11."  # the clearest report's sentence
    assert adiri["event_id_cnty"].endswith(adiri["incident_id"])
    assert [c["field"] for c in json.loads(adiri["conflicts"])] == ["fatalities"]
    cedo = next(r for r in rows if r["location"] == "Cedo")
    # the district as the gazetteer knows it; none for a report that does not say it
    assert (cedo["admin1"], cedo["admin2"], adiri["admin2"]) == ("Lani", "Cedo District", "")
    reports = list(csv.DictReader(io.StringIO(export(store, "csv", "--reports").decode())))
    assert len(reports) == 3


def test_export_jsonl_is_the_whole_record_with_each_reports_evidence(store):
    lines = [json.loads(line) for line in export(store, "jsonl").decode().splitlines()]
    adiri = next(r for r in lines if r["location"]["name"] == "Adiri")
    assert adiri["schema"] == "wirecoder.incident/1"
    assert {r["document_id"] for r in adiri["reports"]} == {"w1", "m1"}
    assert all(r["event"]["evidence"][0]["field"] == "trigger" for r in adiri["reports"])
    assert next(r for r in adiri["reports"] if r["document_id"] == "w1")["duplicate_copies"] == ["w1-copy"]


def test_export_geojson_and_parquet_carry_the_sources(store):
    features = json.loads(export(store, "geojson"))["features"]
    adiri = next(f for f in features if f["properties"]["location"] == "Adiri")
    assert adiri["geometry"]["coordinates"] == [-3.0, 14.0]
    assert [s["source"] for s in adiri["properties"]["sources"]] == ["Agence Two", "Wire One", "Daily Reprint"]
    export(store, "parquet")
    table = pq.read_table(store.parent / "out.parquet").to_pylist()
    row = next(r for r in table if r["location"] == "Adiri")
    assert [s["document_id"] for s in row["sources"]] == ["m1", "w1", "w1-copy"]
    assert row["fatalities_best"] == 9 and row["number_of_sources"] == 2
