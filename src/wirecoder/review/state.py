"""A target's review log folded into one state, and that state laid over the coder's event.

The fold is a pure function of the log in order: the latest accept or reject decides the status, the latest
correction of each field decides that field. Laying the state over an event returns a new event with the
reviewed values and the coder's own values of every changed field beside it; the coder's event is never
changed, so re-coding an article and laying the same reviews over the new coding is always possible.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..taxonomy import event_type_of


@dataclass(frozen=True)
class LoggedReview:
    """One entry of the log as stored."""

    id: int
    reviewer: str
    reviewed_at: str
    action: str
    field: str | None = None
    old_value: Any = None
    new_value: Any = None
    reason: str | None = None
    comment: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "reviewer": self.reviewer, "reviewed_at": self.reviewed_at, "action": self.action,
                "field": self.field, "old": self.old_value, "new": self.new_value, "reason": self.reason,
                "comment": self.comment}


@dataclass(frozen=True)
class ReviewState:
    """What the log says now: ``status`` is accepted, rejected, corrected (corrections, no decision)."""

    status: str
    reason: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # field -> reviewed value
    reviews: int = 0
    reviewers: tuple[str, ...] = ()
    last_reviewed_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "reason": self.reason, "fields": sorted(self.fields),
                "values": self.fields, "reviews": self.reviews, "reviewers": list(self.reviewers),
                "last_reviewed_at": self.last_reviewed_at}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ReviewState":
        return cls(status=data["status"], reason=data.get("reason"), fields=dict(data.get("values") or {}),
                   reviews=int(data.get("reviews") or 0), reviewers=tuple(data.get("reviewers") or ()),
                   last_reviewed_at=data.get("last_reviewed_at"))


def fold_reviews(log: list[LoggedReview]) -> ReviewState | None:
    """The state a log (oldest first) leaves; None for an empty log."""
    if not log:
        return None
    decision: str | None = None
    reason: str | None = None
    fields: dict[str, Any] = {}
    reviewers: list[str] = []
    for entry in log:
        if entry.reviewer not in reviewers:
            reviewers.append(entry.reviewer)
        if entry.action == "accept":
            decision, reason = "accepted", None
        elif entry.action == "reject":
            decision, reason = "rejected", entry.reason
        elif entry.action == "correct" and entry.field:
            fields[entry.field] = entry.new_value
    status = decision or "corrected"
    return ReviewState(status=status, reason=reason, fields=fields, reviews=len(log), reviewers=tuple(reviewers),
                       last_reviewed_at=log[-1].reviewed_at)


def field_value(event: dict[str, Any], name: str) -> Any:
    """The event's value of a correctable field (``type`` is the sub-event type)."""
    if name == "type":
        return event.get("sub_event_type")
    return event.get(name)


def apply_review(event: dict[str, Any], state: ReviewState | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(event with the reviewed values, the coder's values of the fields the review changed)."""
    if state is None or not state.fields:
        return event, {}
    shown = dict(event)
    coded: dict[str, Any] = {}
    for name, value in state.fields.items():
        coded[name] = field_value(event, name)
        if name == "type":
            shown["sub_event_type"] = value
            shown["event_type"] = event_type_of(value)
            coded["event_type"] = event.get("event_type")
        else:
            shown[name] = value
    return shown, coded
