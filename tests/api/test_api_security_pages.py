"""The page, the offline docs, the vendored assets, headers, CORS and the write token."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from wirecoder.api import DeskSettings, create_app
from wirecoder.cli.serve import ensure_token
from wirecoder.store import Database

STATIC = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "api" / "static"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


def test_api_page_and_its_scripts_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="map"' in page.text
    assert not EXTERNAL.search(page.text)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text):
        assert client.get(asset).status_code == 200, asset


def test_api_docs_work_offline(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in docs.text
    assert not EXTERNAL.search(docs.text)
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/events/points", "/api/counts", "/api/articles",
            "/api/export.csv", "/api/export.geojson", "/api/reviews", "/api/incidents", "/api/places"} <= \
        set(schema["paths"])


def test_api_vendored_assets_match_their_manifest_and_carry_licences():
    manifest = json.loads((STATIC / "vendor" / "MANIFEST.json").read_text())
    assert set(manifest) == {"leaflet", "leaflet.markercluster", "topojson-client", "world-atlas", "swagger-ui-dist"}
    for package, entry in manifest.items():
        files = entry["files"]
        assert any(name.upper().startswith(("LICENSE", "MIT-LICENCE")) for name in files), package
        for name, digest in files.items():
            assert hashlib.sha256((STATIC / "vendor" / package / name).read_bytes()).hexdigest() == digest, name
    notice = (Path(__file__).resolve().parents[2] / "NOTICE").read_text()
    for package, entry in manifest.items():
        assert f"{package} {entry['version']}" in notice, package


def test_api_headers_forbid_foreign_scripts_and_framing(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert client.get("/api/meta").headers["cache-control"] == "no-store"


def test_api_cors_is_off_unless_asked(store):
    with TestClient(create_app(DeskSettings(db=store))) as client:
        response = client.get("/api/meta", headers={"Origin": "http://elsewhere.example"})
        assert "access-control-allow-origin" not in response.headers
    with TestClient(create_app(DeskSettings(db=store, cors_origins=("http://ok.example",)))) as client:
        allowed = client.get("/api/meta", headers={"Origin": "http://ok.example"})
        other = client.get("/api/meta", headers={"Origin": "http://elsewhere.example"})
    assert allowed.headers["access-control-allow-origin"] == "http://ok.example"
    assert "access-control-allow-origin" not in other.headers


def test_api_token_made_once_kept_as_a_hash_and_needed(tmp_path, store):
    path = tmp_path / "fresh.sqlite"
    Database(path).close()
    token = ensure_token(path, token=None)
    assert token and len(token) >= 24
    assert ensure_token(path, token=None) is None  # printed once only
    with Database(path) as db:
        assert db.check_api_token(token) and not db.check_api_token(token + "x")
    raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                               if path.with_name(path.name + "-wal").exists() else b"")
    assert token.encode() not in raw and hashlib.sha256(token.encode()).hexdigest().encode() in raw
    assert ensure_token(path, token="a-given-token-of-enough-length") is None
    with Database(path) as db:
        assert db.check_api_token("a-given-token-of-enough-length") and db.check_api_token(token)


def test_api_meta_counts_and_taxonomy(client):
    meta = client.get("/api/meta").json()
    assert meta["store"] == {"events": 7, "articles": 5, "incidents": 6, "reviews": 0}
    assert "Protests" in meta["event_types"] and "type" in meta["review"]["fields"]
