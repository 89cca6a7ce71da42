"""What the commands show a reader of the records they made: the events at a confidence threshold, and the
records' warnings tallied (code, how many articles, what it means, how to fix it) rather than left inside the
JSON. Records themselves are never changed: the store keeps every event and every warning.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .errors import WARNINGS


def at_confidence(record: dict[str, Any], threshold: float) -> tuple[dict[str, Any], int]:
    """The record with only the events of at least ``threshold`` confidence, and how many were left out. An
    error record, or a threshold of 0, gives the record itself."""
    events = record.get("events")
    if threshold <= 0 or not isinstance(events, list):
        return record, 0
    kept = [event for event in events if float(event.get("confidence") or 0.0) >= threshold]
    if len(kept) == len(events):
        return record, 0
    return {**record, "events": kept}, len(events) - len(kept)


@dataclass
class WarningTally:
    """Warnings of many records: how many articles carry each code, and the first article and message seen."""

    articles: Counter[str] = field(default_factory=Counter)
    first: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (article, its message)

    def add(self, record: dict[str, Any], *, origin: str | None = None) -> None:
        seen: set[str] = set()
        for warning in record.get("warnings") or []:
            code = str(warning.get("code"))
            if code in seen:
                continue
            seen.add(code)
            self.articles[code] += 1
            self.first.setdefault(code, (origin or str(record.get("id")), str(warning.get("message") or "")))

    def merge(self, other: WarningTally) -> None:
        self.articles.update(other.articles)
        for code, example in other.first.items():
            self.first.setdefault(code, example)

    def lines(self) -> list[str]:
        """Readable lines, most frequent code first: code, articles, what it means, the fix, the first case."""
        if not self.articles:
            return []
        lines = ["warnings (the articles were coded; read these events with care):"]
        for code, count in sorted(self.articles.items(), key=lambda item: (-item[1], item[0])):
            spec = WARNINGS.get(code)
            article, message = self.first[code]
            lines.append(f"  {code} in {count} article{'s' if count != 1 else ''}: "
                         f"{spec.summary if spec else message}")
            if spec is not None:
                lines.append(f"    how to fix: {spec.fix}")
            lines.append(f"    e.g. {article}: {message}")
        return lines
