"""WARC and WARC.gz crawls, written here with warcio."""
from __future__ import annotations

import io

from pages import article_html, NO_ARTICLE_HTML
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from wirecoder.ingest import ReadFailure, SourceItem, SourceReader


def write_warc(path, pages, *, gzip: bool):
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for url, html, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


PAGES = [
    ("http://news.invalid/a", article_html(title="Story A"), "text/html; charset=utf-8"),
    ("http://news.invalid/style.css", "body { color: red }", "text/css"),
    ("http://news.invalid/index", NO_ARTICLE_HTML, "text/html"),
    ("http://news.invalid/b", article_html(title="Story B"), "text/html"),
]


def test_warc_gz_html_responses_become_articles(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, PAGES, gzip=True)
    results = list(SourceReader().read([str(path)]))
    assert [(type(r).__name__, getattr(r, "title", None) or getattr(r, "code", None)) for r in results] == [
        ("SourceItem", "Story A"), ("ReadFailure", "W034"), ("SourceItem", "Story B")]
    assert results[0].url == "http://news.invalid/a"


def test_warc_plain_file(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, PAGES[:1], gzip=False)
    [item] = list(SourceReader().read([str(path)]))
    assert isinstance(item, SourceItem) and item.title == "Story A"


def test_warc_truncated_archive_keeps_records_before_the_break(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, PAGES, gzip=True)
    data = whole.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: int(len(data) * 0.8)])
    results = list(SourceReader().read([str(broken)]))
    assert isinstance(results[0], SourceItem) and results[0].title == "Story A"
    assert isinstance(results[-1], ReadFailure) and results[-1].code == "W035"


def test_warc_garbage_is_reported(tmp_path):
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    [failure] = list(SourceReader().read([str(path)]))
    assert isinstance(failure, ReadFailure) and failure.code == "W035"


def test_warc_response_without_a_target_uri_is_w035_not_a_crash(tmp_path):
    # found by bench/fuzz.py: warcio raises AttributeError on a response record with no WARC-Target-URI
    path = tmp_path / "no-uri.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")
    [failure] = list(SourceReader().read([str(path)]))
    assert isinstance(failure, ReadFailure) and failure.code == "W035"
