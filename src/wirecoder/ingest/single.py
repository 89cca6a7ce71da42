"""One article from one file (or stdin), for `wirecoder code FILE` and `wirecoder geoparse FILE`.

The bytes are read as `ingest` reads them: gzip is opened, HTML is reduced to its article (trafilatura), binary
input is refused as binary. Text is kept exactly as given (no stripping, no newline translation), so that the
record's offsets index the file's own text.
"""
from __future__ import annotations

import codecs
import gzip
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import WirecoderError
from .sources import is_binary, kind_of_name, sniff_kind

_GZIP_MAGIC = b"\x1f\x8b"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class SingleDocument:
    """The article of one input: its text and what the page said about itself (HTML only)."""

    text: str
    kind: str  # "text" or "html"
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # YYYY-MM-DD, from the page's HTML


def read_input(path: str, *, stdin: BinaryIO | None = None, max_bytes: int = 20_000_000) -> bytes:
    """The bytes of a file, or of standard input for ``-`` (gzip opened), refusing more than ``max_bytes``."""
    try:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(max_bytes + 1)
    except IsADirectoryError as err:
        raise WirecoderError("W007", f"{path} is a folder; give one file, or use `wirecoder ingest {path}`") from err
    except OSError as err:
        raise WirecoderError("W007", f"cannot read {path}: {err.strerror}") from err
    if data.startswith(_GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise WirecoderError("W035", f"{path} is gzip but corrupt or truncated: {err}") from err
    if len(data) > max_bytes:
        raise WirecoderError("W033", f"{path} is larger than the limit of {max_bytes:,} bytes")
    return data


def decode_text(data: bytes, *, origin: str) -> str:
    """Text as given: a BOM says the encoding, else it must be UTF-8 (W002 says how to convert it)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise WirecoderError("W002", f"{origin} is not valid UTF-8 (byte {err.start})") from err


def single_document(data: bytes, *, origin: str) -> SingleDocument:
    """The article in ``data`` (already gunzipped): text as it is, or the article of an HTML page."""
    name_kind = kind_of_name(origin)
    head = data[:8192]
    if is_binary(head):
        raise WirecoderError("W103", f"{origin} is binary (a PDF, an image, an archive, or text with NUL bytes), "
                                     "not an article's text")
    kind = name_kind or sniff_kind(head)
    if kind == "html":
        from .html import extract_article  # trafilatura: only when a page is met

        item = extract_article(data, origin=origin)
        return SingleDocument(text=item.text, kind="html", title=item.title, url=item.url, source=item.source,
                              published=item.published)
    if kind in ("jsonl", "csv", "tsv", "feed", "warc"):
        hint = "`wirecoder code --jsonl FILE`" if kind == "jsonl" else f"`wirecoder ingest {origin} --db FILE`"
        raise WirecoderError("W031", f"{origin} is a {kind.upper() if kind != 'feed' else 'feed'} file, not one "
                                     f"article", fix=f"read it with {hint}")
    return SingleDocument(text=decode_text(data, origin=origin), kind="text")


def read_single(path: str, *, stdin: BinaryIO | None = None, max_bytes: int = 20_000_000) -> SingleDocument:
    """`code FILE` and `geoparse FILE`: the one article in a file or on stdin."""
    origin = "<stdin>" if path == "-" else str(Path(path))
    return single_document(read_input(path, stdin=stdin, max_bytes=max_bytes), origin=origin)
