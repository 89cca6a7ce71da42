"""The desk's filtered reads (counts, map points) read an index (or the counts kept per day) alone, never the
events' rows (which hold each event's JSON): checked on SQLite's own programs for them."""
from __future__ import annotations

import pytest

from wirecoder.store import Database, EventFilter

from desk_store import write_desk_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = write_desk_store(tmp_path_factory.mktemp("plans") / "desk.sqlite")
    with Database(path, readonly=True) as database:
        yield database


def statements(db: Database, read) -> list[str]:
    """Every query a read runs (the statements as SQLite ran them, values in)."""
    seen: list[str] = []
    db._conn.set_trace_callback(seen.append)
    try:
        read()
    finally:
        db._conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().upper().startswith(("SELECT", "WITH"))]


def reads_event_rows(db: Database, sql: str) -> bool:
    """Whether SQLite's program for ``sql`` reads a column of the events table itself (a cursor opened on the
    table's root page): a covering index, or a value stored in an index (the map points), reads none."""
    root = db._conn.execute("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'events'").fetchone()[0]
    program = db._conn.execute("EXPLAIN " + sql).fetchall()
    tables = {row[2] for row in program if row[1] == "OpenRead" and row[3] == root}
    return any(row[1] in ("Column", "Rowid") and row[2] in tables for row in program)


@pytest.mark.parametrize("event_filter", [
    EventFilter(), EventFilter(country="NG"), EventFilter(event_type="Battles"),
    EventFilter(country="YE", event_type="Air/drone strike"), EventFilter(sub_event_type="Armed clash"),
    EventFilter(since="2024-01-01", until="2024-03", include_background=False),
    EventFilter(bbox=(-10.0, 0.0, 20.0, 20.0), review="unreviewed"), EventFilter(review="all")])
def test_desk_counts_and_points_read_no_event_rows(db, event_filter):
    for read in (lambda: db.event_counts(event_filter, by="week"), lambda: db.event_points_json(event_filter)):
        ran = statements(db, read)
        assert ran and not any(reads_event_rows(db, sql) for sql in ran), ran


def test_whole_store_points_and_counts_read_what_the_store_keeps(db):
    """Points of everything are the stored ones (the events_points index), weekly counts of everything the
    counts kept per day (event_days): not formatted or counted anew event by event."""
    points = " ".join(statements(db, lambda: db.event_points_json(EventFilter())))
    counts = " ".join(statements(db, lambda: db.event_counts(EventFilter(), by="week")))
    assert "shown_point" in points and "printf" not in points
    assert "event_days" in counts and "FROM events" not in counts
