"""Exports of stored events: ACLED-column CSV, JSONL, GeoJSON and Parquet."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from ..errors import WirecoderError
from ..store import StoredEvent
from .acled import ACLED_COLUMNS, COLUMNS, WIRECODER_COLUMNS, acled_row
from .writers import WRITERS

FORMATS = tuple(WRITERS)


def export_events(events: Iterable[StoredEvent], *, format: str, out: BinaryIO) -> int:
    """Write ``events`` to ``out`` in ``format``; return how many were written."""
    writer = WRITERS.get(format)
    if writer is None:
        raise WirecoderError("W008", f"--format {format!r} is not one of {', '.join(FORMATS)}")
    return writer(events, out)


__all__ = ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "WIRECODER_COLUMNS", "acled_row", "export_events"]
