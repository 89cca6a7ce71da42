"""The incidents that alerts are matched against, until the store merges reports into incidents (issue 12):
each event a report tells (not as background) stands as an incident of one source, in the shape of the
``wirecoder.incident/1`` record (DESIGN.md). Nothing is merged here; when the store gives incidents, the
alerter takes them from it instead."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SCHEMA = "wirecoder.incident/1"


def single_report_incidents(report: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One incident per foreground event of a stored report (``WatchState.reports_after`` rows)."""
    record = report["record"]
    published = report.get("published") or record.get("published")
    for event in record.get("events") or []:
        if event.get("background"):
            continue
        source = {"source": report.get("source") or record.get("source"), "url": report.get("url"),
                  "published": published, "document_id": report["doc_id"], "event_id": event.get("id"),
                  "claimed_by": event.get("claimed_by") or []}
        yield {
            "schema": SCHEMA, "id": f"{report['doc_id']}#{event.get('id')}",
            **{key: event.get(key) for key in ("event_type", "sub_event_type", "date", "date_end", "time_precision",
                                               "location", "actor1", "actor2", "fatalities", "injured")},
            "sources": [source], "number_of_sources": 1, "first_reported": published, "last_reported": published,
            "conflicts": [], "review": None,
        }
