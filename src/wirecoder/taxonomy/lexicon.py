"""The trigger and weapon tables (data files beside this module, matched on lower-cased lemmas), read through the
project's one loader (wirecoder.lexicon): a row of the wrong shape is refused with W130 naming its line."""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from ..lexicon import lexicon_error, package_path, read_rows


@dataclass(frozen=True)
class TriggerRule:
    lemmas: tuple[str, ...]
    decision: str  # an ACLED sub-event type, or a decision name (ATTACK, KILL, TERRITORY, ...)
    confidence: float
    priority: int

    @property
    def name(self) -> str:
        """The pattern as the table writes it ("shoot-out")."""
        return " ".join(self.lemmas).replace(" - ", "-")


# the tokenizer splits a hyphen between letters off as its own token: "shoot-out" is matched as "shoot - out"
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def _lemmas(pattern: str) -> tuple[str, ...]:
    """A pattern's tokens as the tokenizer makes them."""
    return tuple(_INNER_HYPHEN.sub(" - ", pattern).split())


def _rows(filename: str, width: int) -> list[tuple[int, list[str]]]:
    rows = read_rows(package_path("wirecoder.taxonomy", filename))
    for number, row in rows:
        if len(row) != width or not all(row):
            raise lexicon_error(filename, number, f"want {width} cells separated by tabs")
    return rows


def load_triggers() -> dict[str, list[TriggerRule]]:
    """Trigger rules indexed by their first lemma, longest pattern first."""
    index: dict[str, list[TriggerRule]] = {}
    for number, (pattern, decision, confidence, priority) in _rows("triggers.tsv", 4):
        try:
            rule = TriggerRule(_lemmas(pattern), decision, float(confidence), int(priority))
        except ValueError:
            raise lexicon_error("triggers.tsv", number, "confidence and priority are numbers") from None
        index.setdefault(rule.lemmas[0], []).append(rule)
    for rules in index.values():
        rules.sort(key=lambda r: -len(r.lemmas))
    return index


def trigger_compounds(*, heads: Collection[str], types: Collection[str]) -> dict[str, str]:
    """The two-word trigger rules that type an act by the word before its noun ("bomb attack", "drone strike"), for a
    noun of ``heads``: "word noun" -> the rule's sub-event type (one of ``types``)."""
    return {" ".join(rule.lemmas): rule.decision for rules in load_triggers().values() for rule in rules
            if len(rule.lemmas) == 2 and rule.lemmas[1] in heads and rule.decision in types}


def load_weapons() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for _, (pattern, name) in _rows("weapons.tsv", 2):
        lemmas = _lemmas(pattern)
        index.setdefault(lemmas[0], []).append((lemmas, name))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index
