"""Pages of a full-text search: read by the matched documents when few match, in the sort's order when many do;
either way the same events in the same order, page after page."""
from __future__ import annotations

import pytest

from wirecoder.store import Database, EventFilter

from desk_store import write_desk_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = write_desk_store(tmp_path_factory.mktemp("search") / "desk.sqlite")
    with Database(path, readonly=True) as database:
        yield database


def pages(db: Database, event_filter: EventFilter, *, sort: str, limit: int) -> list[int]:
    seen, after = [], None
    while True:
        page = db.event_page(event_filter, sort=sort, after=after, limit=limit)
        seen += [stored.id for stored in page.events]
        if page.next_cursor is None:
            return seen
        after = page.next_cursor


def test_search_plan_follows_how_many_documents_match(db):
    assert db._matched_by_many("said", limit=1)  # most articles say "said": read in date order
    assert not db._matched_by_many("Kampala", limit=1)  # one article: read its events and sort them
    assert not db._matched_by_many("said", limit=100)  # a page larger than the store: read the matches


@pytest.mark.parametrize("sort", ["date", "date_asc", "fatalities"])
@pytest.mark.parametrize("text,country", [("said", None), ("said", "YE"), ("air strike", None), ("Kampala", None)])
def test_search_pages_are_the_matches_in_order_whichever_plan(db, sort, text, country):
    every = [stored.id for stored in db.event_page(EventFilter(country=country), sort=sort, limit=100).events]
    matched = {doc_id for doc_id, _ in db.search_documents(text, limit=100)}
    expected = [stored.id for stored in db.event_page(EventFilter(country=country), sort=sort, limit=100).events
                if stored.document_id in matched]
    assert expected and (set(expected) < set(every) or country)  # the search leaves some events out
    assert pages(db, EventFilter(text=text, country=country), sort=sort, limit=1) == expected  # by scan
    assert pages(db, EventFilter(text=text, country=country), sort=sort, limit=100) == expected  # by matches


@pytest.mark.parametrize("plan", ["matches", "scan", "seek"])
@pytest.mark.parametrize("sort", ["date", "fatalities"])
@pytest.mark.parametrize("text,country", [("said", None), ("said", "YE"), ("air strike", None)])
def test_every_search_plan_gives_the_same_pages(db, monkeypatch, plan, sort, text, country):
    expected = pages(db, EventFilter(text=text, country=country), sort=sort, limit=100)  # by matches
    monkeypatch.setattr(Database, "_text_plan", lambda self, text, *, limit: plan)
    assert pages(db, EventFilter(text=text, country=country), sort=sort, limit=2) == expected


def test_seek_plan_only_when_the_matches_outnumber_ten_times_the_root_of_limit_by_documents(db):
    # a handful of articles can never match 10 sqrt(2 D) of them: most say "said", which is read by scan
    assert db._text_plan("said", limit=1) == "scan" and db._text_plan("Kampala", limit=1) == "matches"
