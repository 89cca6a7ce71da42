"""/api/events: pages of events, one event with its article and evidence, map points, counts for charts."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from ..errors import WirecoderError
from ..store import Database
from .deps import Filter, Store
from .kept import cached_json
from .views import article_json, event_json, json_bytes, json_response, report_entry

router = APIRouter(prefix="/api", tags=["events"])


@router.get("/events", summary="Events matching the filters, a page at a time")
async def list_events(
    request: Request, event_filter: Filter,
    sort: Annotated[str, Query(description="date (newest first), date_asc, fatalities")] = "date",
    limit: Annotated[int, Query(ge=1, description="events a page (at most the server's page limit, 500)")] = 50,
    after: Annotated[str | None, Query(max_length=200, description="the next_cursor of the previous page")] = None,
) -> Response:
    """Keyset-paginated and stably sorted (the sort value, then the event's id): pass `next_cursor` back as
    `after` for the next page. Reviewed values are shown and filtered on; rejected events only with
    `review=rejected` or `review=all`."""
    page_limit = request.app.state.settings.page_limit
    if limit > page_limit:
        raise WirecoderError("W074", f"limit {limit} is above the page limit {page_limit}")

    def build(db: Database) -> bytes:
        page = db.event_page(event_filter, sort=sort, after=after, limit=limit)
        return json_bytes({"events": [event_json(e) for e in page.events], "next_cursor": page.next_cursor,
                           "limit": limit, "sort": sort})

    return await cached_json(request, ("events", event_filter, sort, limit, after), build)


@router.get("/events/points", summary="Located events of the filters as small map points")
async def event_points(
    request: Request, event_filter: Filter,
    limit: Annotated[int, Query(ge=1, description="most points (newest first)")] = 20_000,
) -> Response:
    """`points` are `[id, lat, lon, event_type, fatalities, review_status]`, newest first; `truncated` says
    whether more events matched than `limit`."""
    points_limit = request.app.state.settings.points_limit
    if limit > points_limit:
        raise WirecoderError("W074", f"limit {limit} is above the points limit {points_limit}")

    def build(db: Database) -> bytes:
        # five decimals are about a metre: enough for a map, and a third less to send
        points, more = db.event_points_json(event_filter, limit=limit)
        return f'{{"points":{points},"truncated":{"true" if more else "false"}}}'.encode("utf-8")

    return await cached_json(request, ("points", event_filter, limit), build)


@router.get("/counts", summary="Events and fatalities of the filters by week, type, sub-type or country")
async def counts(
    request: Request, event_filter: Filter,
    by: Annotated[str, Query(description="week (Monday's date), type, sub_type, country")] = "week",
) -> Response:
    def build(db: Database) -> bytes:
        rows = db.event_counts(event_filter, by=by)
        return json_bytes({"by": by, "counts": [{"key": r.key, "events": r.events, "fatalities": r.fatalities}
                                                 for r in rows]})

    return await cached_json(request, ("counts", event_filter, by), build)


@router.get("/events/{event_id}", summary="One event with its article, evidence, quotes and reports")
def get_event(event_id: int, store: Store) -> JSONResponse:
    """The event (reviewed values), the coder's values, the review log, and the article it came from with
    its text, quotes, loaded wording and copies; `incident` is the incident the event is a report of, and
    `reports` every report of that incident side by side (figures, who claims them, reviews)."""
    db = store.reader()
    stored = db.event_by_row(event_id)
    if stored is None:
        raise WirecoderError("W071", f"there is no event {event_id}")
    article = db.article(stored.document_id)
    body = event_json(stored)
    body["article"] = article_json(article) if article else None
    report_key, incident_id = db.event_report(event_id)
    incident = db.incident(incident_id, with_reports=True) if incident_id else None
    if incident is not None:
        shown = next(db.reviewed_incidents([incident], include_rejected=True))
        body["incident"] = {"id": incident.id, "record": shown.record, "review": shown.record.get("review")}
        body["reports"] = [report_entry(db, report) for report in incident.reports]
    else:
        body["incident"] = None
        report = db.report(report_key) if report_key else None
        body["reports"] = [report_entry(db, report)] if report else []
    body["log"] = [entry.as_dict() for entry in db.report_log(stored.document_id, str(stored.event.get("id")))]
    return json_response(body)
