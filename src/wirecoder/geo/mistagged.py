"""Names spaCy's tagger calls something else, placed by the words around them.

spaCy's small English model tags many towns and villages it has never seen as persons, organisations or
nationalities ("clash in Bashurhat": NORP; "homes around Manguredjipa": ORG), or as no entity at all ("Community
leaders in Isapa"). Where the gazetteer does not know the name either, the words around it say it is a place: a
place preposition before it ("in", "near", "around", "outside", "inside"), which no noun after it makes an adjective
("in Afghan custody") and no "'s" makes an owner ("in Smith's view"); a part or the people of a place and "of" ("the
streets of X", "residents of X"); a site's noun and "at" ("the substation at X"); an attack's noun and "on" ("the
raid on X"); an apposition ("X, a village on the national road").
"""
from __future__ import annotations

from ..lexicon import load_lexicon
from .chains import CHAIN_WORDS_FILE
from .cues import apposition_after
from .lexicon import geo_lexicon
from .wording import AREA_WORDS, COMMON_WORDS, PART_WORDS, SETTLEMENT_WORDS, area_word_before, previous_word

PLACE_PREPOSITIONS = load_lexicon("place_names").words("place_preposition")
SITE_NOUNS = load_lexicon("place_names").words("site_noun")
ATTACK_NOUNS = load_lexicon("place_names").words("attack_on_noun")  # "the raid on Isapa"
# "in Dioungani commune": the geoparser's kinds of areas (chain_words.tsv) and the administrative ones of its area words
AREA_KINDS = geo_lexicon(CHAIN_WORDS_FILE).words("area_kinds") | load_lexicon("place_names").words(
    "area_kind_after_name")
MISTAGGED_LABELS = frozenset({"NORP", "ORG", "PERSON", ""})  # "": a proper noun spaCy tagged as no entity
MIN_NAME_LETTERS = 4
NOUN_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
NOT_NAMES = COMMON_WORDS | AREA_WORDS | SETTLEMENT_WORDS | PART_WORDS  # "in Congress", "in the Municipality of X"


def after_place_preposition(doc, start: int, end: int) -> bool:
    """ "in Nabatieh al-Fawqa" (not "in Smith's view"): a name told where a place is, whatever the tagger says."""
    before = previous_word(doc, start)
    return before is not None and before.lower_ in PLACE_PREPOSITIONS and not (
        end < len(doc) and doc[end].text in ("'s", "’s"))


def mistagged_place(doc, start: int, end: int, label: str, *, person_words: set[str]) -> bool:
    """A name no gazetteer knows, of one word the tagger took for a person, an organisation or a nationality (or
    for no entity: ``label`` ""), right after a place preposition or a part of a place and "of" ("the streets of
    Kfarroummane") and followed by no noun it would qualify, or followed by words that call it a place ("an attack
    on Lolwa, a village on the national road"): a place.

    Not a word of a person's name found elsewhere in the article ("Akar"), nor one written in lower case elsewhere
    (a heading's "in Humans"), not an acronym or a brand ("in BNP", "in BitCoin"), not a common word that also
    names institutions ("in Congress", "in Parliament"); two words are more often a person, a show or a building
    ("near Sidney Crosby", "in Breaking Bad")."""
    if label not in MISTAGGED_LABELS or end - start != 1:
        return False
    word = doc[start]
    if not (word.is_alpha and word.is_title and len(word) >= MIN_NAME_LETTERS):
        return False
    if word.lower_ in NOT_NAMES or word.lower_ in person_words:
        return False
    if apposition_after(doc.text, word.idx, word.idx + len(word)) is not None:
        return True
    if end < len(doc) and doc[end].pos_ in NOUN_TAGS and not _named_area(doc, start, end):
        return False  # "in Afghan custody": an adjective; "in Dioungani commune": an area's name and its kind
    if not (after_place_preposition(doc, start, end) or _noun_then(doc, start, "at", SITE_NOUNS)
            or _noun_then(doc, start, "on", ATTACK_NOUNS) or area_word_before(doc, start)):
        return False  # "in X", "the substation at X", "the streets of X", "residents of X", "the raid on X"
    return not any(t.text == word.lower_ for t in doc)  # "in Humans" of a heading: "humans" elsewhere


def _named_area(doc, start: int, end: int) -> bool:
    """ "in Dioungani commune": the kind word of an administrative area right after the name, with no article before
    the name and no "of" after the kind word, which make the name a descriptor ("in the Andean province of
    Cotopaxi")."""
    after = end + 1 < len(doc) and doc[end + 1].lower_ == "of"
    return doc[end].text in AREA_KINDS and not after and not (start > 0 and doc[start - 1].pos_ == "DET")


def _noun_then(doc, start: int, preposition: str, nouns: frozenset[str]) -> bool:
    """Whether the name follows one of these nouns and the preposition: "the electricity substation at Kabushiya"
    (a site's noun, "at"), "the raid on Isapa" (an attack's noun, "on")."""
    joined = previous_word(doc, start)
    noun = previous_word(doc, joined.i) if joined is not None and joined.lower_ == preposition else None
    return noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in nouns
