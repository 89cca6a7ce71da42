"""Polling against a feed server on 127.0.0.1: new items coded once, a changing feed, conditional requests,
sitemaps and folders, and sources that are dead, enormous or XML bombs: refused, named, the rest goes on."""
from __future__ import annotations

import datetime as dt

import pytest
from fake_coder import make_coder
from servers import Page
from stories import XML_BOMB, publish, sitemap, story_html

from wirecoder.errors import WirecoderError
from wirecoder.ingest.fetch import Fetcher, FetchOptions
from wirecoder.store import Database
from wirecoder.watch import WatchOptions, Watcher

FAST = FetchOptions(timeout=10, retries=0, min_interval=0, allow_private=True, max_bytes=2_000_000)


class Clock:
    def __init__(self):
        self.now = dt.datetime(2024, 5, 14, 12, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def watcher(db, sources, clock, **options) -> Watcher:
    return Watcher(db=db, sources=sources, coder_factory=make_coder, clock=clock, sleep=lambda s: None,
                   options=WatchOptions(every=60, fetch=FAST, batch_size=3, **options))


def test_watch_codes_new_items_once_and_asks_conditionally(tmp_path, feeds):
    publish(feeds, "/feed.rss", [1, 2, 3], etag='"v1"')
    clock = Clock()
    with Database(tmp_path / "w.db") as db:
        watch = watcher(db, [feeds.url("/feed.rss")], clock)
        first = watch.poll()
        assert (first.sources[0].status, first.sources[0].new_items, first.coded) == ("listed", 3, 3)
        assert first.events == 3

        clock.advance(30)  # not due yet: nothing is asked
        assert watch.poll().sources[0].status == "waiting" and feeds.hits["/feed.rss"] == 1
        clock.advance(31)
        second = watch.poll()
        assert second.sources[0].status == "not_modified" and second.coded == 0
        assert feeds.not_modified["/feed.rss"] == 1

        publish(feeds, "/feed.rss", [2, 3, 4, 5], etag='"v2"')  # the feed changes: two new, one gone
        clock.advance(61)
        third = watch.poll()
        assert (third.sources[0].new_items, third.coded) == (2, 2)
        assert all(feeds.hits[f"/story/{n}"] == 1 for n in range(1, 6))  # every page fetched once, ever
        assert db.counts().coded == 5

        cron = watcher(db, [feeds.url("/feed.rss")], clock, healthy_always=True)  # --once: cron sets the pace
        assert cron.poll().sources[0].status == "not_modified" and feeds.not_modified["/feed.rss"] == 2


def test_watch_refuses_what_would_harm_and_goes_on(tmp_path, feeds):
    publish(feeds, "/good.rss", [7, 8], etag='"g"')
    feeds.pages["/huge.rss"] = Page(content_type="application/rss+xml", stream_bytes=1 << 30)
    feeds.pages["/claims-huge.rss"] = Page(b"<rss/>", content_type="application/rss+xml", announce=1 << 30)
    feeds.pages["/bomb.rss"] = Page(XML_BOMB, content_type="application/rss+xml")
    feeds.pages["/dead.rss"] = Page(b"down", status=500)
    sources = [feeds.url(p) for p in ("/huge.rss", "/claims-huge.rss", "/bomb.rss", "/dead.rss", "/good.rss")]
    clock = Clock()
    with Database(tmp_path / "w.db") as db:
        watch = watcher(db, sources, clock, dead_after=2)
        report = watch.poll()
        status = {s.address.rsplit("/", 1)[1]: (s.status, s.code) for s in report.sources}
        assert status == {"huge.rss": ("failed", "W033"), "claims-huge.rss": ("failed", "W033"),
                          "bomb.rss": ("failed", "W085"), "dead.rss": ("failed", "W032"),
                          "good.rss": ("listed", None)}
        assert report.coded == 2
        assert feeds.streamed["/huge.rss"] < 64 * 2**20  # stopped at the cap (plus socket buffers), not at 1 GB

        clock.advance(121)  # failing sources wait longer each time: 2 x every after the first failure
        report = watch.poll()
        dead = [s for s in report.sources if s.status == "dead"]
        assert {s.address.rsplit("/", 1)[1] for s in dead} == {"huge.rss", "claims-huge.rss", "bomb.rss",
                                                                 "dead.rss"}
        assert all(s.reason for s in dead)

        feeds.pages["/dead.rss"] = Page(b"")  # back, but empty: still no feed; then a real one
        publish(feeds, "/dead.rss", [9], etag='"d"')
        clock.advance(241)  # retried later all the same
        report = watch.poll()
        back = next(s for s in report.sources if s.address.endswith("/dead.rss"))
        assert back.status == "listed" and report.coded == 1


def test_watch_reads_sitemaps_and_folders(tmp_path, feeds):
    for n in (20, 21):
        feeds.pages[f"/story/{n}"] = Page(story_html(n).encode())
    feeds.pages["/sitemap.xml"] = Page(sitemap(feeds, [20, 21]), content_type="application/xml")
    feeds.pages["/index.xml"] = Page(  # a sitemap index is followed to its sitemaps
        f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        f'<loc>{feeds.url("/sitemap.xml")}</loc></sitemap></sitemapindex>'.encode(), content_type="application/xml")
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("Gunmen killed five people in Kaduna, police said. " + "Calm returned. " * 20)
    clock = Clock()
    with Database(tmp_path / "w.db") as db:
        watch = watcher(db, [feeds.url("/index.xml"), str(folder)], clock)
        report = watch.poll()
        assert [(s.status, s.new_items) for s in report.sources] == [("listed", 2), ("listed", 1)]
        assert report.coded == 3
        (folder / "b.txt").write_text("Gunmen killed two traders in Zaria, police said. " + "Shops shut. " * 20)
        clock.advance(61)
        report = watch.poll()
        assert report.sources[1].new_items == 1 and report.coded == 1


def test_fetch_refuses_loopback_unless_allowed_and_caps_redirects(feeds):
    feeds.pages["/a"] = Page(b"hello", content_type="text/plain")
    feeds.pages["/loop"] = Page(status=302, location="/loop2")
    feeds.pages["/loop2"] = Page(status=302, location="/loop")
    guarded = Fetcher(FetchOptions(timeout=2, retries=0, min_interval=0, allow_private=False))
    with pytest.raises(WirecoderError) as err:
        guarded.get(feeds.url("/a"))
    assert err.value.code == "W084" and "127.0.0.1" in err.value.detail
    assert feeds.hits["/a"] == 0  # refused on connecting, before a request was sent
    allowed = Fetcher(FAST)
    assert allowed.get(feeds.url("/a")).body == b"hello"
    with pytest.raises(WirecoderError) as err:
        allowed.get(feeds.url("/loop"))
    assert err.value.code == "W086"
