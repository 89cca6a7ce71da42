"""The geoparser's word lists, read from one data file (``data/words.tsv``) by one validated loader.

Each row is ``list<TAB>word`` (a set of words) or ``list<TAB>key<TAB>value`` (a mapping). Loading refuses a
word listed twice in one list and a key given two values, so a list cannot drift into two copies of itself.
Lists are frozen: ``words("locative")`` is a frozenset, ``mapping("cctld")`` a read-only mapping.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

WORDS_FILE = "data/words.tsv"


class LexiconError(ValueError):
    """A malformed word-list file: a duplicate word, a key with two values, a row of the wrong shape."""


@dataclass(frozen=True)
class Lexicon:
    sets: Mapping[str, frozenset[str]]
    mappings: Mapping[str, Mapping[str, str]]

    def words(self, name: str) -> frozenset[str]:
        try:
            return self.sets[name]
        except KeyError:
            raise KeyError(f"{WORDS_FILE} has no word list {name!r}") from None

    def mapping(self, name: str) -> Mapping[str, str]:
        try:
            return self.mappings[name]
        except KeyError:
            raise KeyError(f"{WORDS_FILE} has no mapping {name!r}") from None


def parse_lexicon(lines: Iterable[str], *, source: str = WORDS_FILE) -> Lexicon:
    """Read rows into frozen lists, refusing duplicates and conflicts (LexiconError names the line)."""
    sets: dict[str, set[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) not in (2, 3) or any(f != f.strip() or not f for f in fields):
            raise LexiconError(f"{source}:{number}: expected list<TAB>word or list<TAB>key<TAB>value, got {line!r}")
        name, word = fields[0], fields[1]
        if len(fields) == 2:
            if name in maps:
                raise LexiconError(f"{source}:{number}: {name!r} is a mapping elsewhere; this row has no value")
            bucket = sets.setdefault(name, set())
            if word in bucket:
                raise LexiconError(f"{source}:{number}: {word!r} is listed twice in {name!r}")
            bucket.add(word)
        else:
            if name in sets:
                raise LexiconError(f"{source}:{number}: {name!r} is a word list elsewhere; this row has a value")
            table = maps.setdefault(name, {})
            if word in table:
                kind = "listed twice" if table[word] == fields[2] else f"given two values ({table[word]!r})"
                raise LexiconError(f"{source}:{number}: {word!r} is {kind} in {name!r}")
            table[word] = fields[2]
    return Lexicon(sets=MappingProxyType({k: frozenset(v) for k, v in sets.items()}),
                   mappings=MappingProxyType({k: MappingProxyType(dict(v)) for k, v in maps.items()}))


@functools.cache
def lexicon() -> Lexicon:
    """The shipped word lists (read once per process; the result is immutable)."""
    text = resources.files(__package__).joinpath(WORDS_FILE).read_text(encoding="utf-8")
    return parse_lexicon(text.splitlines())


def words(name: str) -> frozenset[str]:
    return lexicon().words(name)


def mapping(name: str) -> Mapping[str, str]:
    return lexicon().mapping(name)
