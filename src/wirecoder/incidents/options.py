"""The merge rules' settings: one frozen value, so a rule change is a new value, never a mutated global."""
from __future__ import annotations

from dataclasses import dataclass

RULES_VERSION = "40"  # bump when a rule or a record's making changes what is merged; `merge --db` then rebuilds


@dataclass(frozen=True, kw_only=True)
class MergeRules:
    """When two reports may be one incident (docs/incidents.md explains each setting)."""

    day_slack: int = 0  # days either side of a day-precise date
    imprecise_days: int = 0  # days either side of a date carried over from another sentence (time_precision 2)
    standing_in_days: int = 7  # days before the publication date standing in for an untold date
    max_window_days: int = 10  # a report whose window is longer is too vague to merge
    named_window_days: int = 31  # ... but a past event named at its town ("the Orlando shooting") may reach a month
    point_km: float = 2.0  # two towns or points this close are one place
    near_km: float = 25.0  # "near X" (geo_precision 2) reaches this far
    district_km: float = 30.0  # a district contains what lies this close to its point
    city_km: float = 15.0  # a capital city told at its point holds the towns this close, its districts and suburbs
    region_km: float = 300.0  # a region without a known admin1 name contains what lies this close
    hours_apart: int = 3  # two reports of one day told at parts of it this many hours apart are two acts
    toll_ratio: float = 2.0  # two reports' tolls agree when the larger is at most this many times the smaller
    min_score: int = 4  # the agreement two compatible reports need (docs/incidents.md)
