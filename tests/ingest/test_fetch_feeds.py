"""The polite HTTP client and the RSS/Atom reader, against a local server on 127.0.0.1."""
from __future__ import annotations

import pytest
from conftest import Route
from pages import ARTICLE_PARAGRAPHS, NO_ARTICLE_HTML, article_html, atom_feed, rss_feed

from wirecoder.errors import WirecoderError
from wirecoder.ingest import ReadFailure, SourceItem, SourceReader
from wirecoder.ingest.fetch import Fetcher, FetchOptions


def fast_fetcher(**overrides) -> tuple[Fetcher, list[float]]:
    sleeps: list[float] = []
    options = {"timeout": 0.5, "retries": 2, "backoff": 0.25, "min_interval": 0.0, **overrides}
    return Fetcher(FetchOptions(**options), sleep=sleeps.append), sleeps


def test_fetch_sends_user_agent(local_server):
    local_server.routes["/a"] = Route(article_html().encode())
    fetcher, _ = fast_fetcher()
    result = fetcher.get(local_server.url("/a"))
    assert result.status == 200 and b"Gunmen" in result.body
    assert local_server.user_agents[0].startswith("wirecoder/")


def test_fetch_retries_transient_errors_with_backoff(local_server):
    local_server.routes["/flaky"] = Route(b"ok", content_type="text/plain", fail_first=2)
    fetcher, sleeps = fast_fetcher()
    assert fetcher.get(local_server.url("/flaky")).body == b"ok"
    assert local_server.hits["/flaky"] == 3
    assert sleeps == [0.25, 0.5]


def test_fetch_does_not_retry_not_found(local_server):
    fetcher, sleeps = fast_fetcher()
    with pytest.raises(WirecoderError) as err:
        fetcher.get(local_server.url("/missing"))
    assert err.value.code == "W032" and "404" in err.value.detail
    assert local_server.hits["/missing"] == 1 and sleeps == []


def test_fetch_times_out(local_server):
    local_server.routes["/slow"] = Route(b"late", delay=1.5)
    fetcher, _ = fast_fetcher(timeout=0.3, retries=1)
    with pytest.raises(WirecoderError) as err:
        fetcher.get(local_server.url("/slow"))
    assert err.value.code == "W032" and "timed out" in err.value.detail


def test_fetch_connection_cut_mid_body_is_retried_then_reported(local_server):
    local_server.routes["/cut"] = Route(b"<html>half a page", announce_extra=500)
    fetcher, sleeps = fast_fetcher(retries=1)
    with pytest.raises(WirecoderError) as err:
        fetcher.get(local_server.url("/cut"))
    assert err.value.code == "W032" and "IncompleteRead" in err.value.detail
    assert local_server.hits["/cut"] == 2 and len(sleeps) == 1


def test_fetch_refuses_body_over_size_limit(local_server):
    local_server.routes["/big"] = Route(b"x" * 5000, content_type="text/plain")
    fetcher, _ = fast_fetcher(max_bytes=1000)
    with pytest.raises(WirecoderError) as err:
        fetcher.get(local_server.url("/big"))
    assert err.value.code == "W033"


def test_fetch_waits_between_requests_to_one_host(local_server):
    local_server.routes["/a"] = Route(b"a", content_type="text/plain")
    fetcher, sleeps = fast_fetcher(min_interval=5.0, respect_robots=False)
    fetcher.get(local_server.url("/a"))
    fetcher.get(local_server.url("/a"))
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0


def test_fetch_obeys_robots_txt(local_server):
    local_server.routes["/robots.txt"] = Route(b"User-agent: wirecoder\nDisallow: /private\n",
                                               content_type="text/plain")
    local_server.routes["/private/story"] = Route(article_html().encode())
    local_server.routes["/public/story"] = Route(article_html().encode())
    fetcher, _ = fast_fetcher()
    with pytest.raises(WirecoderError) as err:
        fetcher.get(local_server.url("/private/story"))
    assert err.value.code == "W036" and local_server.hits["/private/story"] == 0
    assert fetcher.get(local_server.url("/public/story")).status == 200
    assert local_server.hits["/robots.txt"] == 1  # read once per site
    ignoring, _ = fast_fetcher(respect_robots=False)
    assert ignoring.get(local_server.url("/private/story")).status == 200


