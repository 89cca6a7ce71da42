from __future__ import annotations

import sys
from pathlib import Path

import pytest
from servers import start_feed_server, start_receiver

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))  # fake_coder, pages


@pytest.fixture
def feeds():
    state, server = start_feed_server()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def receiver():
    state, server = start_receiver()
    yield state
    server.shutdown()
    server.server_close()
