"""/api/articles: stored articles (full-text search through FTS5) and one article with its text and events."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from ..errors import WirecoderError
from .deps import Store
from .views import article_json, event_json, json_response

router = APIRouter(prefix="/api", tags=["articles"])


@router.get("/articles", summary="Stored articles, newest first, optionally matching a full-text query")
def list_articles(
    request: Request, store: Store,
    q: Annotated[str | None, Query(max_length=500, description="every word must appear (title or text)")] = None,
    limit: Annotated[int, Query(ge=1)] = 50,
    after: Annotated[int | None, Query(ge=0, description="the next_cursor of the previous page")] = None,
) -> JSONResponse:
    db = store.reader()
    page_limit = request.app.state.settings.page_limit
    if limit > page_limit:
        raise WirecoderError("W074", f"limit {limit} is above the page limit {page_limit}")
    items, cursor = db.article_page(text=q, after=after, limit=limit)
    return json_response({"articles": items, "next_cursor": cursor, "limit": limit})


@router.get("/articles/{document_id:path}", summary="One article: its text, quotes, loaded wording, events")
def get_article(document_id: str, store: Store) -> JSONResponse:
    db = store.reader()
    article = db.article(document_id)
    if article is None:
        raise WirecoderError("W071", f"there is no article {document_id!r}")
    body = article_json(article)
    body["events"] = [event_json(e) for e in db.article_events(document_id)]
    return json_response(body)
