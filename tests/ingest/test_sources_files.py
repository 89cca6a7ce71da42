"""Readers of files: text, HTML, JSONL/CSV, folders, stdin, and the bad inputs each must report."""
from __future__ import annotations

import gzip
import io
import json

from pages import ARTICLE_PARAGRAPHS, NO_ARTICLE_HTML, article_html

from wirecoder.ingest import ReadFailure, ReadOptions, SourceItem, SourceReader
from wirecoder.ingest.tabular import ColumnMapping

RUSSIAN = ("Боевики атаковали деревню ночью, погибли семь человек. Жители рассказали, что нападавшие "
           "сожгли несколько домов и скрылись в лесу до прибытия полиции.")
FRENCH_ENGLISH = ("The café owner in Besançon said the protest outside the préfecture was peaceful. "
                  "Demonstrators marched through the old town before dispersing at noon.")


def read(*inputs, **options):
    return list(SourceReader(options=ReadOptions(**options)).read([str(i) for i in inputs]))


def only(results, kind):
    return [r for r in results if isinstance(r, kind)]


def test_sources_text_file_is_one_article(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("\n\n".join(ARTICLE_PARAGRAPHS), encoding="utf-8")
    [item] = read(path)
    assert isinstance(item, SourceItem)
    assert item.text.startswith("Gunmen killed at least seven villagers")
    assert item.origin == str(path)


def test_sources_zero_byte_file_is_reported_empty(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    [failure] = read(tmp_path / "empty.txt")
    assert isinstance(failure, ReadFailure) and failure.code == "W001"


def test_sources_cp1251_without_charset_is_decoded(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    [item] = read(path)
    assert item.text == RUSSIAN


def test_sources_latin1_html_with_wrong_charset_is_decoded(tmp_path):
    path = tmp_path / "fr.html"
    html = article_html(paragraphs=(FRENCH_ENGLISH, FRENCH_ENGLISH.replace("café", "bar")), charset="utf-8")
    path.write_bytes(html.encode("latin-1"))  # declares utf-8, is latin-1
    [item] = read(path)
    assert "café owner in Besançon" in item.text
    assert "préfecture" in item.text


def test_sources_html_page_gives_text_title_date_and_site(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    [item] = read(path)
    assert item.text.split("\n")[0] == ARTICLE_PARAGRAPHS[0] or ARTICLE_PARAGRAPHS[0] in item.text
    assert "Home" not in item.text and "All rights reserved" not in item.text
    assert item.title == "Gunmen kill seven in overnight raid"
    assert item.published == "2024-05-14" and item.published_from == "html"
    assert item.source == "Daily Courier"


def test_sources_html_without_article_is_reported(tmp_path):
    path = tmp_path / "index.html"
    path.write_text(NO_ARTICLE_HTML, encoding="utf-8")
    [failure] = read(path)
    assert isinstance(failure, ReadFailure) and failure.code == "W034"


def test_sources_corrupt_gzip_is_reported_and_the_rest_goes_on(tmp_path):
    good = gzip.compress("\n".join(ARTICLE_PARAGRAPHS).encode())
    (tmp_path / "a_broken.txt.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "b_good.txt.gz").write_bytes(good)
    results = read(tmp_path)
    assert [type(r).__name__ for r in results] == ["ReadFailure", "SourceItem"]
    assert results[0].code == "W035"


def test_sources_file_over_size_limit_is_refused_without_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # a sparse 200 MB file
    (tmp_path / "small.txt").write_text(ARTICLE_PARAGRAPHS[0])
    results = read(tmp_path)
    assert [(type(r).__name__, getattr(r, "code", None)) for r in results] == [
        ("ReadFailure", "W033"), ("SourceItem", None)]


def test_sources_jsonl_broken_line_is_reported_with_its_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": ARTICLE_PARAGRAPHS[0], "published": "2024-05-14T10:00:00Z"}),
             '{"id": "b", "text": "unterminated',
             json.dumps({"id": "c", "text": ""}),
             json.dumps(["not", "an", "object"]),
             json.dumps({"id": "d", "text": ARTICLE_PARAGRAPHS[1], "title": "T"})]
    path.write_text("\n".join(lines) + "\n")
    results = read(path)
    assert [getattr(r, "code", r.id if isinstance(r, SourceItem) else None) for r in results] == [
        "a", "W005", "W006", "W005", "d"]
    assert results[1].origin == f"{path}:2"
    assert results[0].published == "2024-05-14" and results[0].published_from == "given"


def test_sources_csv_with_column_mapping(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text('body,headline,date,link\n"' + ARTICLE_PARAGRAPHS[0] + '",Raid,2024-05-14,http://x.invalid/1\n')
    [item] = read(path, columns=ColumnMapping.parse("text=body,title=headline,published=date,url=link"))
    assert item.text == ARTICLE_PARAGRAPHS[0]
    assert (item.title, item.published, item.url) == ("Raid", "2024-05-14", "http://x.invalid/1")


def test_sources_folder_is_read_recursively_skipping_hidden(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "one.txt").write_text(ARTICLE_PARAGRAPHS[0])
    (tmp_path / "two.txt").write_text(ARTICLE_PARAGRAPHS[1])
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "three.txt").write_text(ARTICLE_PARAGRAPHS[2])
    texts = sorted(r.text for r in read(tmp_path))
    assert texts == sorted(ARTICLE_PARAGRAPHS[:2])


def test_sources_stdin_is_sniffed_as_jsonl():
    stdin = io.BufferedReader(io.BytesIO(
        (json.dumps({"id": "s1", "text": ARTICLE_PARAGRAPHS[0]}) + "\n").encode()))
    results = list(SourceReader(stdin=stdin).read(["-"]))
    assert [r.id for r in results] == ["s1"]


def test_sources_missing_path_is_reported(tmp_path):
    [failure] = read(tmp_path / "nope.txt")
    assert failure.code == "W007"


def test_sources_binary_and_json_array_files_are_refused(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "photo").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "array.json").write_text('[{"text": "an article"}]')
    results = read(tmp_path)
    assert [(r.origin.rsplit("/", 1)[-1], r.code) for r in results] == [
        ("array.json", "W031"), ("photo", "W103"), ("report.pdf", "W103")]
