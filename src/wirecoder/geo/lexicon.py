"""The geoparser's word lists: ``data/words.tsv`` (``list<TAB>word``, or ``list<TAB>key<TAB>value`` for a mapping),
read by the project's one lexicon loader (wirecoder.lexicon) with case kept ("Cairo International" is a name).
Lists are frozen: ``words("locative")`` is a frozenset, ``mapping("cctld")`` a read-only mapping."""
from __future__ import annotations

from collections.abc import Mapping

from ..lexicon import Lexicon, package_lexicon

WORDS_FILE = "data/words.tsv"


def geo_lexicon(filename: str) -> Lexicon:
    """A word-list file of the geoparser (``data/words.tsv``, ``data/chain_words.tsv``, ...), case kept."""
    return package_lexicon("wirecoder.geo", filename, fold_case=False)


def lexicon() -> Lexicon:
    """The shipped word lists (read once per process; the result is immutable)."""
    return geo_lexicon(WORDS_FILE)


def words(name: str) -> frozenset[str]:
    return lexicon().words(name)


def mapping(name: str) -> Mapping[str, str]:
    return lexicon().mapping(name)
