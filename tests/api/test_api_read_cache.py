"""The API's kept reads (pages, map points, counts, the store's summary) follow every change of the store: a
review through the API, and an ingest writing from another connection."""
from __future__ import annotations

import time

from fastapi.testclient import TestClient

from wirecoder.api import DeskSettings, create_app
from wirecoder.store import Database

from desk_store import document, make_event


PATHS = ("/api/events?limit=100", "/api/events/points", "/api/counts?by=type", "/api/meta")


def views(client) -> dict:
    return {path: client.get(path).json() for path in PATHS}


def test_api_kept_reads_follow_a_review_and_an_ingest(auth, store):
    with TestClient(create_app(DeskSettings(db=store, stale_seconds=60))) as client:  # a slow machine's margin
        follow_a_review_and_an_ingest(client, auth, store)


def follow_a_review_and_an_ingest(client, auth, store):
    before = views(client)
    assert views(client) == before  # asked again with nothing changed: the same
    assert client.app.state.read_cache.stats().hits >= 4
    target = next(i for i in before["/api/events?limit=100"]["events"] if i["report_key"]["event_key"] == "ng-1-e1")
    response = client.post("/api/reviews", headers=auth, json={
        "reviewer": "ana", "document_id": "ng-1", "event_key": "ng-1-e1", "action": "reject", "reason": "duplicate"})
    assert response.status_code == 201, response.text
    rejected = views(client)  # a review is shown at once, however young the kept views
    assert target["id"] not in {i["id"] for i in rejected["/api/events?limit=100"]["events"]}
    assert target["id"] not in {p[0] for p in rejected["/api/events/points"]["points"]}
    battles = lambda body: next(c["events"] for c in body["counts"] if c["key"] == "Battles")  # noqa: E731
    assert battles(rejected["/api/counts?by=type"]) == battles(before["/api/counts?by=type"]) - 1
    assert rejected["/api/meta"]["store"]["reviews"] == before["/api/meta"]["store"]["reviews"] + 1

    text = "Troops clashed in Kano."
    with Database(store) as db:  # the ingest's writer: another connection, as another process would be
        db.write_batch(run_id=None, documents=[document("kano-1", text, [
            make_event("kano-1-e1", date="2025-01-01", country="NG", lat=12.0, lon=8.5, place="Kano",
                       text=text)], title="Kano", published="2025-01-01")])
    # right after the ingest's write the kept views are shown as they were, said stale, while each is read again
    # off the readers' path; the next answers are fresh (up to stale_seconds after they were read)
    stale = {path: client.get(path) for path in PATHS}
    assert {path: r.json() for path, r in stale.items()} == rejected
    assert all(r.headers["server-timing"].startswith("cache;desc=stale") for r in stale.values())
    deadline = time.monotonic() + 10
    while client.app.state.refreshes.running() and time.monotonic() < deadline:
        time.sleep(0.01)
    fresh = {path: client.get(path) for path in PATHS}
    assert all(r.headers["server-timing"].startswith("cache;desc=hit") for r in fresh.values())
    written = {path: r.json() for path, r in fresh.items()}
    assert written["/api/events?limit=100"]["events"][0]["report_key"]["event_key"] == "kano-1-e1"
    assert written["/api/events/points"]["points"][0][1:3] == [12.0, 8.5]
    assert battles(written["/api/counts?by=type"]) == battles(rejected["/api/counts?by=type"]) + 1
    assert written["/api/meta"]["store"]["events"] == before["/api/meta"]["store"]["events"] + 1


def test_api_kept_reads_show_no_stale_answer_with_stale_seconds_0(store):
    with TestClient(create_app(DeskSettings(db=store, stale_seconds=0))) as client:
        before = views(client)
        text = "Troops clashed in Kano."
        with Database(store) as db:
            db.write_batch(run_id=None, documents=[document("kano-1", text, [
                make_event("kano-1-e1", date="2025-01-01", country="NG", lat=12.0, lon=8.5, place="Kano",
                           text=text)], title="Kano", published="2025-01-01")])
        response = client.get("/api/meta")
        assert response.headers["server-timing"].startswith("cache;desc=build")
        assert response.json()["store"]["events"] == before["/api/meta"]["store"]["events"] + 1
