"""The API tests run in-process (FastAPI's TestClient) on a store the tests write (once; each test gets a copy)."""
from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from wirecoder.api import DeskSettings, create_app
from wirecoder.store import Database

from desk_store import write_desk_store

TOKEN = "test-token-0123456789abcdef"


@pytest.fixture(scope="session")
def store_template(tmp_path_factory):
    path = write_desk_store(tmp_path_factory.mktemp("desk") / "desk.sqlite")
    with Database(path) as db:
        db.add_api_token(TOKEN)
    return path


@pytest.fixture
def store(store_template, tmp_path):
    path = tmp_path / "desk.sqlite"
    shutil.copyfile(store_template, path)
    return path


@pytest.fixture
def client(store):
    with TestClient(create_app(DeskSettings(db=store))) as test_client:
        yield test_client


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}