def test_feeds_rss_links_are_fetched_and_failures_reported(local_server):
    local_server.routes["/one"] = Route(article_html(title="First story").encode())
    local_server.routes["/two"] = Route(article_html(
        title="Second story", paragraphs=[p.replace("seven", "nine") for p in ARTICLE_PARAGRAPHS]).encode())
    local_server.routes["/slow"] = Route(article_html().encode(), delay=1.5)
    local_server.routes["/index"] = Route(NO_ARTICLE_HTML.encode())
    links = [local_server.url(p) for p in ("/one", "/slow", "/index", "/two")]
    local_server.routes["/feed.rss"] = Route(rss_feed(links).encode(), content_type="application/rss+xml")
    fetcher, _ = fast_fetcher(timeout=0.3, retries=0)
    results = list(SourceReader(fetcher=fetcher).read([local_server.url("/feed.rss")]))
    kinds = [(type(r).__name__, getattr(r, "code", None)) for r in results]
    assert kinds == [("SourceItem", None), ("ReadFailure", "W032"), ("ReadFailure", "W034"), ("SourceItem", None)]
    first, last = results[0], results[3]
    assert first.title == "First story" and first.url == links[0] and first.source == "Daily Courier"
    assert "nine villagers" in last.text


def test_feeds_atom_file_on_disk(local_server, tmp_path):
    local_server.routes["/one"] = Route(article_html().encode())
    path = tmp_path / "news.atom"
    path.write_text(atom_feed([local_server.url("/one")]))
    fetcher, _ = fast_fetcher()
    [item] = list(SourceReader(fetcher=fetcher).read([str(path)]))
    assert isinstance(item, SourceItem) and item.published == "2024-05-14"


def test_feeds_feed_that_times_out_is_reported_and_the_rest_goes_on(local_server, tmp_path):
    local_server.routes["/feed.rss"] = Route(rss_feed([]).encode(), delay=1.5)
    (tmp_path / "local.txt").write_text(ARTICLE_PARAGRAPHS[0])
    fetcher, _ = fast_fetcher(timeout=0.3, retries=1)
    results = list(SourceReader(fetcher=fetcher).read([local_server.url("/feed.rss"), str(tmp_path / "local.txt")]))
    assert isinstance(results[0], ReadFailure) and results[0].code == "W032"
    assert isinstance(results[1], SourceItem)


def test_feeds_url_of_a_single_page(local_server):
    local_server.routes["/story"] = Route(article_html().encode())
    fetcher, _ = fast_fetcher()
    [item] = list(SourceReader(fetcher=fetcher).read([local_server.url("/story")]))
    assert item.url == local_server.url("/story") and item.title == "Gunmen kill seven in overnight raid"


def test_feeds_full_content_stands_in_for_a_page_that_cannot_be_fetched(local_server, tmp_path):
    full = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    items = (f"<item><title>Full</title><link>{local_server.url('/gone1')}</link>"
             f"<content:encoded><![CDATA[{full}]]></content:encoded></item>"
             f"<item><title>Teaser</title><link>{local_server.url('/gone2')}</link>"
             "<content:encoded><![CDATA[<p>Read more.</p>]]></content:encoded></item>")
    feed = ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Full feed</title>{items}</channel></rss>")
    (tmp_path / "full.rss").write_text(feed)
    fetcher, _ = fast_fetcher(retries=0)
    full_item, teaser = list(SourceReader(fetcher=fetcher).read([str(tmp_path / "full.rss")]))
    assert isinstance(full_item, SourceItem) and ARTICLE_PARAGRAPHS[1][:40] in full_item.text
    assert (full_item.title, full_item.source, full_item.url) == ("Full", "Full feed", local_server.url("/gone1"))
    assert isinstance(teaser, ReadFailure) and teaser.code == "W032"


def test_fetch_refuses_an_address_that_is_no_url_with_a_code():
    with pytest.raises(WirecoderError) as err:
        Fetcher().get("http://[x/news")
    assert err.value.code == "W032" and "not a valid URL" in err.value.detail
