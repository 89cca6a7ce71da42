"""`wirecoder incident ID --db FILE`: one incident, its reports side by side, and what they disagree on."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import WirecoderError
from ..store import Database, StoredIncident

WIDTH = 30  # characters of a column


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "incident", help="show one incident with its reports side by side",
        description="Show an incident: the merged fields, then every report beside them (outlet, who claims "
                    "it, type, date, place, actors, figures, the words of its trigger), then the conflicts.")
    parser.add_argument("incident_id", metavar="ID", help="the incident id (`wirecoder events` lists them)")
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--json", action="store_true",
                        help="print the wirecoder.incident/1 record with each report's event (evidence included)")
    parser.set_defaults(func=run)


def _count(value: dict[str, Any] | None) -> str:
    if not value:
        return "-"
    low, best, high = value.get("low"), value.get("best"), value.get("high")
    return str(best) if low == best == high else f"{best} ({'?' if low is None else low}-{'?' if high is None else high})"


def _row(event: dict[str, Any]) -> dict[str, str]:
    location = event.get("location") or {}
    date = event.get("date") or "-"
    if event.get("date_end"):
        date += "/" + event["date_end"]
    trigger = next((e.get("text") for e in event.get("evidence") or [] if e.get("field") == "trigger"), None)
    return {"type": event.get("sub_event_type") or "-", "date": f"{date} (p{event.get('time_precision')})",
            "location": location.get("name") or "-", "actor1": (event.get("actor1") or {}).get("name") or "-",
            "actor2": (event.get("actor2") or {}).get("name") or "-", "fatalities": _count(event.get("fatalities")),
            "injured": _count(event.get("injured")), "trigger": trigger or "-"}


def _cell(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= WIDTH else text[:WIDTH - 1] + "…"


def as_json(incident: StoredIncident) -> dict[str, Any]:
    return {**incident.record, "reports": [
        {"report_key": r.report_key, "document_id": r.document_id, "source": r.document_source,
         "url": r.document_url, "title": r.document_title, "published": r.document_published,
         "duplicate_copies": list(r.duplicate_copies), "event": r.event} for r in incident.reports]}


def format_incident(incident: StoredIncident) -> str:
    record = incident.record
    lines = [f"incident {incident.id}: {record['number_of_sources']} source(s), {record['number_of_reports']} "
             f"report(s), first reported {record.get('first_reported') or '-'}, last {record.get('last_reported') or '-'}"]
    if incident.requested_id:
        lines.append(f"(asked for {incident.requested_id}: an older id of this incident)")
    columns = [("incident", {**_row(record), "trigger": "-"}, "-", "-")]
    for report in incident.reports:
        claimed = ", ".join(c.get("name") or "?" for c in report.event.get("claimed_by") or []) or "-"
        columns.append((report.document_id, _row(report.event), report.document_source or "-", claimed))
    header = ["", *(name for name, *_ in columns)]
    table = [header, ["outlet", *(outlet for *_, outlet, _c in columns)],
             ["claimed by", *(claimed for *_, claimed in columns)]]
    for field in ("type", "date", "location", "actor1", "actor2", "fatalities", "injured", "trigger"):
        table.append([field, *(row[field] for _, row, *_ in columns)])
    for cells in table:
        lines.append("  ".join(_cell(cell).ljust(WIDTH if n else 11) for n, cell in enumerate(cells)).rstrip())
    for conflict in record.get("conflicts") or []:
        told = "; ".join(f"{v['value']} ({', '.join(v['claimed_by'])}, {v['document_id']})" for v in conflict["values"])
        lines.append(f"conflict on {conflict['field']}: {told}")
    for copy in (s for s in record.get("sources") or [] if s.get("copy_of")):
        lines.append(f"copy: {copy['document_id']} ({copy.get('source') or '-'}) repeats {copy['copy_of']}; not counted")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    with Database(args.db, readonly=True) as db:
        incident = db.incident(args.incident_id, with_reports=True)
    if incident is None:
        raise WirecoderError("W060", f"the store {args.db} has no incident {args.incident_id!r}")
    if args.json:
        sys.stdout.write(json.dumps(as_json(incident), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_incident(incident) + "\n")
    return 0
