"""/api/articles (FTS5 search, keyset pages, one article) and the streamed exports of the current filter."""
from __future__ import annotations

import csv
import io
import json

from wirecoder.export import ACLED_COLUMNS, COLUMNS


def test_api_articles_list_search_and_pages(client):
    everything = client.get("/api/articles?limit=100").json()["articles"]
    assert {a["document_id"] for a in everything} == {"ng-1", "ml-1", "ug-1", "ye-1", "ye-2", "ye-1-copy"}
    found = client.get("/api/articles?q=bread").json()["articles"]
    assert [a["document_id"] for a in found] == ["ug-1"] and found[0]["events"] == 1
    first = client.get("/api/articles?limit=2").json()
    second = client.get(f"/api/articles?limit=10&after={first['next_cursor']}").json()
    ids = [a["document_id"] for a in first["articles"] + second["articles"]]
    assert sorted(ids) == sorted(a["document_id"] for a in everything) and second["next_cursor"] is None


def test_api_article_has_text_quotes_and_events(client):
    body = client.get("/api/articles/ug-1").json()
    assert body["text"].startswith("Thousands marched in Kampala")
    assert body["quotes"][0]["speaker"]["name"] == "Sarah Nakato"
    assert [e["report_key"]["event_key"] for e in body["events"]] == ["ug-1-e1"]


def test_api_export_csv_streams_acled_columns_of_the_filter(client):
    response = client.get("/api/export.csv?country=NG")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == COLUMNS and tuple(rows[0])[:len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert sorted(r["wirecoder_event_id"] for r in rows) == ["ng-1-e1", "ng-1-e2"]
    assert {r["country"] for r in rows} == {"Nigeria"} and rows[0]["notes"]


def test_api_export_csv_pages_through_many_events(store, tmp_path):
    from fastapi.testclient import TestClient

    from wirecoder.api import DeskSettings, create_app

    with TestClient(create_app(DeskSettings(db=store, export_page_size=2))) as small_pages:
        rows = list(csv.DictReader(io.StringIO(small_pages.get("/api/export.csv").text)))
    assert len(rows) == 7 and len({r["wirecoder_event_id"] for r in rows}) == 7


def test_api_export_geojson_of_the_filter(client):
    body = json.loads(client.get("/api/export.geojson?type=Explosions/Remote violence").text)
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 3
    assert {"type": "Point", "coordinates": [44.21, 15.35]} in [f["geometry"] for f in body["features"]]
    empty = json.loads(client.get("/api/export.geojson?country=FR").text)
    assert empty["features"] == []


def test_api_export_bad_filter_fails_before_streaming(client):
    response = client.get("/api/export.csv?since=not-a-date")
    assert response.status_code == 400 and response.json()["error"]["code"] == "W008"
