"""The desk's filtered reads (counts, map points) read a covering index alone, never the events' rows (which
hold each event's JSON): checked on SQLite's own query plans."""
from __future__ import annotations

import pytest

from wirecoder.store import Database, EventFilter

from desk_store import write_desk_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = write_desk_store(tmp_path_factory.mktemp("plans") / "desk.sqlite")
    with Database(path, readonly=True) as database:
        yield database


def plans(db: Database, read) -> list[str]:
    """The query plan lines of every statement a read runs (the statements as SQLite ran them, values in)."""
    statements: list[str] = []
    db._conn.set_trace_callback(statements.append)
    try:
        read()
    finally:
        db._conn.set_trace_callback(None)
    return [row[3] for sql in statements if sql.lstrip().upper().startswith("SELECT")
            for row in db._conn.execute("EXPLAIN QUERY PLAN " + sql)]


@pytest.mark.parametrize("event_filter", [
    EventFilter(), EventFilter(country="NG"), EventFilter(event_type="Battles"),
    EventFilter(country="YE", event_type="Air/drone strike"), EventFilter(sub_event_type="Armed clash"),
    EventFilter(since="2024-01-01", until="2024-03", include_background=False),
    EventFilter(bbox=(-10.0, 0.0, 20.0, 20.0), review="unreviewed")])
def test_desk_counts_and_points_read_a_covering_index_only(db, event_filter):
    for read in (lambda: db.event_counts(event_filter, by="week"), lambda: db.event_points_json(event_filter)):
        lines = plans(db, read)
        scans = [line for line in lines if line.startswith(("SCAN e", "SEARCH e"))]
        assert scans and all("COVERING INDEX" in line for line in scans), lines
