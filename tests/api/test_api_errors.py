"""Every error of the API has one shape, {"error": {"code", "message", "status"}}, whatever raised it."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from wirecoder.api import DeskSettings, create_app
from wirecoder.errors import CATALOGUE

from conftest import TOKEN

REVIEW = {"reviewer": "ana", "action": "accept", "document_id": "ng-1", "event_key": "ng-1-e1"}

FAILURES = [
    # (method, path, kwargs, HTTP status, code)
    ("get", "/api/nothing-here", {}, 404, "W071"),
    ("delete", "/api/events", {}, 405, "W071"),
    ("get", "/api/events?limit=abc", {}, 400, "W070"),
    ("get", "/api/events?limit=0", {}, 400, "W070"),
    ("get", "/api/events?limit=501", {}, 413, "W074"),
    ("get", "/api/events?sort=chaos", {}, 400, "W070"),
    ("get", "/api/events?after=not-a-cursor", {}, 400, "W070"),
    ("get", "/api/events?since=2024-13-01", {}, 400, "W008"),
    ("get", "/api/events?country=Atlantis", {}, 400, "W008"),
    ("get", "/api/events?bbox=1,2,3", {}, 400, "W070"),
    ("get", "/api/events?bbox=0,50,10,40", {}, 400, "W070"),
    ("get", "/api/events?review=maybe", {}, 400, "W008"),
    ("get", "/api/events?q=%20%21%21", {}, 400, "W008"),
    ("get", "/api/events/points?limit=50001", {}, 413, "W074"),
    ("get", "/api/counts?by=moon", {}, 400, "W070"),
    ("get", "/api/events/999999", {}, 404, "W071"),
    ("get", "/api/articles/no-such-article", {}, 404, "W071"),
    ("get", "/api/articles?limit=1000", {}, 413, "W074"),
    ("get", "/api/incidents/abc", {}, 404, "W060"),
    ("get", "/api/incidents?order=chaos", {}, 400, "W008"),
    ("get", "/api/incidents?after=garbage", {}, 400, "W061"),
    ("get", "/api/incidents?limit=501", {}, 413, "W074"),
    ("get", "/api/incidents?bbox=1,2", {}, 400, "W070"),
    ("get", "/api/reviews", {}, 400, "W070"),
    ("get", "/api/events?" + "q=x&" * 2000, {}, 413, "W074"),
    ("post", "/api/reviews", {"json": REVIEW}, 401, "W072"),
    ("post", "/api/reviews", {"json": REVIEW, "headers": {"Authorization": "Bearer wrong-token"}}, 401, "W072"),
    ("post", "/api/reviews", {"json": {**REVIEW, "action": "shrug"}, "token": True}, 422, "W073"),
    ("post", "/api/reviews", {"json": {**REVIEW, "event_key": "nope"}, "token": True}, 404, "W071"),
    ("post", "/api/reviews", {"json": {"reviewer": "ana", "action": "accept"}, "token": True}, 422, "W073"),
    ("post", "/api/reviews", {"json": {**REVIEW, "action": "correct", "field": "date", "value": "yesterday"},
                              "token": True}, 422, "W073"),
    ("post", "/api/reviews", {"json": {**REVIEW, "unknown": 1}, "token": True}, 422, "W073"),
    ("post", "/api/reviews", {"content": b"{not json", "token": True,
                              "headers": {"Content-Type": "application/json"}}, 422, "W073"),
    ("post", "/api/reviews", {"content": b"x" * 70_000, "token": True,
                              "headers": {"Content-Type": "application/json"}}, 413, "W074"),
    ("post", "/api/reviews", {"json": {**REVIEW, "incident_id": "i1"}, "token": True}, 404, "W060"),
]


def _call(client, method, path, kwargs):
    kwargs = dict(kwargs)
    headers = dict(kwargs.pop("headers", {}))
    if kwargs.pop("token", False):
        headers["Authorization"] = f"Bearer {TOKEN}"
    return getattr(client, method)(path, headers=headers, **kwargs)


@pytest.mark.parametrize("method,path,kwargs,status,code", FAILURES,
                         ids=[f"{f[0]} {f[1][:40]} {f[4]}" for f in FAILURES])
def test_api_errors_one_shape(client, method, path, kwargs, status, code):
    response = _call(client, method, path, kwargs)
    body = response.json()
    assert response.status_code == status
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and code in CATALOGUE
    assert body["error"]["status"] == status
    assert "How to fix" in body["error"]["message"]


def test_api_errors_internal_error_has_the_shape(store, monkeypatch):
    app = create_app(DeskSettings(db=store))

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("wirecoder.store.database.Database.desk_summary", broken)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/meta")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "W099" and response.json()["error"]["status"] == 500
    assert "boom" not in response.text  # no internals leak to the client
