"""Where a place's name ends when spaCy's entity and the name disagree: a name that runs on past the entity over a
hyphen or a lower-case particle ("Ivano" + "-Frankivsk", "Port" + "of Spain", "Kut" + "e Abdollah"), and an
alternate name that only opens a longer name no gazetteer knows ("Let" of "Let Yet Kone"), and two names cut at
"and" that are one area's ("Jammu" + "and" + "Kashmir")."""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from ..lexicon import load_lexicon
from .store import Entry, NameKind
from .wording import (AREA_WORDS, DIRECTION_WORDS, HYPHENS, MONTH_WORDS, PART_WORDS, SERVED_PLACE_WORDS,
                      SETTLEMENT_WORDS, WEEKDAY_WORDS)

MAX_EXTRA_TOKENS = 4
MAX_AND_WORDS = 3  # words after "and" an area's name may run to ("Kohgiluyeh and Boyer-Ahmad")
SPLIT_NAME_CITY_POPULATION = 100_000  # a city this big still holds the longer name it opens ("Aleppo Central Prison")
_WORDS = load_lexicon("place_names")
JOINING_PARTICLES = _WORDS.words("joining_particle")
PART_NAME_OPENERS = _WORDS.words("part_name_opener")
PLACE_KIND_WORDS = AREA_WORDS | SETTLEMENT_WORDS | DIRECTION_WORDS | PART_WORDS | SERVED_PLACE_WORDS


def name_past_entity(doc, start: int, end: int,
                     lookup: Callable[[int, int], tuple[Entry, ...]]) -> tuple[int, tuple[Entry, ...]]:
    """The longest place's own name that begins with the entity at [start, end) and runs on over a hyphen written
    without spaces or a lower-case particle, then capitalised words ("Ivano-Frankivsk" tagged "Ivano", "Port of
    Spain" tagged "Port" and "Spain city"): (its end, its entries); (end, ()) when there is none."""
    if end >= len(doc) or not _joins(doc, end):
        return end, ()
    best: tuple[int, tuple[Entry, ...]] = (end, ())
    stop = end
    while stop < min(len(doc), end + MAX_EXTRA_TOKENS):
        if _joins(doc, stop):
            stop += 1
            continue
        if not (doc[stop].is_alpha and doc[stop].text[:1].isupper()):
            break
        stop += 1
        entries = tuple(e for e in lookup(start, stop) if e.kind == NameKind.PRIMARY)
        if entries:
            best = (stop, entries)
    return best


def _joins(doc, i: int) -> bool:
    tok = doc[i]
    if tok.text in HYPHENS:
        return not doc[i - 1].whitespace_ and not tok.whitespace_
    return tok.lower_ in JOINING_PARTICLES and tok.is_lower


def opens_a_longer_name(doc, cand) -> bool:
    """ "Let" of "Let Yet Kone", "Port" of "Port-au-Prince": a place's alternate name that opens a longer name no
    gazetteer knows (capitals or a hyphen follow at once) is no toponym by itself; nor is a place's own name that a
    capitalised word other than a kind of place or a direction follows ("Boko" of "Boko Haram": a group's
    name, as places inside organisations' names are left out), though "Kano State" or "Khartoum North" is one."""
    if cand.end_token >= len(doc):
        return False
    last, after = doc[cand.end_token - 1], doc[cand.end_token]
    own = any(e.kind == NameKind.PRIMARY for e in cand.entries)
    if after.text in HYPHENS and not last.whitespace_:
        return not own
    capitalised = bool(last.whitespace_) and after.is_alpha and after.text[:1].isupper() and not after.is_sent_start
    return capitalised and (not own or after.lower_ not in PLACE_KIND_WORDS)


def opens_a_split_name(doc, start: int, end: int, label: str, entries: tuple[Entry, ...]) -> bool:
    """ "Colonia" + "Hogar Moderno": a place entity that spaCy split from the rest of its name, read as a person's
    (the next word, capitalised, no kind of place, direction or day, opens a PERSON entity), is no toponym by
    itself: a Mexican neighbourhood is not Uruguay's Colonia. (A country or state before an organisation's
    name, "U.S. Centers for Disease Control", "California Highway Patrol", is the place it names.) A
    big city of that name keeps it, as it holds the longer name ("Aleppo" + "Central Prison"; not Köln, also
    called "Colonia"). A word that opens the names of a town's parts ("Colonia Agua Blanca": PART_NAME_OPENERS)
    needs no PERSON after it, whatever entity spaCy put it in."""
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return False
    after = doc[end]
    if not (after.is_alpha and after.text[:1].isupper()) or after.is_sent_start or \
            after.lower_ in PLACE_KIND_WORDS | MONTH_WORDS | WEEKDAY_WORDS:
        return False
    if doc[start:end].text.casefold() in PART_NAME_OPENERS:
        return True
    if label not in ("GPE", "LOC") or not any(ent.start == end and ent.label_ == "PERSON" for ent in doc.ents):
        return False
    return not any(e.kind == NameKind.PRIMARY and e.feature_class == "P"
                   and (e.feature_code == "PPLC" or e.population >= SPLIT_NAME_CITY_POPULATION) for e in entries)


def names_joined_by_and(doc, cands: list, lookup: Callable[[int, int], tuple[Entry, ...]]) -> list:
    """The candidates in text order, a name and the words after "and" joined when the gazetteer knows the whole as an
    area's name ("Jammu and Kashmir", "Sistan and Baluchestan", "Bosnia and Herzegovina"): the area, not a town and
    a region, nor a person and another ("the people of Sistan and Baluchestan"). A list of two places stays two."""
    out: list = []
    joined_to = -1
    for cand in sorted(cands, key=lambda c: c.start_token):
        if cand.start_token < joined_to:
            continue  # the second name of an area joined to the first
        end = cand.end_token
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].text[:1].isupper():
            for stop in range(end + 2, min(end + 2 + MAX_AND_WORDS, len(doc) + 1)):
                areas = tuple(e for e in lookup(cand.start_token, stop) if e.feature_class == "A")
                if areas:
                    cand, joined_to = dataclasses.replace(cand, end_token=stop, entries=areas, label="GPE"), stop
                    break
        out.append(cand)
    return out
