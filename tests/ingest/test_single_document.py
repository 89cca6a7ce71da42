"""`code FILE` and `geoparse FILE` read one article as ingest would: HTML reduced to its article, gzip opened,
binary refused as binary; text kept exactly as given so that offsets index the file."""
from __future__ import annotations

import gzip
import io

import pytest

from pages import article_html
from wirecoder.errors import WirecoderError
from wirecoder.ingest.single import read_single, single_document
from wirecoder.ingest.sources import SourceReader


def test_single_html_page_is_reduced_to_its_article(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(article_html(), encoding="utf-8")
    document = read_single(str(path))
    assert document.kind == "html" and document.published == "2024-05-14"
    assert document.title == "Gunmen kill seven in overnight raid"
    assert "<" not in document.text and "Home" not in document.text
    assert document.text.startswith("Gunmen killed at least seven villagers")


def test_single_html_is_sniffed_without_a_name():
    document = read_single("-", stdin=io.BytesIO(article_html().encode("utf-8")))
    assert document.kind == "html" and "<p>" not in document.text


def test_single_gzip_is_opened(tmp_path):
    text = "  Troops shelled the town on Monday.\r\nTwo people died.\n"
    for name in ("story.txt.gz", "story.bin"):
        path = tmp_path / name
        path.write_bytes(gzip.compress(text.encode("utf-8")))
        assert read_single(str(path)).text == text  # kept as given: offsets index the file
    corrupt = tmp_path / "broken.txt.gz"
    corrupt.write_bytes(gzip.compress(text.encode("utf-8"))[:20])
    with pytest.raises(WirecoderError) as info:
        read_single(str(corrupt))
    assert info.value.code == "W035"


@pytest.mark.parametrize("data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00",
                                  b"text\x00with\x00nuls", bytes(range(1, 9)) * 40 + b"some words"])
def test_single_binary_is_refused_as_binary(data):
    with pytest.raises(WirecoderError) as info:
        single_document(data, origin="x")
    assert info.value.code == "W103" and "iconv" not in info.value.message


def test_single_binary_in_a_folder_is_w103(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "notes").write_bytes(b"\x00\x01\x02" * 50)
    codes = sorted(r.code for r in SourceReader().read([str(tmp_path)]))
    assert codes == ["W103", "W103"]


def test_single_not_utf8_text_gets_the_charset_advice():
    with pytest.raises(WirecoderError) as info:
        single_document("Военные обстреляли город".encode("cp1251"), origin="x.txt")
    assert info.value.code == "W002" and "iconv" in info.value.fix


def test_single_batch_files_point_to_the_right_command(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(WirecoderError) as info:
        read_single(str(path))
    assert info.value.code == "W031" and "--jsonl" in info.value.fix
    with pytest.raises(WirecoderError) as info:
        read_single(str(tmp_path))
    assert info.value.code == "W007" and "ingest" in info.value.message
