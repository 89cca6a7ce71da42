"""What the store's incident reads take and give back (docs/store.md): typed rows, no SQL."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

IncidentOrder = Literal["date", "-date", "changed"]


@dataclass(frozen=True, kw_only=True)
class IncidentFilter:
    """Filters of incident listings; None means no filter. Dates are the incident's date (`YYYY`,
    `YYYY-MM` or `YYYY-MM-DD`; ``until`` includes the whole month or year given)."""

    since: str | None = None
    until: str | None = None
    country: str | None = None  # ISO code or country name
    admin1: str | None = None  # first-level area's name, any case
    event_type: str | None = None  # ACLED event type or sub-event type, any case
    actor: str | None = None  # part of an actor's name in any report, or an actor kind
    text: str | None = None  # every word in the article of some report (FTS5)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    min_sources: int | None = None
    include_background: bool = True
    changed_after: int | None = None  # only incidents whose last change has a larger log sequence number
    min_confidence: float | None = None  # incidents with a report of at least this confidence (or accepted)


@dataclass(frozen=True)
class StoredReport:
    """One report of an incident: the event as its article's coding gave it (evidence included)."""

    report_key: str
    incident_id: str | None
    event: dict[str, Any]
    document_id: str
    document_url: str | None
    document_title: str | None
    document_source: str | None
    document_published: str | None
    duplicate_copies: tuple[str, ...] = ()  # document ids of near-duplicate copies of its article
    document_text: str | None = None  # only when asked for


@dataclass(frozen=True)
class StoredIncident:
    """An incident: its `wirecoder.incident/1` record, the log sequence numbers of its creation and last
    change, and (when asked for) its reports in the record's order."""

    id: str
    record: dict[str, Any]
    created_seq: int
    changed_seq: int
    reports: tuple[StoredReport, ...] = field(default=())
    requested_id: str | None = None  # the id asked for, when it was an older id of this incident
    changed_at: str | None = None  # when its last change was logged (ISO 8601, UTC)


@dataclass(frozen=True)
class IncidentPage:
    """One page of a listing; pass ``next_cursor`` as ``after`` for the next (None: this was the last)."""

    items: list[StoredIncident]
    next_cursor: str | None


@dataclass(frozen=True)
class IncidentChange:
    """One entry of the incident log: an incident created, updated or removed by a write or a rebuild."""

    seq: int
    incident_id: str
    change: Literal["created", "updated", "removed"]
    figures_changed: bool
    logged_at: str
