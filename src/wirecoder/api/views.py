"""The API's JSON forms of stored things (one place, so lists, single items and exports agree)."""
from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse

from ..review.state import apply_review
from ..store import Database, StoredEvent, StoredReport
from ..store.browse import ArticleView


class FastJSONResponse(JSONResponse):
    """JSON encoded by orjson (pinned): 5-10 times faster than json.dumps on pages of events; UTF-8, compact."""

    def render(self, content: Any) -> bytes:
        return json_bytes(content)


def json_response(body: Any, *, status_code: int = 200) -> JSONResponse:
    """The body serialised straight by orjson: FastAPI's jsonable_encoder costs 5-15 times more on pages of
    events and map points, and these bodies hold only JSON types already."""
    return FastJSONResponse(body, status_code=status_code)


def json_bytes(body: Any) -> bytes:
    """A body as the API sends it: compact UTF-8 JSON (orjson; keys that are not strings are written as
    strings, as json.dumps does; a float that is not a number is written as null)."""
    return orjson.dumps(body, option=orjson.OPT_NON_STR_KEYS)


def event_json(stored: StoredEvent) -> dict[str, Any]:
    """An event as the API shows it: reviewed values in ``event``, the coder's in ``coded``, the review's state."""
    return {
        "id": stored.id,
        "report_key": {"document_id": stored.document_id, "event_key": str(stored.event.get("id"))},
        "document": {"id": stored.document_id, "title": stored.document_title, "url": stored.document_url,
                     "source": stored.document_source, "published": stored.document_published},
        "event": stored.event,
        "coded": stored.coded,
        "review": stored.review,
        "reviewed": stored.review is not None,
    }


def article_json(article: ArticleView) -> dict[str, Any]:
    record = article.record or {}
    return {
        "document_id": article.document_id, "title": article.title, "url": article.url, "source": article.source,
        "published": article.published, "status": article.status, "text": article.text,
        "quotes": record.get("quotes") or [], "framing": record.get("framing") or [],
        "places": record.get("places") or [], "boilerplate": record.get("boilerplate") or [],
        "warnings": record.get("warnings") or [], "copies": article.copies,
    }


def report_entry(db: Database, report: StoredReport) -> dict[str, Any]:
    """One report of an incident (an article's telling of the event) with its figures and who claims them,
    its analysts' reviews laid over it."""
    event_key = str(report.event.get("id"))
    state = db.report_review(report.document_id, event_key)
    event, coded = apply_review(report.event, state)
    location = event.get("location") or {}
    return {
        "key": report.report_key, "incident_id": report.incident_id,
        "report_key": {"document_id": report.document_id, "event_key": event_key},
        "event_id": db.event_row_id(report.document_id, event_key),
        "source": report.document_source, "title": report.document_title, "url": report.document_url,
        "published": report.document_published, "copies": list(report.duplicate_copies),
        "event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type"),
        "date": event.get("date"), "location": location.get("name"), "country": location.get("country"),
        "actor1": (event.get("actor1") or {}).get("name"), "actor2": (event.get("actor2") or {}).get("name"),
        "fatalities": event.get("fatalities"), "injured": event.get("injured"),
        "claimed_by": event.get("claimed_by") or [], "evidence": event.get("evidence") or [],
        "review": state.as_dict() if state else None, "coded": coded,
    }
