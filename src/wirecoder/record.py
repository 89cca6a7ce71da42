"""The public contract: an Article rendered as a ``wirecoder.document/1`` record (docs/record.md)."""
from __future__ import annotations

import datetime as dt

from .article import ActorMention, Article, Count, Event, Place, Quote, Span

SCHEMA = "wirecoder.document/1"


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def actor_record(actor: ActorMention | None) -> dict | None:
    if actor is None:
        return None
    if not actor.named:
        return {"name": actor.name, "kind": actor.kind, "country": actor.country, "text": None, "start": None,
                "end": None}
    return {"name": actor.name, "kind": actor.kind, "country": actor.country, "text": actor.span.text,
            "start": actor.span.start, "end": actor.span.end}


def count_record(count: Count | None) -> dict | None:
    if count is None:
        return None
    return {"low": count.low, "best": count.best, "high": count.high}


def place_record(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"text": place.span.text, "start": place.span.start, "end": place.span.end, "name": place.name,
            "geonameid": place.geonameid, "lat": place.lat, "lon": place.lon, "country": place.country,
            "admin1": place.admin1, "feature_class": place.feature_class, "feature_code": place.feature_code,
            "geo_precision": place.geo_precision, "within": _span_record(place.within) if place.within else None,
            "district": place.district, "admin2": place.admin2}


def _span_record(span: Span) -> dict:
    return {"text": span.text, "start": span.start, "end": span.end}


def quote_record(quote: Quote) -> dict:
    speaker = None
    if quote.speaker is not None:
        speaker = {"name": quote.speaker.name, "role": quote.speaker.role, **_span_record(quote.speaker.span)}
    return {"id": quote.id, "speaker": speaker, "cue": _span_record(quote.cue), "text": quote.content.text,
            "start": quote.content.start, "end": quote.content.end, "direct": quote.direct}


def event_record(event: Event) -> dict:
    return {
        "id": event.id, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "date": _date(event.date), "date_end": _date(event.date_end), "time_precision": event.time_precision,
        "actor1": actor_record(event.actor1), "actor2": actor_record(event.actor2),
        "assoc_actors": [actor_record(a) for a in event.assoc_actors],
        "location": place_record(event.location),
        "fatalities": count_record(event.fatalities), "injured": count_record(event.injured),
        "weapons": list(event.weapons), "background": event.background,
        "referenced": event.mention.referenced,
        "claimed_by": [{"name": c.name, "kind": c.kind, "quote_id": c.quote_id} for c in event.claimed_by],
        "confidence": event.confidence,
        "evidence": [{"field": e.field, **_span_record(e.span)} for e in event.evidence],
    }


def document_record(article: Article, *, extra_warnings: list[dict] | None = None) -> dict:
    return {
        "schema": SCHEMA,
        "id": article.id, "title": article.title, "url": article.url, "source": article.source,
        "language": article.language,
        "published": _date(article.published), "published_from": article.published_from,
        "events": [event_record(e) for e in sorted(article.events, key=lambda e: e.mention.trigger.start)],
        "places": [place_record(p) for p in article.places],
        "quotes": [quote_record(q) for q in article.quotes],
        "framing": [{"term": f.span.text, "start": f.span.start, "end": f.span.end, "category": f.category}
                    for f in article.framing],
        "boilerplate": [{"start": b.span.start, "end": b.span.end, "text": b.span.text, "reason": b.reason}
                        for b in article.boilerplate],
        "warnings": [{"code": w.code, "message": w.message} for w in article.warnings] + (extra_warnings or []),
    }


def error_record(record_id: str | None, code: str, message: str, line: int | None) -> dict:
    return {"id": record_id, "error": {"code": code, "message": message, "line": line}}
