"""/api/reviews: append to the review log (token needed) and read it back."""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from ..errors import WirecoderError
from ..review import ReviewInput
from .deps import Store, require_token
from .views import json_response

router = APIRouter(prefix="/api", tags=["reviews"])


class ReviewBody(BaseModel):
    """One review. A report is named by its key (document id + event key), an incident by its id."""

    model_config = ConfigDict(extra="forbid")
    reviewer: str = Field(min_length=1, max_length=200, description="who reviews (a name or initials)")
    action: Literal["accept", "reject", "correct"]
    document_id: str | None = Field(None, max_length=2000)
    event_key: str | None = Field(None, max_length=2000)
    incident_id: str | None = Field(None, max_length=2000)
    field: str | None = Field(None, description="for correct: type, date, location, actor1, actor2, fatalities, "
                                                "injured")
    value: Any = Field(None, description="for correct: the new value in the record's shape (docs/api.md)")
    reason: str | None = Field(None, description="for reject: not_an_event, duplicate or background")
    comment: str | None = Field(None, max_length=2000)


@router.post("/reviews", status_code=201, dependencies=[Depends(require_token)],
             summary="Accept, reject or correct an event (needs the token)")
def add_review(body: ReviewBody, request: Request) -> JSONResponse:
    """Appends to the log; the coder's output is never changed. Returns the entry as logged (with the value
    it replaced) and the event's review state after it."""
    if body.incident_id is not None:
        kind = "incident"
    elif body.document_id is not None and body.event_key is not None:
        kind = "report"
    else:
        raise WirecoderError("W073", "name the event: document_id and event_key, or incident_id")
    entry = ReviewInput(reviewer=body.reviewer, action=body.action, target_kind=kind, document_id=body.document_id,
                        event_key=body.event_key, incident_id=body.incident_id, field=body.field, value=body.value,
                        reason=body.reason, comment=body.comment)
    db = request.app.state.stores.writer()
    logged = db.add_review(entry)
    state = db.review_state(target_kind=kind, target_key=entry.target_key)
    return json_response({"review": logged.as_dict(), "state": state.as_dict() if state else None,
                          "event_id": db.event_row_id(body.document_id, body.event_key) if kind == "report"
                          else None}, status_code=201)


@router.get("/reviews", summary="The review log of one event, oldest first")
def review_log(
    store: Store,
    document_id: Annotated[str | None, Query(max_length=2000)] = None,
    event_key: Annotated[str | None, Query(max_length=2000)] = None,
    incident_id: Annotated[str | None, Query(max_length=2000)] = None,
) -> JSONResponse:
    db = store.reader()
    if incident_id is not None:
        log = db.review_log(target_kind="incident", target_key=incident_id)
    elif document_id is not None and event_key is not None:
        log = db.report_log(document_id, event_key)
    else:
        raise WirecoderError("W070", "name the event: document_id and event_key, or incident_id")
    return json_response({"reviews": [entry.as_dict() for entry in log]})
