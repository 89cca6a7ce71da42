"""Tests on the gazetteer entries of a name that recognition weighs: prominence, country initials, the areas of a
name written with its area word."""
from __future__ import annotations

from .names import name_key
from .store import Entry, Gazetteer, NameKind
from .wording import AREA_WORDS

PROMINENT_CODES = frozenset({"PCLI", "CONT", "RGN", "ADM1"})
PROMINENT_POPULATION = 100_000
INITIALS_MIN_POPULATION = 1_000_000


def with_areas_of_the_bare_name(gazetteer: Gazetteer, text: str,
                                entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """ "Karak district" is an area some gazetteer row is named in full (Pakistan's Karak District) and any area
    named Karak (Jordan's governorate): the text's area word is no part of a name only."""
    words = name_key(text).split()
    if len(words) < 2 or words[-1] not in AREA_WORDS:
        return entries
    known = {e.place_id for e in entries}
    bare = " ".join(words[:-1])
    # an area the gazetteer knows by the text's full name, its own name with its kind word ("Plateau State" for
    # Nigeria's Plateau), is named as well as by its own name: before an area of that name of another kind
    # (Benin's Plateau department)
    entries = tuple(e._replace(kind=NameKind.PRIMARY) if e.kind == NameKind.ALTERNATE and e.feature_class == "A"
                    and name_key(e.name) == bare else e for e in entries)
    # a nationality word is no area's name: the "Korean Peninsula" is not South Korea
    areas = tuple(e for e in gazetteer.lookup(bare) if e.feature_class == "A"
                  and e.place_id not in known and e.kind not in (NameKind.ABBREVIATION, NameKind.DEMONYM))
    if any(e.feature_class == "A" and name_key(e.name) == bare for e in entries):
        # an area known by the text's full name ("Northern State": Sudan's) goes before areas that only share its
        # bare name (Israel's Northern District), unless the article's context says otherwise
        areas = tuple(e._replace(kind=NameKind.ALTERNATE) if e.kind == NameKind.PRIMARY else e for e in areas)
    return entries + areas


def country_initials(doc, cand) -> bool:
    """ "the DPRK", "the KSA": a country's initials after "the", which spaCy takes for an organisation's; not a small
    territory's ("the ATF" is a US bureau, not the French Southern Territories)."""
    text = doc[cand.start_token:cand.end_token].text
    prev = doc[cand.start_token - 1] if cand.start_token > 0 else None
    return (prev is not None and prev.lower_ == "the" and text.isupper() and sum(c.isalpha() for c in text) >= 3
            and any(e.feature_code == "PCLI" and e.kind == NameKind.ABBREVIATION
                    and e.population >= INITIALS_MIN_POPULATION for e in cand.entries))


def prominent(entries: tuple[Entry, ...]) -> bool:
    """A country, continent, region, first-level area or big city: a place that organisations are named after."""
    return any(e.kind != NameKind.DEMONYM and (e.feature_code in PROMINENT_CODES or (
        e.feature_class == "P" and e.population >= PROMINENT_POPULATION)) for e in entries)


def not_a_town_by_another_name(entries: tuple[Entry, ...], word_after: str,
                               feature_words: frozenset[str]) -> tuple[Entry, ...]:
    """ "the Boni forest": a name before a natural feature's word names the feature; a town known by that name only
    as one of its other names (Bonn, once "Boni") is not it, while a town's own name stays (the Kabul river runs
    by Kabul). With none left, the name is one the gazetteer lacks, placed by its context."""
    if word_after.title() not in feature_words:
        return entries
    return tuple(e for e in entries if e.feature_class != "P" or e.kind == NameKind.PRIMARY)
