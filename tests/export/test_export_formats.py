"""Exports: ACLED-column CSV, JSONL, GeoJSON and Parquet, from a store written by hand."""
from __future__ import annotations

import csv
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from wirecoder.export import ACLED_COLUMNS, COLUMNS, export_events
from wirecoder.export.acled import disorder_type, interaction, trigger_sentence
from wirecoder.store import Database, DocumentRow, EventFilter

ACLED_ORDER = ("event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
               "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country "
               "admin1 admin2 admin3 location latitude longitude geo_precision source source_scale notes "
               "fatalities tags timestamp").split()

TEXT = "Police said on Friday. Gunmen killed four traders near the market in Kano. Shops stayed shut."


def stored_events(tmp_path):
    trigger_start = TEXT.index("killed")
    attack = {
        "id": "d1-e1", "event_type": "Violence against civilians", "sub_event_type": "Attack",
        "date": "2024-06-07", "date_end": None, "time_precision": 1,
        "actor1": {"name": "Unidentified Armed Group (Nigeria)", "kind": "political_militia", "country": "NG",
                   "text": "Gunmen", "start": 23, "end": 29},
        "actor2": {"name": "Civilians (Nigeria)", "kind": "civilians", "country": "NG", "text": "traders",
                   "start": 42, "end": 49},
        "assoc_actors": [],
        "location": {"text": "Kano", "start": 67, "end": 71, "name": "Kano", "geonameid": 2335204, "lat": 12.0,
                     "lon": 8.5, "country": "NG", "admin1": "Kano", "feature_class": "P", "feature_code": "PPLA",
                     "geo_precision": 1, "admin2": "Kano Municipal"},
        "fatalities": {"low": 4, "best": 4, "high": 4}, "injured": {"low": None, "best": 2, "high": None},
        "weapons": [], "background": False, "claimed_by": [{"name": "Police", "kind": "state", "quote_id": None}],
        "confidence": 0.86,
        "evidence": [{"field": "trigger", "start": trigger_start, "end": trigger_start + 6, "text": "killed"}]}
    protest = {
        "id": "d1-e2", "event_type": "Protests", "sub_event_type": "Peaceful protest", "date": "2024-06-08",
        "date_end": None, "time_precision": 1, "actor1": {"name": "Protesters (Nigeria)", "kind": "protesters",
                                                          "country": "NG", "text": "x", "start": 0, "end": 1},
        "actor2": None, "assoc_actors": [], "location": None, "fatalities": None, "injured": None, "weapons": [],
        "background": False, "claimed_by": [], "confidence": 0.5, "evidence": []}
    record = {"schema": "wirecoder.document/1", "id": "d1", "language": "en", "events": [attack, protest],
              "places": [], "quotes": []}
    with Database(tmp_path / "s.db") as db:
        db.write_batch(run_id=None, documents=[DocumentRow(
            doc_id="d1", content_hash="h1", origin="d1.txt", text=TEXT, status="coded", record=record,
            source="Kano Daily", url="http://kano.invalid/1", title="Traders killed")])
        return list(db.events(EventFilter(), with_text=True)), attack, protest


def export(events, fmt) -> bytes:
    out = io.BytesIO()
    assert export_events(events, format=fmt, out=out) == len(events)
    return out.getvalue()


def test_export_csv_has_acled_columns_in_acled_order_first(tmp_path):
    events, _, _ = stored_events(tmp_path)
    rows = list(csv.reader(io.StringIO(export(events, "csv").decode())))
    assert rows[0][: len(ACLED_ORDER)] == ACLED_ORDER
    assert tuple(rows[0]) == COLUMNS and set(COLUMNS) > set(ACLED_COLUMNS)
    assert {"injured", "claimed_by", "evidence", "document_id"} <= set(rows[0][len(ACLED_ORDER):])


