"""Loaders for the project's lexicons (data files beside this module), matched on lower-cased lemmas."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class TriggerRule:
    lemmas: tuple[str, ...]
    decision: str  # an ACLED sub-event type, or a decision name (ATTACK, KILL, TERRITORY, ...)
    confidence: float
    priority: int


def _rows(filename: str) -> list[list[str]]:
    path = resources.files("wirecoder.taxonomy") / filename
    with path.open(encoding="utf-8") as handle:
        return [row for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")]


def load_triggers() -> dict[str, list[TriggerRule]]:
    """Trigger rules indexed by their first lemma, longest pattern first."""
    index: dict[str, list[TriggerRule]] = {}
    for pattern, decision, confidence, priority in _rows("triggers.tsv"):
        rule = TriggerRule(tuple(pattern.split()), decision, float(confidence), int(priority))
        index.setdefault(rule.lemmas[0], []).append(rule)
    for rules in index.values():
        rules.sort(key=lambda r: -len(r.lemmas))
    return index


def load_weapons() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for pattern, name in _rows("weapons.tsv"):
        lemmas = tuple(pattern.split())
        index.setdefault(lemmas[0], []).append((lemmas, name))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index
