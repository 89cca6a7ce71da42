"""What a write did to the incidents (a light module: the store's rows import it without the merger)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MergeResult:
    """What a write did to the incidents: ids created, updated (membership or record changed) and removed
    (absorbed into another incident), and those whose figures (fatalities, injured, number of sources)
    changed or that are new."""

    reports_linked: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    figures_changed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"reports_linked": self.reports_linked, "created": len(self.created), "updated": len(self.updated),
                "removed": len(self.removed), "figures_changed": len(self.figures_changed)}
