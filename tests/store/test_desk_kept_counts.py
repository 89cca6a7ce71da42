"""What the store keeps for the desk's whole-store views (counts per day, the number of articles with events,
each event's map point) stays equal to what the events say, through writes, reviews and deletions."""
from __future__ import annotations

import json

import pytest

from wirecoder.review import ReviewInput
from wirecoder.store import Database, EventFilter
from wirecoder.store.browse import _weeks
from wirecoder.store.queries import filter_where

from desk_store import document, make_event, write_desk_store


def counted_anew(db: Database, event_filter: EventFilter) -> list:
    """Weekly counts read event by event (the way filtered counts are read)."""
    where, params = filter_where(event_filter)
    rows = db._conn.execute("SELECT e.shown_date, count(*), coalesce(sum(e.shown_fatalities), 0) FROM events e "
                            "WHERE " + " AND ".join(["e.shown_date != ''", *where]) + " GROUP BY 1 ORDER BY 1",
                            params).fetchall()
    return _weeks(rows)


def check(db: Database) -> None:
    for review in (None, "all", "unreviewed", "reviewed", "accepted", "corrected", "rejected"):
        for background in (True, False):
            event_filter = EventFilter(review=review, include_background=background)
            assert db.event_counts(event_filter, by="week") == counted_anew(db, event_filter), event_filter
    articles = db._conn.execute("SELECT count(DISTINCT document_id) FROM events").fetchone()[0]
    assert db.desk_summary()["articles"] == articles
    points, _ = db.event_points_json(EventFilter(review="all"), limit=1000)
    assert json.loads(points) == [[p.id, round(p.lat, 5), round(p.lon, 5), p.event_type, p.fatalities,
                                   p.review_status] for p in db.event_points(EventFilter(review="all"), limit=1000)]


def kano(n: int, day: str, dead: int | None):
    text = f"Troops clashed in Kano {n}."
    events = [make_event(f"kano-{n}-e{k}", date=day, country="NG", lat=12.0 + n / 7, lon=8.5, place="Kano",
                         fatalities=dead, background=k == 2, text=text) for k in (1, 2)]
    return document(f"kano-{n}", text, events, title="Kano", published=day)


@pytest.mark.parametrize("review", [
    dict(action="accept"), dict(action="reject", reason="duplicate"),
    dict(action="correct", field="date", value="2023-12-31"), dict(action="correct", field="fatalities", value=40),
    dict(action="correct", field="type", value="Peaceful protest")])
def test_kept_counts_follow_writes_reviews_and_deletions(tmp_path, review):
    store = write_desk_store(tmp_path / "desk.sqlite")
    with Database(store) as db:
        check(db)
        db.write_batch(run_id=None, documents=[kano(1, "2024-03-05", 3), kano(2, "2024-03-11", None)])
        check(db)
        db.add_review(ReviewInput(reviewer="ana", document_id="kano-1", event_key="kano-1-e1", **review))
        db.add_review(ReviewInput(reviewer="ana", document_id="ng-1", event_key="ng-1-e1", **review))
        check(db)
        with db._transaction():  # an article's events go with it (re-coding, removal)
            db._conn.execute("DELETE FROM documents WHERE doc_id = 'kano-1'")
        check(db)
        with db._transaction():
            db._conn.execute("DELETE FROM events WHERE event_key = 'kano-2-e1'")
        check(db)
