"""Word lists and small tables as data: one TSV file a lexicon, one validated loader, frozen results.

A lexicon file ``<name>.tsv`` (in this package) holds lines ``set<TAB>term[<TAB>value]``; ``#`` starts a comment.
``set`` names a group of terms ("fatal_words", "vague_quantities"); ``value`` is optional and, when a set gives
one for any term, it must give one for every term. Terms are compared lower-cased. The loader refuses a term
listed twice in one set (a duplicate or, with two values, a conflict) and a malformed line, naming the file and
line, so a lexicon that drifted is caught by its test and not by a quiet mis-coding.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..errors import WirecoderError


@dataclass(frozen=True)
class Lexicon:
    name: str
    sets: Mapping[str, frozenset[str]]
    values: Mapping[str, Mapping[str, str]]

    def words(self, set_name: str) -> frozenset[str]:
        try:
            return self.sets[set_name]
        except KeyError:
            raise WirecoderError("W130", f"the lexicon {self.name!r} has no set {set_name!r}") from None

    def mapping(self, set_name: str) -> Mapping[str, str]:
        try:
            return self.values[set_name]
        except KeyError:
            raise WirecoderError("W130", f"the lexicon {self.name!r} has no valued set {set_name!r}") from None

    def pattern(self, *set_names: str, ignore_case: bool = True) -> re.Pattern:
        """The terms of the named sets as one pattern matched on word boundaries, longest terms first."""
        terms = sorted({t for name in set_names for t in self.words(name)}, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b",
                          re.IGNORECASE if ignore_case else 0)

    def numbers(self, set_name: str) -> Mapping[str, int]:
        return MappingProxyType({term: int(value) for term, value in self.mapping(set_name).items()})


def lexicon_path(name: str) -> Path:
    return Path(str(resources.files("wirecoder.lexicon") / f"{name}.tsv"))


def lexicon_names() -> list[str]:
    return sorted(p.stem for p in Path(str(resources.files("wirecoder.lexicon"))).glob("*.tsv"))


def load_lexicon(name: str, *, path: str | Path | None = None) -> Lexicon:
    path = Path(path) if path is not None else lexicon_path(name)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError as err:
        raise WirecoderError("W130", f"cannot read the lexicon {path} ({err})") from err
    sets: dict[str, set[str]] = {}
    values: dict[str, dict[str, str]] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or not fields[0].strip() or not fields[1].strip():
            raise WirecoderError("W130", f"{path.name} line {number}: want set<TAB>term[<TAB>value]")
        set_name, term = fields[0].strip(), fields[1].strip().lower()
        terms = sets.setdefault(set_name, set())
        if term in terms:
            raise WirecoderError("W130", f"{path.name} line {number}: {term!r} is listed twice in {set_name!r}")
        terms.add(term)
        if len(fields) == 3:
            values.setdefault(set_name, {})[term] = fields[2].strip()
    for set_name, mapping in values.items():
        if len(mapping) != len(sets[set_name]):
            raise WirecoderError("W130", f"{path.name}: the set {set_name!r} gives values for some terms only")
    return Lexicon(name=name, sets=MappingProxyType({k: frozenset(v) for k, v in sets.items()}),
                   values=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in values.items()}))
