"""`wirecoder events --db FILE [filters]`: list stored incidents (or, with --reports, every report), one line each."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..errors import WirecoderError
from ..store import Database, EventFilter, IncidentFilter, StoredEvent, StoredIncident
from ..store.queries import check_confidence
from .common import add_confidence_option


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """The filters shared by `events` and `export`."""
    parser.add_argument("--db", required=True, help="the SQLite store written by `wirecoder ingest`")
    parser.add_argument("--since", help="events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", help="events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--country", help="ISO 3166 code or country name of the event's location")
    parser.add_argument("--type", dest="event_type", help="ACLED event type or sub-event type, e.g. Battles")
    parser.add_argument("--actor", help="part of an actor's name, or an actor kind such as state_forces")
    parser.add_argument("--q", dest="text", metavar="TEXT", help="full-text search over the documents")
    parser.add_argument("--include-background", action="store_true",
                        help="also show events the articles only recount as history (left out by default; "
                             "marked `background` when shown)")
    parser.add_argument("--review", choices=("all", "unreviewed", "reviewed", "accepted", "corrected", "rejected"),
                        default=None, help="events by review (default: all but those an analyst rejected)")
    parser.add_argument("--limit", type=int, default=None, help="at most this many events")
    add_confidence_option(parser, what="leave out events the coder gave a confidence below X (events an analyst "
                                       "accepted or corrected are shown whatever their confidence; an incident is "
                                       "shown when one of its reports is)")


def add_incident_arguments(parser: argparse.ArgumentParser, *, what: str) -> None:
    """--reports and the filters only incidents have."""
    parser.add_argument("--reports", action="store_true",
                        help=f"{what} each report (each article's own event) instead of each incident")
    parser.add_argument("--admin1", help="incidents in this first-level area (its name, any case)")
    parser.add_argument("--bbox", metavar="W,S,E,N", help="incidents within this box (degrees; W > E crosses 180)")
    parser.add_argument("--min-sources", type=int, default=None, help="incidents told by at least N sources")


def event_filter(args: argparse.Namespace) -> EventFilter:
    return EventFilter(since=args.since, until=args.until, country=args.country, event_type=args.event_type,
                       actor=args.actor, text=args.text, include_background=args.include_background,
                       review=args.review, min_confidence=check_confidence(args.min_confidence))


def incident_filter(args: argparse.Namespace) -> IncidentFilter:
    bbox = None
    if args.bbox:
        parts = args.bbox.split(",")
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError as err:
            raise WirecoderError("W008", f"--bbox {args.bbox!r} is not four numbers W,S,E,N") from err
        bbox = (west, south, east, north)
    return IncidentFilter(since=args.since, until=args.until, country=args.country, admin1=args.admin1,
                          event_type=args.event_type, actor=args.actor, text=args.text, bbox=bbox,
                          min_sources=args.min_sources, include_background=args.include_background,
                          min_confidence=check_confidence(args.min_confidence))


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "events", help="list the incidents (or reports) in a store",
        description="List stored incidents, by date (tab-separated, one per line): each is one event however "
                    "many articles told it. --reports lists each article's own events instead.")
    add_filter_arguments(parser)
    add_incident_arguments(parser, what="list")
    parser.set_defaults(func=run)


def _actor(value: dict[str, Any] | None) -> str:
    return (value or {}).get("name") or "-"


def _fields(record: dict[str, Any]) -> list[Any]:
    location = record.get("location") or {}
    fatalities = (record.get("fatalities") or {}).get("best")
    return [record.get("date") or "-", record.get("event_type") or "-", record.get("sub_event_type") or "-",
            _actor(record.get("actor1")), _actor(record.get("actor2")), location.get("name") or "-",
            location.get("country") or "-", "-" if fatalities is None else fatalities]


def _marker(record: dict[str, Any]) -> str:
    return "background" if record.get("background") else "current"


def format_event(stored: StoredEvent, *, background_column: bool = False) -> str:
    extra = [_marker(stored.event)] if background_column else []
    return "\t".join(str(part) for part in (*_fields(stored.event), stored.document_id, *extra))


def format_incident(incident: StoredIncident, *, background_column: bool = False) -> str:
    extra = [_marker(incident.record)] if background_column else []
    return "\t".join(str(part) for part in (*_fields(incident.record), incident.record["number_of_sources"],
                                            incident.id, *extra))


_HEADER = "date\tevent_type\tsub_event_type\tactor1\tactor2\tlocation\tcountry\tfatalities\t"


def run(args: argparse.Namespace) -> int:
    marked = args.include_background  # shown background events say so, in a last column
    tail = "\tbackground\n" if marked else "\n"
    with Database(args.db, readonly=True) as db:
        if args.reports:
            sys.stdout.write(_HEADER + "document" + tail)
            for stored in db.events(event_filter(args), limit=args.limit):
                sys.stdout.write(format_event(stored, background_column=marked) + "\n")
            return 0
        sys.stdout.write(_HEADER + "sources\tincident" + tail)
        for incident in db.reviewed_incidents(db.iter_incidents(incident_filter(args), limit=args.limit)):
            sys.stdout.write(format_incident(incident, background_column=marked) + "\n")
    return 0
