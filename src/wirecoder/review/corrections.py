"""What an analyst may say about an event, checked before it is logged.

Three actions: ``accept`` (the coding is right), ``reject`` (with a reason: not an event, a duplicate, history
the article recounts) and ``correct`` (one field, a new value). Values are normalised to the record's own
shapes (docs/record.md), so a corrected event reads exactly like a coded one.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..errors import WirecoderError
from ..taxonomy import ACTOR_KINDS, SUB_EVENT_TYPES

ACTIONS = ("accept", "reject", "correct")
REJECT_REASONS = ("not_an_event", "duplicate", "background")
# the fields a correction may set; "type" sets sub_event_type and, from it, event_type
FIELDS = ("type", "date", "location", "actor1", "actor2", "fatalities", "injured")
TargetKind = Literal["report", "incident"]

_MAX_TEXT = 2_000  # comment and names
_MAX_NAME = 200


@dataclass(frozen=True)
class ReviewInput:
    """One entry for the log: who says what about which event (a report or an incident)."""

    reviewer: str
    action: str
    target_kind: TargetKind = "report"
    document_id: str | None = None  # report key: document id + the event's key in its record
    event_key: str | None = None
    incident_id: str | None = None
    field: str | None = None
    value: Any = None
    reason: str | None = None
    comment: str | None = None

    @property
    def target_key(self) -> str:
        if self.target_kind == "incident":
            return str(self.incident_id)
        return report_target(str(self.document_id), str(self.event_key))


def report_target(document_id: str, event_key: str) -> str:
    """The log's key of a report: its document id and the event's key in the record."""
    return f"{document_id}\x1f{event_key}"


def _fail(message: str) -> WirecoderError:
    return WirecoderError("W073", message)


def _text(value: Any, what: str, *, limit: int = _MAX_NAME, required: bool = True) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise _fail(f"{what} is missing")
        return None
    if not isinstance(value, str):
        raise _fail(f"{what} must be a string")
    if len(value) > limit:
        raise _fail(f"{what} is longer than {limit} characters")
    return value.strip()


def _count(value: Any, field: str) -> dict[str, int | None] | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _fail(f"{field} must be a number of people or {{low, best, high}}")
    if isinstance(value, int):
        value = {"low": value, "best": value, "high": value}
    if not isinstance(value, dict) or set(value) - {"low", "best", "high"}:
        raise _fail(f"{field} must be a number of people or {{low, best, high}}")
    out: dict[str, int | None] = {}
    for key in ("low", "best", "high"):
        number = value.get(key)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int) or not
                                   0 <= number <= 10_000_000):
            raise _fail(f"{field}.{key} must be a whole number from 0 up")
        out[key] = number
    if out["best"] is None:
        raise _fail(f"{field}.best is missing")
    known = [n for n in (out["low"], out["best"], out["high"]) if n is not None]
    if known != sorted(known):
        raise _fail(f"{field} must keep low <= best <= high")
    return out


def _actor(value: Any, field: str) -> dict[str, Any] | None:
    if value is None:
        if field == "actor1":
            raise _fail("actor1 cannot be removed; reject the event instead if no one acted")
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise _fail(f"{field} must be {{name, kind, country}}")
    kind = value.get("kind") or "other"
    if kind not in ACTOR_KINDS:
        raise _fail(f"{field}.kind {kind!r} is not one of {', '.join(ACTOR_KINDS)}")
    country = value.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
        raise _fail(f"{field}.country must be an ISO 3166-1 alpha-2 code")
    return {"name": _text(value.get("name"), f"{field}.name"), "kind": kind,
            "country": country.upper() if country else None, "text": None, "start": None, "end": None}


def _number(value: Any, what: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
            or not low <= value <= high:
        raise _fail(f"{what} must be a number from {low} to {high}")
    return float(value)


def _location(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail("location must be a place {name, lat, lon, country, admin1?, admin2?, geonameid?}")
    country = value.get("country")
    if not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
        raise _fail("location.country must be an ISO 3166-1 alpha-2 code")
    precision = value.get("geo_precision", 1)
    if precision not in (1, 2, 3):
        raise _fail("location.geo_precision must be 1, 2 or 3")
    geonameid = value.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)):
        raise _fail("location.geonameid must be a whole number")
    return {"text": None, "start": None, "end": None, "name": _text(value.get("name"), "location.name"),
            "geonameid": geonameid, "lat": _number(value.get("lat"), "location.lat", -90, 90),
            "lon": _number(value.get("lon"), "location.lon", -180, 180), "country": country.upper(),
            "admin1": _text(value.get("admin1"), "location.admin1", required=False),
            "admin2": _text(value.get("admin2"), "location.admin2", required=False),
            "feature_class": value.get("feature_class") if isinstance(value.get("feature_class"), str) else None,
            "feature_code": value.get("feature_code") if isinstance(value.get("feature_code"), str) else None,
            "geo_precision": precision}


def correction_value(field: str, value: Any) -> Any:
    """The value of a correction in the record's shape, or W073 saying what is wrong with it."""
    if field == "type":
        if not isinstance(value, str) or value not in SUB_EVENT_TYPES:
            raise _fail(f"type {value!r} is not one of ACLED's sub-event types (see docs/taxonomy.md)")
        return value
    if field == "date":
        if not isinstance(value, str) or len(value) != 10:
            raise _fail(f"date {value!r} is not a day like 2024-03-01")
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError as err:
            raise _fail(f"date {value!r} is not a day like 2024-03-01") from err
    if field == "location":
        return _location(value)
    if field in ("actor1", "actor2"):
        return _actor(value, field)
    if field in ("fatalities", "injured"):
        return _count(value, field)
    raise _fail(f"field {field!r} cannot be corrected; one of {', '.join(FIELDS)}")


def check_review(entry: ReviewInput) -> ReviewInput:
    """The entry with its texts trimmed and its value normalised; W073 when any part is wrong."""
    reviewer = _text(entry.reviewer, "reviewer")
    comment = _text(entry.comment, "comment", limit=_MAX_TEXT, required=False)
    if entry.target_kind == "report":
        _text(entry.document_id, "document_id", limit=_MAX_TEXT)
        _text(entry.event_key, "event_key", limit=_MAX_TEXT)
    elif entry.target_kind == "incident":
        _text(entry.incident_id, "incident_id", limit=_MAX_TEXT)
    else:
        raise _fail(f"target kind {entry.target_kind!r} is neither report nor incident")
    if entry.action not in ACTIONS:
        raise _fail(f"action {entry.action!r} is not one of {', '.join(ACTIONS)}")
    field, value, reason = None, None, None
    if entry.action == "reject":
        if entry.reason not in REJECT_REASONS:
            raise _fail(f"a rejection needs a reason, one of {', '.join(REJECT_REASONS)}")
        reason = entry.reason
    elif entry.action == "correct":
        if entry.field is None:
            raise _fail("a correction needs a field")
        field = entry.field
        value = correction_value(field, entry.value)
    return replace(entry, reviewer=reviewer, comment=comment, field=field, value=value, reason=reason)
