"""Exports of stored events: ACLED-column CSV, JSONL, GeoJSON and Parquet."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

from ..errors import WirecoderError
from ..store import StoredEvent, StoredIncident
from .acled import ACLED_COLUMNS, COLUMNS, WIRECODER_COLUMNS, acled_row
from .incidents import COLUMNS as INCIDENT_COLUMNS
from .incidents import INCIDENT_WRITERS, full_record, incident_row
from .writers import WRITERS

FORMATS = tuple(WRITERS)


def export_events(events: Iterable[StoredEvent], *, format: str, out: BinaryIO) -> int:
    """Write ``events`` to ``out`` in ``format``; return how many were written."""
    writer = WRITERS.get(format)
    if writer is None:
        raise WirecoderError("W008", f"--format {format!r} is not one of {', '.join(FORMATS)}")
    return writer(events, out)


def export_incidents(incidents: Iterable[StoredIncident], *, format: str, out: BinaryIO) -> int:
    """Write ``incidents`` (read with their reports; with text for csv, geojson, parquet) to ``out``."""
    writer = INCIDENT_WRITERS.get(format)
    if writer is None:
        raise WirecoderError("W008", f"--format {format!r} is not one of {', '.join(FORMATS)}")
    return writer(incidents, out)


__all__ = ["ACLED_COLUMNS", "COLUMNS", "FORMATS", "INCIDENT_COLUMNS", "WIRECODER_COLUMNS", "acled_row",
           "export_events", "export_incidents", "full_record", "incident_row"]
