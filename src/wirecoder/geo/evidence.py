"""Whether the words around a candidate name say it is a place (the last step of toponym recognition).

A name the gazetteer knows is a place when a cue calls it one ("the Yemeni capital Sanaa"), when spaCy tags it a
place (GPE, LOC, FAC) or a lone GPE names a prominent or sizeable place, or, for a name spaCy took for an
organisation or a language, when a place preposition stands before a sizeable town or an area's own name ("in
Mayo-Sava"), or before the one-word own name of places of one country, placed as a name no gazetteer knows would
be (``mistagged_place``: "in Kapsowar", a town of 9,000 people tagged an organisation). A name no gazetteer knows is
a place only where the words say it is one.
"""
from __future__ import annotations

from .article_context import Candidate, strong
from .cues import alias_before, apposition_after, cue_before
from .entry_tests import country_initials, prominent
from .mistagged import mistagged_place
from .store import NameKind
from .wording import ROUTE_ENDS, area_word_after, area_word_before, locative_before, people_word_after, previous_word

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", ROUTE_ENDS})  # ROUTE_ENDS: "the Kabul-Kandahar highway"
TAKEN_FOR_NAMES = frozenset({"ORG", "LANGUAGE"})  # "in Congress", "in Belgorod" (a LANGUAGE): a sizeable town only
ORG_MIN_POPULATION = 20_000
CITY_AFTER_OF = 1_000_000
GPE_MIN_POPULATION = 5_000


def has_evidence(doc, text: str, cand: Candidate, *, person_words: set[str]) -> bool:
    """Whether the candidate is taken for a place; sets ``cand.cued`` when the words call it one."""
    named_area = (area_word_after(doc, cand.end_token) is not None or area_word_before(doc, cand.start_token)
                  or people_word_after(doc, cand.end_token))
    span_end = doc[cand.end_token - 1].idx + len(doc[cand.end_token - 1])
    start = doc[cand.start_token].idx
    if cand.entries and (cue_before(text, start) is not None or alias_before(text, start)
                         or apposition_after(text, start, span_end) is not None):
        cand.cued = True  # "the Yemeni capital Sanaa", "the port city Hodeidah": the words call it a place
        return True
    cand.cued = named_area
    if not cand.entries:  # a place spaCy sees but no gazetteer knows: only where the words say it is one
        return locative_before(doc, cand.start_token) or named_area \
            or apposition_after(text, start, span_end) is not None  # "Lolwa, a village on the road"
    if cand.label == "GPE" and cand.end_token - cand.start_token == 1 and not (
            locative_before(doc, cand.start_token) or named_area):
        # spaCy's GPE on a lone word is often a person ("Brunson, a North Carolina native"): without a cue,
        # it takes a prominent place, or a place's own name and a place of some size
        return strong(cand.entries) or prominent(cand.entries) or any(
            e.kind != NameKind.ALTERNATE and (e.feature_class != "P" or e.population >= GPE_MIN_POPULATION)
            for e in cand.entries)
    if cand.label in PLACE_LABELS or cand.label == "PREFIX":
        return True
    if strong(cand.entries):
        return True
    if cand.label == "ORG" and country_initials(doc, cand):
        return True
    if cand.label in TAKEN_FOR_NAMES:  # "in Congress", "to NATO": a preposition alone takes only a sizeable town
        locative = locative_before(doc, cand.start_token)  # "in X", "the shelling of X"
        after_of = not locative and (prev := previous_word(doc, cand.start_token)) is not None \
            and prev.lower_ == "of"
        several = cand.end_token - cand.start_token > 1 and doc[cand.start_token].is_title  # "in Petit-Goave"
        return named_area or ((locative or after_of) and not doc[cand.start_token].is_upper and any(
            (e.kind == NameKind.PRIMARY or several and e.kind == NameKind.ALTERNATE)
            and (e.population >= (CITY_AFTER_OF if after_of else ORG_MIN_POPULATION)
                 or locative and e.feature_code in ("ADM1", "ADM2"))  # "in Mayo-Sava": an area's own name
            for e in cand.entries)) or _one_countrys_own_name(cand) and mistagged_place(
            doc, cand.start_token, cand.end_token, cand.label, person_words=person_words)  # "in Kapsowar"
    return locative_before(doc, cand.start_token) or named_area


def _one_countrys_own_name(cand: Candidate) -> bool:
    """Whether the name is a place's own name (not only another name of it: "Goave" for Petit-Goave) and names
    places of one country only (a village's name borne in two countries waits for the article to name one)."""
    return any(e.kind == NameKind.PRIMARY for e in cand.entries) and len({e.country for e in cand.entries}) == 1
