"""The four export formats. Each writer takes stored events and a binary output and returns the count."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from ..jsonl import dumps_line
from ..store import StoredEvent
from .acled import COLUMNS, acled_row

_INT_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
                "timestamp", "injured", "injured_low", "injured_high", "fatalities_low", "fatalities_best",
                "fatalities_high"}
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}
_BOOL_COLUMNS = {"background"}


def _text_out(out: BinaryIO) -> io.TextIOWrapper:
    return io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)


def write_csv(events: Iterable[StoredEvent], out: BinaryIO) -> int:
    text = _text_out(out)
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for stored in events:
        writer.writerow(acled_row(stored))
        count += 1
    text.flush()
    text.detach()
    return count


def write_jsonl(events: Iterable[StoredEvent], out: BinaryIO) -> int:
    """One event per line: the record's Event fields plus ``document_id``."""
    count = 0
    for stored in events:
        out.write(dumps_line({**stored.event, "document_id": stored.document_id}).encode("utf-8"))
        out.write(b"\n")
        count += 1
    return count


def write_geojson(events: Iterable[StoredEvent], out: BinaryIO) -> int:
    """A FeatureCollection of points (RFC 7946, lon/lat in WGS84); events without coordinates keep a null
    geometry so that nothing is dropped silently."""
    out.write(b'{"type":"FeatureCollection","features":[\n')
    count = 0
    for stored in events:
        row = acled_row(stored)
        lat, lon = row["latitude"], row["longitude"]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "id": stored.id, "geometry": geometry, "properties": row}
        out.write((b",\n" if count else b"") + json.dumps(feature, ensure_ascii=False).encode("utf-8"))
        count += 1
    out.write(b"\n]}\n")
    return count


def _arrow_type(column: str) -> pa.DataType:
    if column in _INT_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _BOOL_COLUMNS:
        return pa.bool_()
    return pa.string()


PARQUET_SCHEMA = pa.schema([(column, _arrow_type(column)) for column in COLUMNS])


def write_parquet(events: Iterable[StoredEvent], out: BinaryIO, *, rows_per_group: int = 10_000) -> int:
    count = 0
    with pq.ParquetWriter(pa.PythonFile(out, mode="w"), PARQUET_SCHEMA) as writer:
        buffer: list[dict[str, Any]] = []
        for stored in events:
            buffer.append(acled_row(stored))
            count += 1
            if len(buffer) >= rows_per_group:
                writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
                buffer = []
        if buffer or count == 0:
            writer.write_table(pa.Table.from_pylist(buffer, schema=PARQUET_SCHEMA))
    return count


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson, "parquet": write_parquet}
