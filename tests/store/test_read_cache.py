"""The store's generation and the ReadCache over it: results kept until the store changes, built once."""
from __future__ import annotations

import json
import threading
import time

import pytest

from wirecoder.review import ReviewInput
from wirecoder.store import Database, EventFilter
from wirecoder.store.cache import ReadCache

from desk_store import document, make_event, write_desk_store


@pytest.fixture
def store(tmp_path):
    return write_desk_store(tmp_path / "desk.sqlite")


def kano(n: int):
    text = f"Troops clashed in Kano {n}."
    return document(f"kano-{n}", text, [make_event(f"kano-{n}-e1", date="2025-01-01", country="NG", lat=12.0,
                                                   lon=8.5, place="Kano", text=text)],
                    title="Kano", published="2025-01-01")


def test_generation_moves_with_every_visible_change_and_not_with_reads(store):
    with Database(store) as db, Database(store, readonly=True) as reader:
        start = reader.generation()
        list(reader.events()), reader.event_points(), reader.event_counts()
        assert reader.generation() == start
        reviews = reader.generations()[1]
        db.write_batch(run_id=None, documents=[kano(1)])  # another connection's commit is seen
        after_write = reader.generation()
        assert after_write > start and reader.generations() == (after_write, reviews)  # not a review
        db.add_review(ReviewInput(reviewer="ana", action="reject", document_id="ng-1", event_key="ng-1-e1",
                                  reason="duplicate"))
        after_review = reader.generation()
        assert after_review > after_write and reader.generations()[1] > reviews
        db.rebuild_incidents()
        assert reader.generation() > after_review


class Store:
    """Stands for a Database: only its generations matter to the cache."""

    def __init__(self):
        self.value = 0
        self.reviews = 0

    def generations(self) -> tuple[int, int]:
        return self.value, self.reviews


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_read_cache_keeps_a_result_until_the_generation_moves():
    cache, db, builds = ReadCache(), Store(), []

    def build() -> bytes:
        builds.append(db.value)
        return f"at {db.value}".encode()

    assert cache.get(db, "k", build) == b"at 0" and cache.get(db, "k", build) == b"at 0"
    assert builds == [0]
    db.value = 1
    assert cache.get(db, "k", build) == b"at 1" and builds == [0, 1]
    assert cache.get(db, "other", build) == b"at 1" and builds == [0, 1, 1]
    stats = cache.stats()
    assert (stats.hits, stats.builds, stats.entries) == (1, 3, 2)
    assert cache.peek(db, "k").fresh and cache.peek(db, "absent") is None
    db.value = 2
    assert cache.peek(db, "k") is None  # stale_seconds 0: a stale result is never shown


def test_read_cache_shows_a_stale_result_while_one_reader_refreshes_it_but_never_after_a_review():
    clock, db, builds = Clock(), Store(), []
    cache = ReadCache(stale_seconds=2.0, clock=clock)

    def build() -> bytes:
        builds.append(db.value)
        return f"at {db.value}".encode()

    cache.get(db, "k", build)
    db.value = 1  # an ingest wrote
    clock.now += 1.5
    first, second = cache.peek(db, "k"), cache.peek(db, "k")
    assert (first.value, first.fresh, first.refresh) == (b"at 0", False, True)
    assert (second.value, second.fresh, second.refresh) == (b"at 0", False, False)  # one refresh at a time
    assert cache.refresh(db, "k", build) == b"at 1" and builds == [0, 1]
    assert cache.peek(db, "k") == cache.peek(db, "k") and cache.peek(db, "k").fresh
    db.value = 2
    clock.now += 2.5  # the kept result was read 2.5 s ago: too old to show
    assert cache.peek(db, "k") is None
    cache.get(db, "k", build)
    db.value, db.reviews = 3, 1  # an analyst's review: the kept result is not shown however young
    assert cache.peek(db, "k") is None
    assert cache.get(db, "k", build) == b"at 3"
    assert cache.stats().stale_hits == 2


def test_read_cache_builds_once_for_many_readers_at_once():
    cache, db, builds = ReadCache(), Store(), []
    started = threading.Barrier(8)

    def build() -> bytes:
        builds.append(1)
        time.sleep(0.2)  # the others arrive while it builds
        return b"points"

    results = []

    def reader() -> None:
        started.wait()
        results.append(cache.get(db, "points", build))

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [b"points"] * 8 and len(builds) == 1


def test_read_cache_is_bounded_by_entries_and_bytes_and_a_failed_build_keeps_nothing():
    cache, db = ReadCache(max_entries=3, max_bytes=10), Store()
    for key in "abc":
        cache.get(db, key, lambda: b"xxx")
    cache.get(db, "a", lambda: b"new")  # a hit: "a" is now the most recently used
    cache.get(db, "d", lambda: b"yyy")  # 4 entries, 12 bytes: the least recently used ("b") goes
    assert (cache.stats().entries, cache.stats().bytes) == (3, 9)
    assert cache.get(db, "a", lambda: b"new") == b"xxx" and cache.get(db, "b", lambda: b"new") == b"new"
    cache.get(db, "big", lambda: b"z" * 11)  # larger than the whole cache: given out, never kept
    assert cache.stats().bytes <= 10

    def broken() -> bytes:
        raise RuntimeError("the read failed")

    with pytest.raises(RuntimeError):
        cache.get(db, "e", broken)
    assert cache.get(db, "e", lambda: b"ok") == b"ok"


@pytest.mark.parametrize("event_filter,limit", [
    (EventFilter(), 100), (EventFilter(), 3), (EventFilter(country="YE"), 2), (EventFilter(country="IS"), 5),
    (EventFilter(event_type="Battles", since="2024-01-01"), 10)])
def test_points_json_are_the_points_in_order_and_say_when_more_matched(store, event_filter, limit):
    with Database(store, readonly=True) as db:
        points, more = db.event_points_json(event_filter, limit=limit)
        expected = db.event_points(event_filter, limit=limit + 1)
    assert json.loads(points) == [[p.id, round(p.lat, 5), round(p.lon, 5), p.event_type, p.fatalities,
                                   p.review_status] for p in expected[:limit]]
    assert more == (len(expected) > limit)
