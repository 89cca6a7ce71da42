"""/api/incidents: cross-article incidents (wirecoder.incident/1, docs/incidents.md) with their reports.

An incident is one event as ACLED counts it, told by one or more reports (an article's event each). The list
takes the incident filters of the store's read API; one incident comes with every report side by side, each
report's event with its analysts' reviews laid over it, and the incident's own review state and log.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from ..errors import WirecoderError
from ..store import IncidentFilter, StoredIncident
from .deps import Store, bbox_value
from .views import json_response, report_entry

router = APIRouter(prefix="/api", tags=["incidents"])


def incident_filter(
    country: Annotated[str | None, Query(max_length=100)] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    type: Annotated[str | None, Query(max_length=100, description="event type or sub-event type")] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    min_sources: Annotated[int | None, Query(ge=1, le=1000)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    background: Annotated[bool, Query()] = True,
) -> IncidentFilter:
    return IncidentFilter(since=since, until=until, country=country, admin1=admin1, event_type=type, actor=actor,
                          text=q, bbox=bbox_value(bbox), min_sources=min_sources, include_background=background)


def incident_json(incident: StoredIncident, merged: StoredIncident) -> dict[str, Any]:
    """An incident with its analysts' reviews laid over the merged record (``record.review`` their state);
    ``coded`` holds the merger's values of the fields a review changed."""
    review = incident.record.get("review")
    coded = {name: merged.record.get("sub_event_type" if name == "type" else name)
             for name in (review or {}).get("fields") or []}
    return {"id": incident.id, "record": incident.record, "review": review, "reviewed": review is not None,
            "coded": coded, "requested_id": incident.requested_id}


@router.get("/incidents", summary="Incidents (one event as ACLED counts it, told by one or more reports)")
def list_incidents(
    request: Request, store: Store, flt: Annotated[IncidentFilter, Depends(incident_filter)],
    order: Annotated[str, Query(description="date, -date (newest first), changed")] = "-date",
    limit: Annotated[int, Query(ge=1)] = 50,
    after: Annotated[str | None, Query(max_length=300, description="the next_cursor of the previous page")] = None,
) -> JSONResponse:
    """Filters as for events (`country`, `admin1`, `type`, `actor`, `since`, `until`, `bbox`, `min_sources` =
    the incident's number of sources, `q`, `background`; on the merged values); keyset pages in a stable order.
    Reviews are laid over each record; incidents an analyst rejected are left out of the page."""
    page_limit = request.app.state.settings.page_limit
    if limit > page_limit:
        raise WirecoderError("W074", f"limit {limit} is above the page limit {page_limit}")
    db = store.reader()
    page = db.incidents(flt, order=order, after=after, limit=limit)
    merged = {i.id: i for i in page.items}
    shown = [incident_json(i, merged[i.id]) for i in db.reviewed_incidents(page.items)]
    return json_response({"incidents": shown, "next_cursor": page.next_cursor, "limit": limit, "order": order})


@router.get("/incidents/{incident_id}", summary="One incident with its reports, evidence and conflicts")
def get_incident(incident_id: str, store: Store) -> JSONResponse:
    """Every report side by side: its article, its event (with reviews laid over it), its evidence, its figures
    and who claims them. An older id of the incident (before it grew or merged) finds it too."""
    db = store.reader()
    incident = db.incident(incident_id, with_reports=True)
    if incident is None:
        raise WirecoderError("W060", f"there is no incident {incident_id!r}")
    body = incident_json(next(db.reviewed_incidents([incident], include_rejected=True)), incident)
    body["reports"] = [report_entry(db, report) for report in incident.reports]
    body["log"] = [entry.as_dict() for entry in db.incident_log(incident)]
    return json_response(body)