def test_export_csv_values(tmp_path):
    events, _, _ = stored_events(tmp_path)
    attack, protest = csv.DictReader(io.StringIO(export(events, "csv").decode()))
    assert attack["event_id_cnty"].startswith("NGA")
    assert (attack["event_date"], attack["year"], attack["country"], attack["iso"]) == ("2024-06-07", "2024",
                                                                                          "Nigeria", "566")
    assert (attack["inter1"], attack["inter2"], attack["interaction"]) == ("3", "7", "37")
    assert attack["civilian_targeting"] == "Civilian targeting"
    assert attack["disorder_type"] == "Political violence"
    assert (attack["fatalities"], attack["injured"], attack["source"]) == ("4", "2", "Kano Daily")
    assert attack["notes"] == "Gunmen killed four traders near the market in Kano."
    assert (attack["admin1"], attack["admin2"], protest["admin2"]) == ("Kano", "Kano Municipal", "")
    assert json.loads(attack["evidence"])[0]["text"] == "killed"
    assert attack["document_id"] == "d1" and attack["claimed_by"] == "Police"
    # no count reported: ACLED's 0 in `fatalities`, an empty `fatalities_best`
    assert (protest["fatalities"], protest["fatalities_best"]) == ("0", "")
    assert (protest["disorder_type"], protest["interaction"]) == ("Demonstrations", "60")


def test_export_jsonl_is_the_event_plus_document_id(tmp_path):
    events, attack, protest = stored_events(tmp_path)
    lines = [json.loads(line) for line in export(events, "jsonl").decode().splitlines()]
    assert lines == [{**attack, "document_id": "d1"}, {**protest, "document_id": "d1"}]


def test_export_geojson_points_are_lon_lat(tmp_path):
    events, _, _ = stored_events(tmp_path)
    collection = json.loads(export(events, "geojson"))
    assert collection["type"] == "FeatureCollection"
    located, unlocated = collection["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [8.5, 12.0]}
    assert located["properties"]["event_type"] == "Violence against civilians"
    assert unlocated["geometry"] is None


def test_export_parquet_is_typed_and_readable(tmp_path):
    events, _, _ = stored_events(tmp_path)
    table = pq.read_table(io.BytesIO(export(events, "parquet")))
    assert table.column_names == list(COLUMNS)
    assert table.schema.field("fatalities").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.column("event_date").to_pylist() == ["2024-06-07", "2024-06-08"]
    assert table.column("latitude").to_pylist() == [12.0, None]


def test_export_parquet_of_no_events_is_still_a_file(tmp_path):
    table = pq.read_table(io.BytesIO(export([], "parquet")))
    assert table.num_rows == 0 and table.column_names == list(COLUMNS)


def test_export_unknown_format_is_a_user_error():
    from wirecoder.errors import WirecoderError

    with pytest.raises(WirecoderError) as err:
        export_events([], format="xlsx", out=io.BytesIO())
    assert err.value.code == "W008"


def test_export_acled_codes():
    assert interaction(1, 2) == interaction(2, 1) == 12
    assert interaction(6, None) == 60 and interaction(None, None) is None
    assert disorder_type("Riots", "Mob violence") == "Political violence; Demonstrations"
    assert disorder_type("Battles", "Armed clash") == "Political violence"
    assert disorder_type("Strategic developments", "Looting/property destruction") == "Strategic developments"


def test_export_notes_are_the_trigger_sentence():
    event = {"evidence": [{"field": "trigger", "start": TEXT.index("killed"), "end": TEXT.index("killed") + 6,
                           "text": "killed"}]}
    assert trigger_sentence(TEXT, event) == "Gunmen killed four traders near the market in Kano."
    assert trigger_sentence(None, event) == "killed"
    assert trigger_sentence(TEXT, {"evidence": []}) is None


def test_civilian_targeting_is_political_violence_against_civilians_only():
    from wirecoder.taxonomy.acled import civilian_targeting
    assert civilian_targeting("Violence against civilians", "Attack", "civilians") == "Civilian targeting"
    assert civilian_targeting("Riots", "Mob violence", "civilians") == "Civilian targeting"
    # looting or burning civilians' property is a strategic development, not violence against them
    assert civilian_targeting("Strategic developments", "Looting/property destruction", "civilians") is None
    assert civilian_targeting("Violence against civilians", "Attack", "state_forces") is None
