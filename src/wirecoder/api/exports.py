"""/api/export.csv and /api/export.geojson: the current filter's events, streamed (ACLED's columns first)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from ..export.acled import COLUMNS, acled_row
from ..store import EventFilter
from .deps import Filter, Stores

router = APIRouter(prefix="/api", tags=["exports"])


def _pages(stores: Stores, event_filter: EventFilter) -> Iterator[list]:
    """The filter's events a chunk at a time. Each chunk is read on whichever worker thread asks for it, through
    that thread's connection (keyset pagination keeps the order and never repeats an event)."""
    after = None
    while True:
        page = stores.reader().event_page(event_filter, after=after, limit=stores.settings.export_page_size,
                                          with_text=True)
        if page.events:
            yield page.events
        if page.next_cursor is None:
            return
        after = page.next_cursor


def _csv(stores: Stores, event_filter: EventFilter) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    yield buffer.getvalue().encode("utf-8")
    for events in _pages(stores, event_filter):
        buffer.seek(0)
        buffer.truncate()
        for stored in events:
            writer.writerow(acled_row(stored))
        yield buffer.getvalue().encode("utf-8")


def _geojson(stores: Stores, event_filter: EventFilter) -> Iterator[bytes]:
    yield b'{"type":"FeatureCollection","features":['
    first = True
    for events in _pages(stores, event_filter):
        parts = []
        for stored in events:
            row = acled_row(stored)
            lat, lon = row["latitude"], row["longitude"]
            geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
            parts.append(json.dumps({"type": "Feature", "id": stored.id, "geometry": geometry, "properties": row},
                                    ensure_ascii=False))
        yield (("" if first else ",") + "\n" + ",\n".join(parts)).encode("utf-8")
        first = False
    yield b"\n]}\n"


@router.get("/export.csv", summary="The filter's events as CSV in ACLED's columns (streamed)",
            response_class=StreamingResponse)
def export_csv(request: Request, event_filter: Filter) -> StreamingResponse:
    """ACLED's columns in ACLED's order, then wirecoder's (docs/export.md); reviewed values, marked in
    `review_status` and `reviewed_fields`."""
    stores: Stores = request.app.state.stores
    stores.reader().event_page(event_filter, limit=1)  # a bad filter fails here, before any byte is sent
    return StreamingResponse(_csv(stores, event_filter), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": 'attachment; filename="events.csv"'})


@router.get("/export.geojson", summary="The filter's events as a GeoJSON FeatureCollection (streamed)",
            response_class=StreamingResponse)
def export_geojson(request: Request, event_filter: Filter) -> StreamingResponse:
    stores: Stores = request.app.state.stores
    stores.reader().event_page(event_filter, limit=1)
    return StreamingResponse(_geojson(stores, event_filter), media_type="application/geo+json",
                             headers={"Content-Disposition": 'attachment; filename="events.geojson"'})
