"""The API's JSON forms of stored things (one place, so lists, single items and exports agree)."""
from __future__ import annotations

from typing import Any

from ..store import StoredEvent
from ..store.browse import ArticleView


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


def report_json(stored: StoredEvent, article: ArticleView | None) -> dict[str, Any]:
    """One report of an event (an article's telling) with its figures and who claims them."""
    event = stored.event
    outlets = [{"source": stored.document_source, "document_id": stored.document_id, "url": stored.document_url,
                "published": stored.document_published}]
    outlets += [{"source": c["source"], "document_id": c["document_id"], "url": c["url"],
                 "published": c["published"]} for c in (article.copies if article else [])]
    return {
        "report_key": {"document_id": stored.document_id, "event_key": str(event.get("id"))},
        "event_id": stored.id, "source": stored.document_source, "title": stored.document_title,
        "published": stored.document_published, "outlets": outlets,
        "event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type"),
        "date": event.get("date"), "location": (event.get("location") or {}).get("name"),
        "fatalities": event.get("fatalities"), "injured": event.get("injured"),
        "claimed_by": event.get("claimed_by") or [], "review": stored.review,
    }
