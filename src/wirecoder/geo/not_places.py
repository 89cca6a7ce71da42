"""Names that look like a place's but are not one where they stand: a group's initials, a currency.

Recognition asks these before it weighs a candidate's cues; each test reads the candidate's own words and the word
after it, and the gazetteer entries the name has.
"""
from __future__ import annotations

from collections.abc import Callable

from ..lexicon import load_lexicon
from .countries import COUNTRY_CODES
from .cues import item_label_at
from .store import Entry, NameKind
from .wording import BRACKETED_NAME_PARTS, CURRENCY_WORDS

FIELD_LABELS = load_lexicon("place_names").words("field_label")
# a land's word after a country's name ("the Jordan Valley"): the name of that land, not the country
NATURAL_AREA_WORDS = load_lexicon("place_names").words("natural_area_word")


def initials_of_no_place(text: str, entries: tuple[Entry, ...]) -> bool:
    """ "IS", "SA": two or three capitals that are the initials of no place the name can be ("US" of United
    States, "DRC", "UAE") and no place's abbreviation ("NSW"), only some place's name or short form written in
    capitals ("Is", "Is-sur-Tille"): a group's or an office's initials."""
    letters = text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 3) or not entries:
        return False
    return not any(e.kind == NameKind.ABBREVIATION or _initials(e.name) == letters for e in entries)


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())


def names_a_countrys_land(doc, end_token: int, entries: tuple[Entry, ...]) -> bool:
    """ "the Niger river", "the Congo basin": a country's name before a lower-case word of land or water names the
    river or the land, not the country (a capitalised one, "the Jordan Valley", is read with the name)."""
    return end_token < len(doc) and doc[end_token].text in NATURAL_AREA_WORDS \
        and any(e.feature_code in COUNTRY_CODES for e in entries)


def names_a_currency(doc, end_token: int) -> bool:
    """ "the US dollar exchange rate": a currency named after its country, not a place."""
    return end_token < len(doc) and doc[end_token].lower_ in CURRENCY_WORDS


def part_of_a_name_in_brackets(doc, start_token: int, end_token: int) -> bool:
    """ "Kamrup (Metro)", "Bengaluru (Urban)": a word in brackets right after a name that is part of an area's
    official name, not a place that holds it."""
    return end_token - start_token == 1 and start_token >= 2 and end_token < len(doc) \
        and doc[start_token - 1].text == "(" and doc[end_token].text == ")" \
        and doc[start_token - 2].text[:1].isupper() and doc[start_token].text in BRACKETED_NAME_PARTS


def labels_a_field(doc, start_token: int, end_token: int) -> bool:
    """ "Location: Central qat market, Qataba town": a field's label opening a line of a structured note (an incident
    note, a situation report), not a place the gazetteer lacks."""
    if end_token - start_token != 1 or doc[start_token].lower_ not in FIELD_LABELS:
        return False
    token = doc[start_token]
    return item_label_at(doc.text, token.idx, token.idx + len(token))


GROUP_NAME_WORDS = 6  # the longest group name looked for around a candidate, in words


def inside_a_group_name(doc, start: int, end: int, entries: tuple[Entry, ...],
                        is_group_name: Callable[[str], bool]) -> bool:
    """ "Islamic State Khorasan Province", "Islamic State Sahel Province": a place's name that, with the words
    around it, is an armed group's name (the tagger split the group's name): the group, not where anything is. A
    country's name stays a place ("U.S. Army", "Sudan People's Liberation Army": whose forces they are)."""
    if any(e.feature_code in COUNTRY_CODES for e in entries):
        return False
    for first in range(max(0, end - GROUP_NAME_WORDS), start + 1):
        for last in range(end, min(len(doc), first + GROUP_NAME_WORDS) + 1):
            if (first, last) != (start, end) and doc[first].text[:1].isupper() and is_group_name(doc[first:last].text):
                return True
    return False
