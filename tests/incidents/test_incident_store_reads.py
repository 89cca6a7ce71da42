"""The store's incident reads: filters, keyset pages, one incident, one report, the change log."""
from __future__ import annotations

import pytest
from incident_helpers import ARMY, BRIGADE, FRONT, article, event, place

from wirecoder.errors import WirecoderError
from wirecoder.store import Database, IncidentFilter


@pytest.fixture
def db(tmp_path):
    with Database(tmp_path / "s.db") as database:
        database.write_batch(run_id=None, documents=[
            article("a1", [event(killed=3)], source="Wire One"),
            article("a2", [event(killed=4, actor1=FRONT)], source="Agence Two"),
            article("b1", [event(etype="Battles", sub="Armed clash", actor1=ARMY, actor2=BRIGADE,
                                 date="2024-03-12")], source="Wire One", published="2024-03-12"),
            article("c1", [event(where=place("Cedo"), date="2024-04-02")], source="Kora Times",
                    published="2024-04-02"),
            article("c2", [event(where=place("Bamsa"), date="2024-02-20", background=True)], source="Kora Times"),
        ])
        yield database


def ids(db, **filters):
    return [item.record["location"]["name"] + "/" + item.record["date"]
            for item in db.iter_incidents(IncidentFilter(**filters))]


def test_reads_filters(db):
    assert ids(db) == ["Bamsa/2024-02-20", "Adiri/2024-03-10", "Adiri/2024-03-12", "Cedo/2024-04-02"]
    assert ids(db, since="2024-03-11") == ["Adiri/2024-03-12", "Cedo/2024-04-02"]
    assert ids(db, until="2024-03") == ["Bamsa/2024-02-20", "Adiri/2024-03-10", "Adiri/2024-03-12"]
    assert ids(db, admin1="lani") == ["Cedo/2024-04-02"]
    assert ids(db, event_type="armed clash") == ids(db, event_type="Battles") == ["Adiri/2024-03-12"]
    assert ids(db, actor="liberation front") == ["Adiri/2024-03-10"]
    assert ids(db, actor="state_forces") == ["Adiri/2024-03-12"]
    assert ids(db, min_sources=2) == ["Adiri/2024-03-10"]
    assert ids(db, bbox=(-1.5, 15.0, 0.0, 16.0)) == ["Cedo/2024-04-02"]
    assert ids(db, include_background=False, until="2024-02") == []
    assert ids(db, text="Agence") == ["Adiri/2024-03-10"]
    assert ids(db, country="Mali") == ids(db)
    assert ids(db, country="NG") == []


def test_reads_keyset_pages_walk_every_incident_once_in_both_directions(db):
    for order in ("date", "-date", "changed"):
        seen, after = [], None
        while True:
            page = db.incidents(order=order, after=after, limit=1)
            seen += [item.id for item in page.items]
            if page.next_cursor is None:
                break
            after = page.next_cursor
        assert sorted(seen) == sorted(item.id for item in db.iter_incidents()) and len(set(seen)) == len(seen)
    forward = [i.id for i in db.incidents(order="date", limit=10).items]
    assert [i.id for i in db.incidents(order="-date", limit=10).items] == forward[::-1]


def test_reads_page_continues_after_new_writes_without_repeats(db):
    first = db.incidents(order="date", limit=2)
    db.write_batch(run_id=None, documents=[article("z1", [event(date="2024-01-01")], source="Late Wire")])
    rest = db.incidents(order="date", after=first.next_cursor, limit=10)
    assert not {i.id for i in first.items} & {i.id for i in rest.items}


def test_reads_bad_cursor_and_bad_values_are_user_errors(db):
    for call, code in ((lambda: db.incidents(after="not-a-cursor"), "W061"),
                       (lambda: db.incidents(limit=0), "W008"),
                       (lambda: db.incidents(IncidentFilter(bbox=(10, 20, 5, 10))), "W008"),
                       (lambda: db.incidents(IncidentFilter(since="soon")), "W008")):
        with pytest.raises(WirecoderError) as err:
            call()
        assert err.value.code == code


def test_reads_one_incident_and_one_report(db):
    (adiri,) = [i for i in db.iter_incidents() if i.record["number_of_reports"] == 2]
    incident = db.incident(adiri.id)
    assert incident is not None and [r.document_id for r in incident.reports] == ["a2", "a1"]
    report = db.report(incident.reports[0].report_key, with_text=True)
    assert report is not None and report.incident_id == adiri.id and "Agence Two" in report.document_text
    assert db.incident("inc-0000000000000000") is None and db.report("nothing@0") is None


def test_reads_change_log_tells_watchers_what_a_write_created_or_changed(db):
    start = db.incident_changes()[-1].seq
    (adiri,) = [i for i in db.iter_incidents() if i.record["number_of_reports"] == 2]
    result = db.write_batch(run_id=None, documents=[
        article("a3", [event(killed=9, claimed_by=[{"name": "the mayor", "kind": "official", "quote_id": None}])],
                source="Radio Kora"),
        article("n1", [event(where=place("Cedo"), date="2024-05-01")], source="Radio Kora")])
    changes = db.incident_changes(after=start)
    assert {(c.incident_id, c.change, c.figures_changed) for c in changes} == {
        (adiri.id, "updated", True), (result.incidents.created[0], "created", True)}
    assert result.incidents.updated == [adiri.id] and adiri.id in result.incidents.figures_changed
    changed = [i.id for i in db.iter_incidents(IncidentFilter(changed_after=start))]
    assert sorted(changed) == sorted(c.incident_id for c in changes)
