"""The incident record, `wirecoder.incident/1`: one event as ACLED counts it, told by one or more reports.

Built from the reports of one incident, in an order that depends only on the reports (most specific first),
so the same reports give the same record whatever their order of arrival. Nothing a report says is dropped:
merged fields take what the reports agree on, every report is listed in ``sources`` with its keys (its own
event and evidence are one lookup away), every figure is in ``figures`` with who claims it, and every field
the reports disagree on is in ``conflicts``.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .cluster import specificity
from .features import Report, normalise
from .options import RULES_VERSION

SCHEMA = "wirecoder.incident/1"
UNKNOWN_OUTLET = ("unknown outlet", "the outlet")  # the coder's name for an outlet it does not know
CONFLICT_FIELDS = ("event_type", "sub_event_type", "date", "location", "actor1", "actor2", "fatalities", "injured")


@dataclass(frozen=True)
class CopyDetail:
    """A near-duplicate of a report's article (syndicated copy): listed, never counted as a source."""

    document_id: str
    source: str | None
    url: str | None
    published: str | None
    similarity: float | None


@dataclass(frozen=True)
class ReportDetail:
    """What the record needs of one report: its event and its article's metadata."""

    digest: Report
    event: dict[str, Any]
    document_id: str
    source: str | None
    url: str | None
    title: str | None
    published: str | None
    copies: tuple[CopyDetail, ...] = field(default=())

    @property
    def key(self) -> str:
        return self.digest.key


def _claimants(detail: ReportDetail) -> list[str]:
    """Who asserts the report: its claimants' names (the coder names the outlet when no one else asserts it,
    "unknown outlet" when it knows none: the article's document id stands in then)."""
    names = []
    for claim in detail.event.get("claimed_by") or []:
        name = claim.get("name")
        if not name or name in UNKNOWN_OUTLET:
            name = detail.source or detail.document_id
        if name not in names:
            names.append(name)
    return names or [detail.source or detail.document_id]


def _count_value(count: dict[str, Any]) -> int | None:
    for key in ("best", "low", "high"):
        if count.get(key) is not None:
            return int(count[key])
    return None


