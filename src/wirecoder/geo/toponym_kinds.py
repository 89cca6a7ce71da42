"""Which way a toponym is used, for reporting accuracy apart: literally ("in Canada"), as a modifier ("U.S.
officials", "American troops", "Saudi-led") or as a metonym for its government or people ("Washington said",
"Russia's foreign ministry").

Neither public corpus labels this, so the eval reads it from the spaCy parse around each gold span by one rule:
a nationality word, a name hyphened to a lower-case word, or a name that modifies a noun after it (compound or
adjective) is a modifier; the subject of a verb of saying or deciding, or the possessor of a government noun, is
a metonym; anything else is literal. The verbs and nouns are word lists of ``data/words.tsv``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from .lexicon import words
from .wording import HYPHENS

KINDS = ("literal", "modifier", "metonym")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})


def toponym_kind(doc, start: int, end: int, *, nationality_word: Callable[[str], bool]) -> str:
    """The kind of the toponym at character offsets [start, end) of a parsed Doc."""
    text = doc.text
    if nationality_word(text[start:end]):
        return "modifier"
    if text[end:end + 1] in HYPHENS and text[end + 1:end + 2].islower():
        return "modifier"  # "U.S.-led", "Kabul-based"
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "literal"
    root = span.root
    head = root.head
    outside = not (span.start <= head.i < span.end)
    if outside and root.dep_ in _MODIFIER_DEPS and head.i > root.i and head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return "modifier"
    if outside and root.dep_ in _SUBJECT_DEPS and head.lemma_.casefold() in words("metonymy_verbs"):
        return "metonym"
    if outside and root.dep_ == "poss" and head.lemma_.casefold() in words("government_nouns"):
        return "metonym"
    return "literal"


def toponym_kinds(doc, spans: Sequence[tuple[int, int]], *,
                  nationality_word: Callable[[str], bool]) -> list[str]:
    return [toponym_kind(doc, start, end, nationality_word=nationality_word) for start, end in spans]
