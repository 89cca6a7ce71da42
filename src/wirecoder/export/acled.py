"""Stored events as flat rows: ACLED's columns, in ACLED's order, then wirecoder's own.

Scripts written for ACLED's exports read these rows unchanged. Where ACLED has a convention for a gap
it is kept: ``fatalities`` is 0 when no count was reported (wirecoder's own ``fatalities_best`` stays
empty in that case, so "not reported" and "none" remain distinguishable).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pycountry

from ..geo.countries import acled_country
from ..store import StoredEvent
from ..taxonomy.acled import civilian_targeting, disorder_type, inter_code, interaction

__all__ = ["ACLED_COLUMNS", "COLUMNS", "WIRECODER_COLUMNS", "acled_row", "disorder_type", "interaction",
           "trigger_sentence"]

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
WIRECODER_COLUMNS = (
    "injured", "injured_low", "injured_high", "fatalities_low", "fatalities_best", "fatalities_high",
    "claimed_by", "evidence", "confidence", "background", "date_end", "wirecoder_event_id", "document_id",
    "document_url", "document_title", "published", "review_status", "reviewed_fields",
)
COLUMNS = ACLED_COLUMNS + WIRECODER_COLUMNS

_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _country(alpha2: str | None) -> Any:
    if not alpha2:
        return None
    return pycountry.countries.get(alpha_2=alpha2.upper())


def trigger_sentence(text: str | None, event: dict[str, Any]) -> str | None:
    """The sentence of the document that holds the event's trigger: ACLED's ``notes`` in the article's words."""
    trigger = next((e for e in event.get("evidence") or [] if e.get("field") == "trigger"), None)
    if trigger is None:
        return None
    if not text or trigger.get("start") is None or trigger.get("end") is None:
        return trigger.get("text")
    start, end = int(trigger["start"]), int(trigger["end"])
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, max(start, end - 1))
    sentence_start = before[-1] if before else 0
    sentence_end = after.start() + 1 if after else len(text)
    return " ".join(text[sentence_start:sentence_end].split())


def _count(value: dict[str, Any] | None, key: str) -> int | None:
    return (value or {}).get(key)


def acled_row(stored: StoredEvent) -> dict[str, Any]:
    event = stored.event
    actor1, actor2 = event.get("actor1") or {}, event.get("actor2") or {}
    location = event.get("location") or {}
    country = _country(location.get("country"))
    inter1 = inter_code(actor1.get("kind")) if actor1 else None
    inter2 = inter_code(actor2.get("kind")) if actor2 else None
    fatalities = event.get("fatalities")
    best_fatalities = _count(fatalities, "best")
    date = event.get("date")
    stored_at = dt.datetime.fromisoformat(stored.stored_at)
    return {
        "event_id_cnty": f"{country.alpha_3 if country else 'XXX'}{stored.id}",
        "event_date": date,
        "year": int(date[:4]) if date else None,
        "time_precision": event.get("time_precision"),
        "disorder_type": disorder_type(event.get("event_type"), event.get("sub_event_type")),
        "event_type": event.get("event_type"),
        "sub_event_type": event.get("sub_event_type"),
        "actor1": actor1.get("name"),
        "assoc_actor_1": "; ".join(a.get("name") or "" for a in event.get("assoc_actors") or []) or None,
        "inter1": inter1,
        "actor2": actor2.get("name"),
        "assoc_actor_2": None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": civilian_targeting(event.get("event_type"), event.get("sub_event_type"),
                                                 actor2.get("kind")),
        "iso": int(country.numeric) if country else None,
        "region": None,
        "country": acled_country(location.get("country")),
        "admin1": location.get("admin1"),
        "admin2": location.get("admin2"),
        "admin3": None,
        "location": location.get("name"),
        "latitude": location.get("lat"),
        "longitude": location.get("lon"),
        "geo_precision": location.get("geo_precision"),
        "source": stored.document_source,
        "source_scale": None,
        "notes": trigger_sentence(stored.document_text, event),
        "fatalities": best_fatalities if best_fatalities is not None else (_count(fatalities, "low") or 0),
        "tags": None,
        "timestamp": int(stored_at.timestamp()),
        "injured": _count(event.get("injured"), "best"),
        "injured_low": _count(event.get("injured"), "low"),
        "injured_high": _count(event.get("injured"), "high"),
        "fatalities_low": _count(fatalities, "low"),
        "fatalities_best": best_fatalities,
        "fatalities_high": _count(fatalities, "high"),
        "claimed_by": "; ".join(c.get("name") or "" for c in event.get("claimed_by") or []) or None,
        "evidence": json.dumps(event.get("evidence") or [], ensure_ascii=False),
        "confidence": event.get("confidence"),
        "background": bool(event.get("background")),
        "date_end": event.get("date_end"),
        "wirecoder_event_id": event.get("id"),
        "document_id": stored.document_id,
        "document_url": stored.document_url,
        "document_title": stored.document_title,
        "published": stored.document_published,
        "review_status": (stored.review or {}).get("status"),
        "reviewed_fields": "; ".join((stored.review or {}).get("fields") or []) or None,
    }
