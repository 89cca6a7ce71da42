"""What the rest of an article says about a candidate toponym: a name listed beside an accepted place is a place;
a person-like word abroad stays a person; a proper noun naming a sizeable town of a country the article names is
that town. Recognition (recognize.py) first accepts candidates by the words around them, then applies these."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .entry_tests import prominent
from .lexicon import words
from .names import close_spellings, name_key
from .store import Entry, NameKind
from .wording import LIST_JOINERS, locative_before

STRONG_CODES = frozenset({"PCLI", "CONT", "RGN"})
NAMED_COUNTRY_MIN_POPULATION = 20_000
NAMED_COUNTRY_ALTERNATE_POPULATION = 50_000
BIG_CITY_POPULATION = 500_000  # a lone word spaCy calls a person that names a city this big is the city
MIN_ROMANISATION_LENGTH = 7
NAME_ARTICLES = words("arabic_articles")  # "al" in "Nabatieh al-Fawqa": a name's word, not a common one
RESPELLED_PREFIX = 4  # letters a name and its other spelling share at the start ("Beletweyne", "Belet Weyne")


@dataclass
class Candidate:
    """A stretch of tokens that may be a place, with the gazetteer entries its name matches; recognition sets
    ``accepted`` once the words around it or the rest of the article say it is one."""

    start_token: int
    end_token: int
    entries: tuple[Entry, ...]
    label: str
    accepted: bool = False
    cued: bool = False  # the words around it call it a place ("the capital X", "X district"): no person filter


NamesOpening = Callable[[str, str], tuple[tuple[str, Entry], ...]]  # (key prefix, country) -> (key, entry) pairs


def read_in_article(doc, cands: list[Candidate], *, nationalities: set[str], person_words: set[str],
                    names_opening: NamesOpening | None = None) -> None:
    """What the rest of the article says of candidates the words around them accepted or not, in this order: a
    person-like word abroad stays a person, a name listed beside a place is one, a name the gazetteer lacks as
    written is a town of a country the article names spelled another way, a proper noun of a country the article
    names is its place, and a name accepted once is accepted everywhere."""
    drop_persons_abroad(cands, nationalities)
    accept_lists(doc, cands)
    if names_opening is not None:
        respell_in_named_countries(doc, cands, names_opening)
    accept_in_named_countries(doc, cands)
    accept_big_cities_of_named_countries(doc, cands, nationalities=nationalities, person_words=person_words)
    accept_named_again(doc, cands, person_words)


def without_nested(cands: list[Candidate]) -> list[Candidate]:
    """The candidates that lie inside no longer one: "Bissau" of "Guinea-Bissau" is no place of its own there."""
    return [c for c in cands if not any(o.start_token <= c.start_token and c.end_token <= o.end_token
                                        and o.end_token - o.start_token > c.end_token - c.start_token for o in cands)]


def accept_lists(doc, cands: list[Candidate]) -> None:
    """Accept a candidate listed next to an accepted place ("X, Y and Z"): one sweep each way carries
    acceptance along a whole list."""
    def linked(left: Candidate, right: Candidate) -> bool:
        between = doc[left.end_token:right.start_token]
        return bool(left.entries and right.entries) and 0 < len(between) <= 3 and all(
            t.lower_ in LIST_JOINERS for t in between) and not (acronym(doc, left) or acronym(doc, right))

    pairs = list(zip(cands, cands[1:]))
    for left, right in pairs:
        if left.accepted and not right.accepted and linked(left, right):
            right.accepted = True
    for left, right in reversed(pairs):
        if right.accepted and not left.accepted and linked(left, right):
            left.accepted = True


def drop_persons_abroad(cands: list[Candidate], nationalities: set[str]) -> None:
    """A word spaCy calls a person, taken for a place only by a preposition ("from Obama"), stays a person
    when none of its places lies in a country the article names, outright, by an area of it, or by its
    nationality word ("Ukrainian drones" names Ukraine for "shelled Kherson")."""
    named = named_countries(cands) | countries_of_named_areas(cands) | nationalities
    if not named:
        return
    for cand in cands:
        if cand.accepted and cand.label == "PERSON" and not cand.cued and not strong(cand.entries) and not any(
                e.country in named for e in cand.entries) and not (
                cand.end_token - cand.start_token >= 2 and prominent(cand.entries)):
            cand.accepted = False  # but "bombed a house in Khan Younis": a city's two-word name is no person's


def accept_in_named_countries(doc, cands: list[Candidate]) -> None:
    """Accept a proper noun naming a sizeable town or an area of a country the article names as a place
    ("Syria ... Don't forget Aleppo!"), or any town of it after a locative ("KANO, Nigeria - ... killed five
    villagers in Gajiram"): the article's own countries make that reading the likely one."""
    named = named_countries(cands)
    if not named:
        return
    for cand in cands:
        if cand.accepted or cand.label not in ("", "ORG", "NORP"):
            continue  # a lone word spaCy calls a person is more often a person ("Clinton") than a town
        words = doc[cand.start_token:cand.end_token]
        if any(t.pos_ != "PROPN" or not t.is_title or len(t) < 3 for t in words):
            continue
        key = name_key(words.text)
        located = locative_before(doc, cand.start_token)  # "in Gajiram": a village of the article's country
        cand.accepted = any(e.country in named and (e.kind == NameKind.PRIMARY and (
            (e.feature_class == "P" and (located or e.population >= NAMED_COUNTRY_MIN_POPULATION))
            or e.feature_code in ("ADM1", "ADM2")) or (
            # another romanisation of a sizeable town ("Kostiantynivka" for Kostyantynivka), or of any town after a
            # locative ("in Arbinda" for Aribinda)
            e.kind == NameKind.ALTERNATE and e.feature_class == "P" and len(key) >= MIN_ROMANISATION_LENGTH and (
                located or e.population >= NAMED_COUNTRY_ALTERNATE_POPULATION)
            and close_spellings(key, name_key(e.name)))) for e in cand.entries)


def accept_big_cities_of_named_countries(doc, cands: list[Candidate], *, nationalities: set[str],
                                         person_words: set[str]) -> None:
    """Accept a lone word spaCy calls a person that is the own name of a city of BIG_CITY_POPULATION people or more
    (or a close spelling of it) of a country the article names, outright or by its nationality word, when no person
    of the article bears the name ("Zaporizhzhia declared Friday a day of mourning ... The Ukrainian air force
    said"): a city that big is what the word names, not a person ("Jackson", 170,000 people, stays a surname)."""
    named = named_countries(cands) | nationalities
    for cand in cands:
        word = doc[cand.start_token]
        if cand.accepted or cand.label != "PERSON" or cand.end_token - cand.start_token != 1 or not word.is_title \
                or word.lower_ in person_words:
            continue
        cand.accepted = any(e.country in named and e.feature_class == "P" and e.population >= BIG_CITY_POPULATION
                            and (e.kind == NameKind.PRIMARY or e.kind == NameKind.ALTERNATE and close_spellings(
                                word.lower_, name_key(e.name))) for e in cand.entries)  # or "Zaporizhzhya"


def respell_in_named_countries(doc, cands: list[Candidate], names_opening: NamesOpening) -> None:
    """A place name the gazetteer lacks as written is the town or area of a country the article names whose name
    it writes with the words run together or apart, or one letter apart ("in Beletweyne": Belet Weyne, Somalia;
    "Bulo Burde" for Buloburde): spellings of one name that news and gazetteers trade. The article names a country
    outright or by a place only it holds ("Mogadishu")."""
    named = named_countries(cands) | countries_of_unambiguous_places(cands)
    found: dict[str, tuple[Entry, ...]] = {}  # a name told again is looked up once
    for cand in cands if named else ():
        words = doc[cand.start_token:cand.end_token]
        if not cand.entries and all(t.text[:1].isupper() or t.is_punct or t.lower_ in NAME_ARTICLES for t in words):
            key = name_key(words.text)
            if key not in found:
                found[key] = respelled(key, named, names_opening)
            cand.entries = found[key]


def respelled(key: str, countries: set[str], names_opening: NamesOpening) -> tuple[Entry, ...]:
    """The towns and areas of the countries known by a name that is ``key`` with its spaces dropped, or one letter
    apart from it (names of MIN_ROMANISATION_LENGTH letters or more)."""
    compact = key.replace(" ", "")
    if len(compact) < MIN_ROMANISATION_LENGTH:
        return ()
    found = {entry.place_id: entry for country in sorted(countries)
             for other, entry in names_opening(compact[:RESPELLED_PREFIX], country)
             if close_spellings(compact, other.replace(" ", ""), max_edits=1)}
    return tuple(found.values())


def accept_named_again(doc, cands: list[Candidate], person_words: set[str]) -> None:
    """Accept a name the article gives as a place elsewhere ("Arbinda, a town in the north of the Sahel region" makes
    "the army camp in Arbinda" and "after fleeing Arbinda" the town too): one name, one sense, in an article; not a
    name a person of the article bears ("Kale Smith")."""
    names = {doc[c.start_token:c.end_token].text for c in cands if c.accepted and c.entries}
    for cand in cands:
        words = doc[cand.start_token:cand.end_token]
        if not cand.accepted and cand.entries and words.text in names and not {t.lower_ for t in words} & person_words:
            cand.accepted = True


def countries_of_named_areas(cands: list[Candidate]) -> set[str]:
    """The countries of regions and first-level areas the article names unambiguously ("the Gaza Strip": the
    Palestinian territories), for telling a town spaCy calls a person from a person abroad."""
    return countries_of_unambiguous_places(cands, codes=frozenset({"RGN", "ADM1"}))


def countries_of_unambiguous_places(cands: list[Candidate], *, codes: frozenset[str] | None = None) -> set[str]:
    """The countries of the accepted places whose every candidate lies in one country ("Mogadishu"); with ``codes``,
    only of places one of whose candidates has such a feature code."""
    out = set()
    for cand in cands:
        entries = [e for e in cand.entries if e.kind != NameKind.DEMONYM]
        countries = {e.country for e in entries}
        if cand.accepted and len(countries) == 1 and None not in countries and (
                codes is None or any(e.feature_code in codes for e in entries)):
            out |= countries
    return out


def countries_of_nationality_words(cands: list[Candidate]) -> set[str]:
    """The countries whose nationality words the article uses ("Russian forces", "Ukrainian drones")."""
    return {e.country for c in cands for e in c.entries
            if e.kind == NameKind.DEMONYM and e.feature_code == "PCLI" and e.country}


def named_countries(cands: list[Candidate]) -> set[str]:
    return {e.country for c in cands if c.accepted for e in c.entries
            if e.feature_code == "PCLI" and e.kind != NameKind.DEMONYM and e.country}


def acronym(doc, cand: Candidate) -> bool:
    """ "ELN", "RSF": a short all-capital word is more often a group's initials than a place beside a list."""
    text = doc[cand.start_token:cand.end_token].text
    return text.isalpha() and text.isupper() and len(text) <= 4 and not strong(cand.entries)


def strong(entries: tuple[Entry, ...]) -> bool:
    return any(e.feature_code in STRONG_CODES and e.kind in (NameKind.PRIMARY, NameKind.ALTERNATE) for e in entries)


MAX_NAME_WORDS = 3  # the words of a country's name inside an organisation's ("Central African Republic")
NAMING_LABELS = frozenset({"ORG", "LOC", "GPE", "FAC"})  # spaCy's labels of the names a country's may stand in


def implied_countries(doc, lookup: Callable[[str], tuple[Entry, ...]]) -> set[str]:
    """The countries an article implies without naming them as places, which resolving its places counts as a town
    of theirs would be: its nationality words ("Palestinian"), and the countries named inside the names of its
    organisations and forces ("the South Sudan People's Defence Forces", "Police Forces of Mexico"), which
    recognition leaves out as places (a name that is all a country's is a place of its own)."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "NORP":
            out.update(e.country for e in lookup(ent.text) if e.kind == NameKind.DEMONYM and e.feature_code == "PCLI")
        elif ent.label_ in NAMING_LABELS:
            for size in range(1, min(MAX_NAME_WORDS + 1, len(ent))):
                for start in range(ent.start, ent.end - size + 1):
                    words_ = doc[start:start + size]
                    if words_[0].text[:1].isupper() and words_[-1].text[:1].isupper():
                        out.update(e.country for e in lookup(words_.text) if e.feature_code == "PCLI"
                                   and e.kind in (NameKind.PRIMARY, NameKind.ALTERNATE) and e.country)
    return out
