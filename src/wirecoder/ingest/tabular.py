"""JSONL and CSV readers: one article per line or row, with a mapping from the file's column names."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import WirecoderError
from ..jsonl import parse_object
from .decode import decode_bytes
from .items import ReadFailure, ReadResult, SourceItem

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ColumnMapping:
    """Which field of a JSONL object or CSV row holds each part of the article."""

    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    source: str = "source"
    id: str = "id"

    @classmethod
    def parse(cls, spec: str | None) -> "ColumnMapping":
        """From ``text=body,published=date``: only the named parts change."""
        if not spec:
            return cls()
        values: dict[str, str] = {}
        for pair in spec.split(","):
            key, _, column = pair.partition("=")
            key = key.strip()
            if key not in cls.__dataclass_fields__ or not column.strip():
                raise WirecoderError("W008", f"--columns {spec!r}: expected PART=COLUMN with PART one of "
                                             f"{', '.join(cls.__dataclass_fields__)}")
            values[key] = column.strip()
        return cls(**values)


def _text_of(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def item_from_fields(fields: dict[str, Any], *, origin: str, columns: ColumnMapping) -> ReadResult:
    text = fields.get(columns.text)
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(origin, "W006", f"{origin} has no text in field {columns.text!r}")
    published = _text_of(fields.get(columns.published))
    if published and _ISO_DAY.match(published):
        published = published[:10]
    return SourceItem(
        origin=origin, text=text, id=_text_of(fields.get(columns.id)), title=_text_of(fields.get(columns.title)),
        url=_text_of(fields.get(columns.url)), source=_text_of(fields.get(columns.source)), published=published,
        published_from="given" if published else None)


def read_jsonl(stream: BinaryIO, *, origin: str, columns: ColumnMapping, max_bytes: int) -> Iterator[ReadResult]:
    for number, raw in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if len(raw) > max_bytes:
            yield ReadFailure(where, "W033", f"{where} is larger than the limit of {max_bytes:,} bytes")
            continue
        if not raw.strip():
            continue
        line = decode_bytes(raw).text
        try:
            fields = parse_object(line, where=where)
        except WirecoderError as err:
            yield ReadFailure(where, err.code, err.detail)
            continue
        yield item_from_fields(fields, origin=where, columns=columns)


def read_csv(stream: BinaryIO, *, origin: str, columns: ColumnMapping, max_bytes: int,
             delimiter: str = ",") -> Iterator[ReadResult]:
    sample = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    encoding = decode_bytes(sample).encoding if sample else "utf-8"
    text_stream = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
    csv.field_size_limit(max(max_bytes, 131072))
    reader = csv.DictReader(text_stream, delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=2):
            yield item_from_fields(row, origin=f"{origin}:{number}", columns=columns)
    except csv.Error as err:
        yield ReadFailure(f"{origin}:{reader.line_num}", "W035", f"{origin} is not valid CSV: {err}")
    finally:
        text_stream.detach()
