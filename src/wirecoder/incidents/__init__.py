"""Merging reports into incidents: one incident per event as ACLED counts it, however many articles tell it.

docs/incidents.md describes the rules and the `wirecoder.incident/1` record; docs/store.md the reads.
"""
from __future__ import annotations

from .features import Report, ReportDigester, incident_key, report_key
from .merge import Merger, MergeResult
from .options import RULES_VERSION, MergeRules
from .record import SCHEMA, build_record
from .rules import Matcher

__all__ = ["Matcher", "MergeResult", "MergeRules", "Merger", "RULES_VERSION", "Report", "ReportDigester", "SCHEMA",
           "build_record", "incident_key", "report_key"]
