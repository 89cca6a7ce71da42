"""`wirecoder events --db FILE [filters]`: list stored events, one line each."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..store import Database, EventFilter, StoredEvent


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters shared by `events` and `export`."""
    parser.add_argument("--db", required=True, help="the SQLite store written by `wirecoder ingest`")
    parser.add_argument("--since", help="events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", help="events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--country", help="ISO 3166 code or country name of the event's location")
    parser.add_argument("--type", dest="event_type", help="ACLED event type or sub-event type, e.g. Battles")
    parser.add_argument("--actor", help="part of an actor's name, or an actor kind such as state_forces")
    parser.add_argument("--q", dest="text", metavar="TEXT", help="full-text search over the documents")
    parser.add_argument("--no-background", action="store_true",
                        help="leave out events the articles only recount as history")
    parser.add_argument("--limit", type=int, default=None, help="at most this many events")


def event_filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(since=args.since, until=args.until, country=args.country, event_type=args.event_type,
                       actor=args.actor, text=args.text, include_background=not args.no_background)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("events", help="list the events in a store",
                                   description="List stored events (tab-separated, one per line), by date.")
    add_filter_arguments(parser)
    parser.set_defaults(func=run)


def _actor(value: dict[str, Any] | None) -> str:
    return (value or {}).get("name") or "-"


def format_event(stored: StoredEvent) -> str:
    event = stored.event
    location = event.get("location") or {}
    fatalities = (event.get("fatalities") or {}).get("best")
    return "\t".join(str(part) for part in (
        event.get("date") or "-", event.get("event_type") or "-", event.get("sub_event_type") or "-",
        _actor(event.get("actor1")), _actor(event.get("actor2")),
        location.get("name") or "-", location.get("country") or "-",
        "-" if fatalities is None else fatalities, stored.document_id))


def run(args: argparse.Namespace) -> int:
    with Database(args.db, readonly=True) as db:
        sys.stdout.write("date\tevent_type\tsub_event_type\tactor1\tactor2\tlocation\tcountry\tfatalities\tdocument\n")
        for stored in db.events(event_filter(args), limit=args.limit):
            sys.stdout.write(format_event(stored) + "\n")
    return 0
