"""The Database class: schema, idempotent writes, one transaction per batch, queries and search."""
from __future__ import annotations

import sqlite3

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.store import Database, DocumentRow, EventFilter, FailureRow
from wirecoder.store.schema import SCHEMA_VERSION


def event(n: int, *, date: str, country: str, event_type: str = "Battles", sub: str = "Armed clash",
          actor: str = "Military Forces of Nigeria", kind: str = "state_forces") -> dict:
    return {"id": f"e{n}", "event_type": event_type, "sub_event_type": sub, "date": date, "date_end": None,
            "time_precision": 1, "actor1": {"name": actor, "kind": kind, "country": country, "text": actor,
                                            "start": 0, "end": 5},
            "actor2": None, "assoc_actors": [], "location": {"name": "Town", "country": country, "lat": 1.0,
                                                              "lon": 2.0, "geo_precision": 1},
            "fatalities": {"low": 2, "best": 2, "high": 2}, "injured": None, "weapons": [], "background": False,
            "claimed_by": [], "confidence": 0.8,
            "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": "clash"}]}


def document(key: str, text: str, events: list[dict], **extra) -> DocumentRow:
    record = {"schema": "wirecoder.document/1", "id": key, "language": "en", "events": events,
              "places": [{"text": "Town", "start": 0, "end": 4, "name": "Town", "country": "NG"}],
              "quotes": [{"id": "q1", "speaker": {"name": "A spokesman", "role": None}, "cue": {"text": "said"},
                          "text": "it was calm", "start": 0, "end": 4, "direct": True}]}
    return DocumentRow(doc_id=key, content_hash=f"hash-{key}", origin=f"{key}.txt", text=text, status="coded",
                       record=record, **extra)


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "store.db") as database:
        yield database


def test_database_new_file_is_wal_and_current_schema(tmp_path):
    with Database(tmp_path / "s.db") as database:
        assert database.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "events", "places", "actors", "quotes", "evidence", "runs", "documents_fts"} <= tables


def test_database_newer_schema_is_refused(tmp_path):
    Database(tmp_path / "s.db").close()
    conn = sqlite3.connect(tmp_path / "s.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(WirecoderError) as err:
        Database(tmp_path / "s.db")
    assert err.value.code == "W030"


def test_database_not_a_database_is_refused(tmp_path):
    (tmp_path / "s.db").write_bytes(b"definitely not sqlite" * 100)
    with pytest.raises(WirecoderError) as err:
        Database(tmp_path / "s.db")
    assert err.value.code == "W030"


def test_database_same_article_twice_adds_nothing(db):
    doc = document("a", "Clashes in the town.", [event(1, date="2024-01-02", country="NG")])
    first = db.write_batch(run_id=None, documents=[doc])
    second = db.write_batch(run_id=None, documents=[doc])
    assert (first.documents_added, first.events_added) == (1, 1)
    assert (second.documents_added, second.documents_already_stored, second.events_added) == (0, 1, 0)
    counts = db.counts()
    assert (counts.documents, counts.events) == (1, 1)


def test_database_batch_is_one_transaction(db):
    good = document("a", "Clashes.", [event(1, date="2024-01-02", country="NG")])
    broken = DocumentRow(doc_id="b", content_hash="hash-b", origin="b", text="x", status="bogus")  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        db.write_batch(run_id=None, documents=[good, broken], failures=[FailureRow("c", "W001", "empty")])
    counts = db.counts()
    assert (counts.documents, counts.events, counts.failures) == (0, 0, 0)


def test_database_stores_actors_places_quotes_and_evidence(db, tmp_path):
    db.write_batch(run_id=None, documents=[document("a", "Clashes.", [event(1, date="2024-01-02", country="NG")])])
    conn = sqlite3.connect(tmp_path / "store.db")
    assert conn.execute("SELECT name, role FROM actors").fetchall() == [("Military Forces of Nigeria", "actor1")]
    assert conn.execute("SELECT field, text FROM evidence").fetchall() == [("trigger", "clash")]
    assert conn.execute("SELECT name FROM places").fetchall() == [("Town",)]
    assert conn.execute("SELECT speaker, text FROM quotes").fetchall() == [("A spokesman", "it was calm")]


@pytest.fixture
def filled(db):
    db.write_batch(run_id=None, documents=[
        document("ng", "Troops clashed with insurgents near the river.",
                 [event(1, date="2024-01-02", country="NG"),
                  event(2, date="2024-03-05", country="NG", event_type="Protests", sub="Peaceful protest",
                        actor="Protesters (Nigeria)", kind="protesters")]),
        document("sd", "Shelling hit a market in the capital.",
                 [event(3, date="2024-02-10", country="SD", event_type="Explosions/Remote violence",
                        sub="Shelling/artillery/missile attack", actor="Rapid Support Forces", kind="rebels")]),
    ])
    return db


def ids(db, **filters):
    return [stored.event["id"] for stored in db.events(EventFilter(**filters))]


def test_database_events_filters(filled):
    assert ids(filled) == ["e1", "e3", "e2"]  # by date
    assert ids(filled, since="2024-02-01") == ["e3", "e2"]
    assert ids(filled, until="2024-02") == ["e1", "e3"]
    assert ids(filled, country="Sudan") == ["e3"]
    assert ids(filled, country="NG") == ["e1", "e2"]
    assert ids(filled, event_type="peaceful protest") == ["e2"]
    assert ids(filled, actor="rapid support") == ["e3"]
    assert ids(filled, actor="protesters") == ["e2"]
    assert ids(filled, text="insurgents river") == ["e1", "e2"]


def test_database_filter_text_is_never_sql(filled):
    assert ids(filled, actor="x' OR '1'='1") == []
    assert ids(filled, actor="%") == []
    assert ids(filled, text='market" OR "river') == []  # every word must match
    assert filled.counts().events == 3


def test_database_full_text_search(filled):
    assert [doc for doc, _ in filled.search_documents("shelling market")] == ["sd"]


def test_database_bad_filter_values_are_user_errors(filled):
    for filters in ({"since": "last week"}, {"country": "Atlantis"}):
        with pytest.raises(WirecoderError) as err:
            list(filled.events(EventFilter(**filters)))
        assert err.value.code == "W008"


def test_database_readonly_refuses_writes(filled, tmp_path):
    with Database(tmp_path / "store.db", readonly=True) as readonly:
        assert readonly.counts().events == 3
        with pytest.raises(WirecoderError):
            readonly.start_run(command="x", arguments={})
