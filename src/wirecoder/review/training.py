"""Reviewed events as training data for the event-type classifier, and the coder scored against reviews.

Training lines are the corpus format `wirecoder train` and `wirecoder eval events` read: the sentence that
holds the event's trigger (ACLED's ``notes`` in the article's words) with the reviewed sub-event type; an
event rejected as not an event gives a negative (null types). Rejections as duplicate or background say
nothing about the type and give no line.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import WirecoderError
from ..export.acled import trigger_sentence
from ..store import Database, StoredEvent
from .corrections import FIELDS


def _reviewed_events(db: Database) -> Iterator[tuple[StoredEvent, str, str | None]]:
    """(stored event with reviewed values and text, status, reject reason) of every reviewed report still stored."""
    for document_id, event_key, state in db.reviewed_reports():
        row_id = db.event_row_id(document_id, event_key)
        stored = db.event_by_row(row_id) if row_id is not None else None
        if stored is not None:
            yield stored, state.status, state.reason


def training_examples(db: Database) -> Iterator[dict[str, Any]]:
    """One training line per reviewed event that says something about its type."""
    for stored, status, reason in _reviewed_events(db):
        if status == "rejected" and reason != "not_an_event":
            continue
        text = trigger_sentence(stored.document_text, stored.event)
        if not text:
            continue
        positive = status != "rejected"
        yield {"id": f"{stored.document_id}/{stored.event.get('id')}", "text": text,
               "event_type": stored.event.get("event_type") if positive else None,
               "sub_event_type": stored.event.get("sub_event_type") if positive else None,
               "review_status": status, "document_id": stored.document_id, "event_key": str(stored.event.get("id"))}


@dataclass(frozen=True)
class ReviewScore:
    """How the coder's stored events fare against the analysts' reviews."""

    reviewed: int
    kept: int  # accepted or corrected
    rejected: dict[str, int] = field(default_factory=dict)  # reason -> events
    corrected_fields: dict[str, int] = field(default_factory=dict)  # field -> kept events corrected there

    @property
    def precision(self) -> float:
        """Share of reviewed events that are events (not rejected for any reason)."""
        return self.kept / self.reviewed if self.reviewed else 0.0

    def field_accuracy(self) -> dict[str, float]:
        """Per field, the share of kept events whose coded value no analyst corrected."""
        return {name: (self.kept - self.corrected_fields.get(name, 0)) / self.kept if self.kept else 0.0
                for name in FIELDS}

    def as_dict(self) -> dict[str, Any]:
        return {"reviewed": self.reviewed, "kept": self.kept, "rejected": self.rejected,
                "precision": round(self.precision, 4),
                "field_accuracy": {k: round(v, 4) for k, v in self.field_accuracy().items()},
                "corrected_fields": self.corrected_fields}


def score_reviews(db: Database) -> ReviewScore:
    """The coder's event precision and per-field accuracy on the reviewed events (W078 when there are none)."""
    reviewed = kept = 0
    rejected: Counter = Counter()
    corrected: Counter = Counter()
    for stored, status, reason in _reviewed_events(db):
        reviewed += 1
        if status == "rejected":
            rejected[reason or "unspecified"] += 1
            continue
        kept += 1
        for name in (stored.review or {}).get("fields") or []:
            if stored.coded.get(name) != (stored.review or {}).get("values", {}).get(name):
                corrected[name] += 1
    if not reviewed:
        raise WirecoderError("W078", f"the store {db.path} holds no reviewed events")
    return ReviewScore(reviewed=reviewed, kept=kept, rejected=dict(rejected), corrected_fields=dict(corrected))
