"""Merging reports into incidents: one incident per event as ACLED counts it, however many articles tell it.

docs/incidents.md describes the rules and the `wirecoder.incident/1` record; docs/store.md the reads. The
names below are imported on first use, so that the store's light modules (which need only MergeResult) do
not load the merger.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Matcher": "rules", "MergeResult": "result", "MergeRules": "options", "Merger": "merge",
    "RULES_VERSION": "options", "Report": "features", "ReportDigester": "features", "SCHEMA": "record",
    "build_record": "record", "incident_key": "features", "report_key": "features",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