def _figures(details: list[ReportDetail], name: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """The merged Count and every report's figure. A claimant's later report supersedes its earlier one (a
    rising toll); across claimants ``best`` is the lowest (ACLED's conservative reading), ``low`` the lowest
    and ``high`` the highest figure any current claim gives (UCDP's range)."""
    figures = []
    latest: dict[str, dict[str, Any]] = {}
    for detail in details:
        count = detail.event.get(name)
        if not count or _count_value(count) is None:
            continue
        claimants = _claimants(detail)
        figure = {"field": name, "low": count.get("low"), "best": count.get("best"), "high": count.get("high"),
                  "claimed_by": claimants, "document_id": detail.document_id, "report_key": detail.key,
                  "published": detail.published, "superseded": False}
        figures.append(figure)
        claimant = "; ".join(_fold(c) for c in claimants)
        order = (detail.published or "", detail.key)
        held = latest.get(claimant)
        if held is None or order > (held["published"] or "", held["report_key"]):
            latest[claimant] = figure
    current = {id(f) for f in latest.values()}
    for figure in figures:
        figure["superseded"] = id(figure) not in current
    if not latest:
        return None, figures
    current_figures = list(latest.values())
    best = min(_count_value(f) for f in current_figures)  # type: ignore[type-var]
    low = min(f["low"] if f["low"] is not None else _count_value(f) for f in current_figures)  # type: ignore[type-var]
    high = max(max(v for v in (f["low"], f["best"], f["high"]) if v is not None) for f in current_figures)
    return {"low": low, "best": best, "high": high}, figures


def _conflict_value(detail: ReportDetail, name: str) -> Any:
    event = detail.event
    if name in ("actor1", "actor2"):  # an unidentified stand-in names no one: it disagrees with no one
        actor = event.get(name) or {}
        return actor.get("name") if actor.get("text") is not None else None
    if name == "location":
        return (event.get("location") or {}).get("name")
    if name in ("fatalities", "injured"):
        return _count_value(event.get(name) or {}) if event.get(name) else None
    if name == "date":
        return event.get("date") if not event.get("date_end") else f"{event.get('date')}/{event.get('date_end')}"
    return event.get(name)


def _conflicts(details: list[ReportDetail]) -> list[dict[str, Any]]:
    """Fields the reports give different values for (a report that gives none does not disagree)."""
    conflicts: list[dict[str, Any]] = []
    if len(details) == 1:
        return conflicts
    for name in CONFLICT_FIELDS:
        values = [(detail, _conflict_value(detail, name)) for detail in details]
        given = [(detail, value) for detail, value in values if value is not None]
        if len({value for _, value in given}) > 1:
            conflicts.append({"field": name, "values": [
                {"value": value, "claimed_by": _claimants(detail), "document_id": detail.document_id,
                 "report_key": detail.key} for detail, value in given]})
    return conflicts


def _fold(text: str | None) -> str:
    """The key two spellings of a value share for a vote: case and spacing aside."""
    return " ".join((text or "").casefold().split())


def _vote(details: list[ReportDetail], value_of: Any) -> ReportDetail:
    """The report whose value most reports give; ties go to the most specific report (details are sorted)."""
    if len(details) == 1:
        return details[0]
    counts = Counter(value_of(d) for d in details if value_of(d) is not None)
    if not counts:
        return details[0]
    top = max(counts.values())
    return next(d for d in details if value_of(d) is not None and counts[value_of(d)] == top)


def _actor(details: list[ReportDetail], role: str) -> dict[str, Any] | None:
    """The party most reports name in this role; a named party over an unidentified stand-in."""
    lead = details[0]
    named = [d for d in details if (d.event.get(role) or {}).get("text") is not None]
    if named:
        return _vote(named, lambda d: _fold((d.event.get(role) or {}).get("name"))).event.get(role)
    return lead.event.get(role)


def _sources(details: list[ReportDetail]) -> list[dict[str, Any]]:
    sources = []
    for detail in details:
        sources.append({"source": detail.source, "url": detail.url, "published": detail.published,
                        "document_id": detail.document_id, "event_id": detail.event.get("id"),
                        "report_key": detail.key, "claimed_by": _claimants(detail), "copy_of": None})
        for copy in detail.copies:
            sources.append({"source": copy.source, "url": copy.url, "published": copy.published,
                            "document_id": copy.document_id, "event_id": None, "report_key": None,
                            "claimed_by": [], "copy_of": detail.document_id})
    return sources


def number_of_sources(details: list[ReportDetail]) -> int:
    """Independent sources: distinct outlets among the reports' articles (an article without an outlet counts
    as one); near-duplicate copies never count."""
    return len({normalise(d.source) if d.source else f"\0{d.document_id}" for d in details})


def build_record(key: str, reports: list[ReportDetail]) -> dict[str, Any]:
    """The `wirecoder.incident/1` record of the reports of one incident."""
    details = sorted(reports, key=lambda d: specificity(d.digest))
    # the reports that tell it decide the merged fields; those that only name it as past ("the Orlando shooting":
    # background) decide only an incident no report tells, and are listed, with their figures, like every report
    voters = [d for d in details if not d.event.get("background")] or details
    lead = voters[0]
    dated = min(voters, key=lambda d: (d.event.get("time_precision") or 3, specificity(d.digest)))
    typed = _vote(voters, lambda d: d.event.get("sub_event_type"))
    level = lead.digest.place.level if lead.digest.place is not None else None
    placed = _vote([d for d in voters if d.digest.place is not None and d.digest.place.level == level] or voters,
                   lambda d: _fold((d.event.get("location") or {}).get("name")))
    clearest = max(voters, key=lambda d: (d.event.get("confidence") or 0.0, -voters.index(d)))
    fatalities, fatality_figures = _figures(details, "fatalities")
    injured, injured_figures = _figures(details, "injured")
    sources = _sources(details)
    published = sorted(s["published"] for s in sources if s["published"])
    assoc: dict[str, dict[str, Any]] = {}
    for detail in details:
        for actor in detail.event.get("assoc_actors") or []:
            assoc.setdefault(_fold(actor.get("name")), actor)
    return {
        "schema": SCHEMA,
        "id": key,
        "event_type": typed.event.get("event_type"),
        "sub_event_type": typed.event.get("sub_event_type"),
        "date": dated.event.get("date"),
        "date_end": dated.event.get("date_end"),
        "time_precision": dated.event.get("time_precision"),
        "location": placed.event.get("location"),
        "actor1": _actor(voters, "actor1"),
        "actor2": _actor(voters, "actor2"),
        "assoc_actors": list(assoc.values()),
        "fatalities": fatalities,
        "injured": injured,
        "figures": fatality_figures + injured_figures,
        "background": all(bool(d.event.get("background")) for d in details),
        "sources": sources,
        "number_of_sources": number_of_sources(details),
        "number_of_reports": len(details),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "conflicts": _conflicts(details),
        "reports": [d.key for d in details],
        "clearest_report": clearest.key,
        "merge_rules": RULES_VERSION,
        "review": None,
    }


def figures_of(record: dict[str, Any]) -> tuple[Any, ...]:
    """What an alert compares to tell that an incident's figures changed."""
    return (record.get("fatalities"), record.get("injured"), record.get("number_of_sources"))
