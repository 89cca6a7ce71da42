"""What routes share: the store (one connection per worker thread), the write token, the filter parameters."""
from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, Query, Request

from ..errors import WirecoderError
from ..store import Database, EventFilter
from .settings import DeskSettings


class Stores:
    """Per-thread connections to one store file: sqlite3 connections stay in the thread that opened them.

    Readers open the file read-only; writes (reviews, tokens) use a separate writable connection, and every
    write is its own ``BEGIN IMMEDIATE`` transaction, so readers never wait for a writer (WAL)."""

    def __init__(self, settings: DeskSettings):
        self.settings = settings
        self._local = threading.local()

    def _open(self, attribute: str, *, readonly: bool) -> Database:
        db = getattr(self._local, attribute, None)
        if db is None:
            db = Database(self.settings.db, readonly=readonly)
            setattr(self._local, attribute, db)
        return db

    def reader(self) -> Database:
        return self._open("reader", readonly=True)

    def writer(self) -> Database:
        return self._open("writer", readonly=False)

    def close(self) -> None:
        """Drop every thread's connection. A connection may be closed only by its own thread; dropped, it is
        closed when collected."""
        self._local = threading.local()


async def stores(request: Request) -> Stores:  # async: run on the event loop, no thread for it
    return request.app.state.stores


# A route takes the Stores and asks for its connection inside its own body: FastAPI may run a dependency and
# the route on different worker threads, and a connection must stay in the thread that opened it.
Store = Annotated[Stores, Depends(stores)]


def require_token(request: Request) -> None:
    """Writes need `Authorization: Bearer TOKEN` with a token the store knows (W072 otherwise)."""
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WirecoderError("W072", "this request changes the store and carries no `Authorization: Bearer` token")
    if not request.app.state.stores.reader().check_api_token(token.strip()):
        raise WirecoderError("W072", "the token is not this store's")


def bbox_value(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError as err:
        raise WirecoderError("W070", f"bbox {value!r} is not four numbers west,south,east,north") from err
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise WirecoderError("W070", f"bbox {value!r} is outside -180..180, -90..90 or has south > north")
    return west, south, east, north


async def event_filter(  # async: checking parameters needs no thread
    country: Annotated[str | None, Query(description="ISO 3166 code or country name", max_length=100)] = None,
    admin1: Annotated[str | None, Query(description="first-level area (province, state) name", max_length=200)] = None,
    type: Annotated[str | None, Query(description="ACLED event type or sub-event type, any case",
                                      max_length=100)] = None,
    sub_type: Annotated[str | None, Query(description="exact ACLED sub-event type", max_length=100)] = None,
    actor: Annotated[str | None, Query(description="part of an actor's name, or an actor kind",
                                       max_length=200)] = None,
    since: Annotated[str | None, Query(description="on or after YYYY[-MM[-DD]]", max_length=10)] = None,
    until: Annotated[str | None, Query(description="on or before YYYY[-MM[-DD]] (whole month or year)",
                                       max_length=10)] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees", max_length=100)] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000, description="at least this many stored copies of "
                                             "the article (near-duplicates from other outlets count)")] = None,
    review: Annotated[str | None, Query(description="all, unreviewed, reviewed, accepted, corrected, rejected "
                                        "(default: all but rejected)", max_length=20)] = None,
    q: Annotated[str | None, Query(description="full-text search over the articles (every word)",
                                   max_length=500)] = None,
    background: Annotated[bool, Query(description="include events the articles recount as history")] = True,
) -> EventFilter:
    return EventFilter(since=since, until=until, country=country, event_type=type, actor=actor, text=q,
                       include_background=background, sub_event_type=sub_type, admin1=admin1, bbox=bbox_value(bbox),
                       min_sources=min_sources, review=review)


Filter = Annotated[EventFilter, Depends(event_filter)]
