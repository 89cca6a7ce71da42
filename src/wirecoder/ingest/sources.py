"""From what the user named (files, folders, URLs, ``-`` for stdin) to a stream of articles and failures.

The kind of a file is taken from its name (``.txt``, ``.html``, ``.jsonl``, ``.csv``, ``.tsv``, ``.rss``,
``.atom``, ``.xml``, ``.warc``, each optionally ``.gz``) and, when the name says nothing, from its first bytes.
"""
from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

from ..errors import WirecoderError
from .decode import decode_bytes, read_limited
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher
from .html import HtmlOptions, extract_article
from .items import ReadFailure, ReadResult, SourceItem
from .tabular import ColumnMapping, read_csv, read_jsonl
from .warc import read_warc

Kind = Literal["text", "html", "jsonl", "csv", "tsv", "feed", "warc"]
_SUFFIX_KINDS: dict[str, Kind] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc",
}


@dataclass(frozen=True)
class ReadOptions:
    columns: ColumnMapping = ColumnMapping()
    max_bytes: int = 20_000_000  # per article (a text or HTML file, a line, a WARC record)
    html: HtmlOptions = HtmlOptions()
    follow_hidden: bool = False


@dataclass
class SourceReader:
    """Reads every input in turn; a failing input yields a ReadFailure and the next one is read."""

    options: ReadOptions = ReadOptions()
    fetcher: Fetcher = field(default_factory=Fetcher)
    stdin: BinaryIO | None = None

    def read(self, inputs: Sequence[str]) -> Iterator[ReadResult]:
        for name in inputs:
            if name == "-":
                yield from self._read_stream(self.stdin or sys.stdin.buffer, origin="<stdin>", kind=None)
            elif name.startswith(("http://", "https://")):
                yield from self._read_url(name)
            else:
                yield from self._read_path(Path(name))

    def units(self, inputs: Sequence[str]) -> Iterator[str]:
        """The inputs as the Ray engine reads them apart: each file of a folder, and every other input as is."""
        for name in inputs:
            if name != "-" and not name.startswith(("http://", "https://")) and Path(name).is_dir():
                yield from (str(child) for child in self._files_below(Path(name)))
            else:
                yield name

    def _files_below(self, folder: Path) -> Iterator[Path]:
        for child in sorted(folder.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(folder).parts)
            if child.is_file() and (self.options.follow_hidden or not hidden):
                yield child

    def _read_path(self, path: Path) -> Iterator[ReadResult]:
        if path.is_dir():
            for child in self._files_below(path):
                yield from self._read_file(child)
        elif path.is_file():
            yield from self._read_file(path)
        else:
            yield ReadFailure(str(path), "W007", f"{path} does not exist or is not a file or folder")

    def _read_file(self, path: Path) -> Iterator[ReadResult]:
        origin = str(path)
        gzipped = path.suffix.lower() == ".gz"
        kind = kind_of_name(path.name)
        try:
            size = path.stat().st_size
            if size == 0:
                yield ReadFailure(origin, "W001", f"{origin} is empty (0 bytes)")
                return
            if kind in ("text", "html", "feed") and size > self.options.max_bytes:
                yield ReadFailure(origin, "W033", f"{origin} is {size:,} bytes, over the limit of "
                                                  f"{self.options.max_bytes:,} for one article")
                return
            with path.open("rb") as raw:
                if kind == "warc":  # warcio reads gzip members itself
                    yield from read_warc(raw, origin=origin, max_bytes=self.options.max_bytes,
                                         html_options=self.options.html)
                    return
                stream = gzip.GzipFile(fileobj=raw, mode="rb") if gzipped else raw
                yield from self._read_stream(io.BufferedReader(stream) if gzipped else stream, origin=origin,
                                             kind=kind)
        except OSError as err:
            yield ReadFailure(origin, "W007", f"{origin} cannot be read: {err}")

    def _read_stream(self, stream: BinaryIO, *, origin: str, kind: Kind | None) -> Iterator[ReadResult]:
        try:
            head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
        except (OSError, EOFError, zlib.error) as err:
            yield ReadFailure(origin, "W035", f"{origin} is corrupt or truncated: {err}")
            return
        if head.startswith(b"\x1f\x8b"):  # gzip without a .gz name, e.g. on stdin
            yield from self._read_stream(io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb")),
                                         origin=origin, kind=kind)
            return
        if is_binary(head):
            yield ReadFailure(origin, "W103", f"{origin} is binary (a PDF, an image, an archive, or text with NUL "
                                              "bytes), not text, HTML, JSONL, CSV, a feed or WARC")
            return
        kind = kind or sniff_kind(head)
        if kind is None:
            yield ReadFailure(origin, "W031", f"{origin} is a JSON array, not JSON lines: give one JSON object "
                                              "per line")
            return
        try:
            if kind == "jsonl":
                yield from read_jsonl(stream, origin=origin, columns=self.options.columns,
                                      max_bytes=self.options.max_bytes)
            elif kind in ("csv", "tsv"):
                yield from read_csv(stream, origin=origin, columns=self.options.columns,
                                    max_bytes=self.options.max_bytes, delimiter="\t" if kind == "tsv" else ",")
            elif kind == "warc":
                yield from read_warc(stream, origin=origin, max_bytes=self.options.max_bytes,
                                     html_options=self.options.html)
            else:
                data = read_limited(stream, max_bytes=self.options.max_bytes, origin=origin)
                yield from self._read_document(data, origin=origin, kind=kind)
        except WirecoderError as err:
            yield ReadFailure(origin, err.code, err.detail)
        except (EOFError, zlib.error, gzip.BadGzipFile) as err:
            yield ReadFailure(origin, "W035", f"{origin} is corrupt or truncated: {err}")

    def _read_document(self, data: bytes, *, origin: str, kind: Kind, url: str | None = None,
                       charset: str | None = None) -> Iterator[ReadResult]:
        if not data.strip():
            yield ReadFailure(origin, "W001", f"{origin} holds no text")
        elif kind == "feed" and looks_like_feed(data):
            yield from read_feed(data, origin=origin, fetcher=self.fetcher, html_options=self.options.html)
        elif kind in ("html", "feed"):
            yield extract_article(data, origin=origin, url=url, charset=charset, options=self.options.html)
        else:
            text = decode_bytes(data).text.strip()
            yield SourceItem(origin=origin, text=text, url=url) if text else ReadFailure(
                origin, "W001", f"{origin} holds no text")

    def _read_url(self, url: str) -> Iterator[ReadResult]:
        try:
            page = self.fetcher.get(url)
        except WirecoderError as err:
            yield ReadFailure(url, err.code, err.detail)
            return
        content_type = page.content_type.lower()
        if "rss" in content_type or "atom" in content_type or looks_like_feed(page.body):
            kind: Kind = "feed"
        elif "html" in content_type or sniff_kind(page.body[:8192]) == "html":
            kind = "html"
        else:
            yield from self._read_stream(io.BufferedReader(io.BytesIO(page.body)), origin=url, kind=None)
            return
        try:
            yield from self._read_document(page.body, origin=url, kind=kind, url=page.url, charset=page.content_type)
        except WirecoderError as err:
            yield ReadFailure(url, err.code, err.detail)


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0", b"BZh",
                 b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"SQLite format 3")


_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}  # C0 controls that text does not hold


def kind_of_name(name: str) -> Kind | None:
    """The kind a file's name says (``story.txt.gz`` is text), None when it says nothing."""
    suffixes = [s.lower() for s in Path(name).suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def is_binary(head: bytes) -> bool:
    """True for bytes no text reader takes: a known binary format's signature, NUL bytes (unless UTF-16 with a
    BOM), or more than one byte in ten a control character."""
    if head.startswith(_BINARY_MAGIC):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    return bool(head) and sum(byte in _CONTROL_BYTES for byte in head) > len(head) / 10


def sniff_kind(head: bytes) -> Kind | None:
    """The kind of an input from its first bytes; None for what no reader takes (binary, a JSON array)."""
    if is_binary(head):
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"["):
        return None
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "feed" if looks_like_feed(stripped) else "html"
    return "text"
