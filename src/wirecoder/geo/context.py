"""Placing a name the gazetteer does not know by the named places around it.

"St. Michael's Hospital", "the villages of Kfraya and Foua in Idlib province", a camp, a square or a hamlet: news
names many places no gazetteer holds, nearly always beside the town or area they lie in. An analyst codes such a
place to that town or area at a coarser precision (ACLED's geo-precision 2 or 3) rather than dropping it; so does
this. The place keeps its own text as its name, no GeoNames id and no feature code, and ``within`` points at the
span whose point it was given, so a reader can tell the guess from a gazetteer match.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..article import Place
from .countries import COUNTRY_CODES
from .cues import dateline_at
from .holding import AREA_PRECISION
from .lexicon import lexicon, words
from .store import Entry

SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“‘(])|\n")
HOST_CLASSES = frozenset({"P", "A", "S"})  # towns, areas, sites; not seas, regions, continents or ranges: too vague
_CARED_AT = re.compile(r"\b" + lexicon().alternation("care_place_nouns") + r"\s+(?:in|at)\s+(?:the\s+)?$",
                       re.IGNORECASE)
CARE_REACH = 40  # characters before a town that may say it is where the hurt were cared for


def place_unknown_by_context(places: Sequence[Place], text: str, *,
                             opening_city: Callable[[Place], Place | None] | None = None) -> list[Place]:
    """The places in text order, each unknown one (no point) placed at the known place that qualifies it after a
    comma ("Binh Phuoc, Vietnam"), else a known place named inside it ("Greater Toronto Area"), else the big city
    whose name opens it (``opening_city``: "Kabul University", "Baghdad-Karkh"), else the nearest known town, area
    or site that is no dateline (failing all, one that is): in its own sentence first (a town there inside the
    province nearest it before the province), else the nearest before it, else the nearest after it; failing
    those, at the country its sentence names, or the article's only country. Seas, regions, continents and ranges
    host nothing: they are too vague. A name with no such context stays unknown."""
    if all(p.lat is not None for p in places):
        return list(places)
    known = [p for p in places if p.lat is not None and p.within is None]
    local = [p for p in known if p.feature_class in HOST_CLASSES and not _country(p)]
    # the story's own places before its dateline's ("NAIROBI - A drone struck a health centre in the Sudanese town of
    # Kazgil ... in El Obeid"): where the reporter files from hosts a name only when nothing else can; so too where
    # the hurt were cared for ("died at a hospital in Dhaka ... the fighting in Shibchar sub-district")
    told = [p for p in local if not dateline_at(text, p.span.start, p.span.end)
            and not _CARED_AT.search(text, max(0, p.span.start - CARE_REACH), p.span.start)]
    countries = [p for p in known if _country(p)]
    boundaries = [m.end() for m in SENTENCE_END.finditer(text)]
    out = []
    for place in places:
        if place.lat is not None:
            out.append(place)
            continue
        sentence = _sentence(boundaries, place.span.start, len(text))
        host = (_qualifier(place, known, text) or _named_inside(place, local)
                or (opening_city(place) if opening_city is not None else None) or _host(place, told, sentence)
                or _host(place, local, sentence) or _country_host(place, countries, sentence))
        out.append(place if host is None else placed_at(place, host))
    return out


def _qualifier(place: Place, known: Sequence[Place], text: str) -> Place | None:
    """ "Binh Phuoc, Vietnam", "Kisima, Isiolo": the known place right after a comma qualifies the name."""
    after = [p for p in known if p.span.start > place.span.end and text[place.span.end:p.span.start].strip() == ","]
    return min(after, key=lambda p: p.span.start) if after else None


def _named_inside(place: Place, local: Sequence[Place]) -> Place | None:
    """ "Greater Toronto Area", "the Vancouver Art Gallery": a known place the article names elsewhere, inside
    the unknown name."""
    words = place.span.text.split()
    inside = [p for p in local if len(words) > 1 and p.span.text in words]
    return inside[0] if inside else None


def _host(place: Place, local: Sequence[Place], sentence: tuple[int, int]) -> Place | None:
    same_sentence = [p for p in local if sentence[0] <= p.span.start < sentence[1]]
    if same_sentence:
        nearest = min(same_sentence, key=lambda p: abs(p.span.start - place.span.start))
        # a town of the sentence inside the province nearest the name is more specific ("in Acapulco, Guerrero, ...
        # protested near Papagayo park" is in Acapulco, not at the state's middle)
        inside = [p for p in same_sentence if p.geo_precision < nearest.geo_precision
                  and nearest.geo_precision >= AREA_PRECISION and p.country == nearest.country
                  and p.admin1 is not None and p.admin1 == nearest.admin1]
        return min(inside, key=lambda p: abs(p.span.start - place.span.start)) if inside else nearest
    before = [p for p in local if p.span.end <= place.span.start]
    if before:
        return max(before, key=lambda p: p.span.start)
    after = [p for p in local if p.span.start >= place.span.end]
    return min(after, key=lambda p: p.span.start) if after else None


def _country_host(place: Place, countries: Sequence[Place], sentence: tuple[int, int]) -> Place | None:
    in_sentence = [p for p in countries if sentence[0] <= p.span.start < sentence[1]]
    if in_sentence:
        return min(in_sentence, key=lambda p: abs(p.span.start - place.span.start))
    if len({p.country for p in countries}) == 1:
        return countries[0]
    return None


def placed_at(place: Place, host: Place) -> Place:
    """A place the gazetteer lacks given its host's point, country, first-level area and, placed at a town or a
    district (precision 2), its second-level area; ``within`` gives the host's span."""
    precision = AREA_PRECISION if _country(host) or host.geo_precision >= AREA_PRECISION else 2
    return replace(place, lat=host.lat, lon=host.lon, country=host.country, admin1=host.admin1,
                   geo_precision=precision, within=host.span, admin2=host.admin2 if precision == 2 else None)


def _sentence(boundaries: Sequence[int], position: int, length: int) -> tuple[int, int]:
    """The bounds of the sentence around a character position, given where sentences start (a rough split:
    enough to tell neighbours)."""
    index = bisect.bisect_right(boundaries, position)
    return (boundaries[index - 1] if index else 0), (boundaries[index] if index < len(boundaries) else length)


def _country(place: Place) -> bool:
    return place.feature_code in COUNTRY_CODES


VILLAGE_MAX_POPULATION = 100_000
_VILLAGE_WORDS = "|".join(sorted(words("village_words")))
_VILLAGE_BEFORE = re.compile(rf"\b(?:{_VILLAGE_WORDS})\s+of\s+$", re.IGNORECASE)  # "the village of Rabat"
_VILLAGE_AFTER = re.compile(rf"\s+(?:{_VILLAGE_WORDS})\b", re.IGNORECASE)  # "Rabat village"


def village_not_a_city(place: Place, entry: Entry | None, text: str) -> Place:
    """ "near the village of Rabat": a name the text calls a village is no capital nor city of VILLAGE_MAX_POPULATION
    people (Morocco's capital, in a story from Iran's border with Iraq): it is a village the gazetteer lacks, which
    its context places (place_unknown_by_context)."""
    if entry is None or not (entry.feature_code == "PPLC" or entry.population >= VILLAGE_MAX_POPULATION):
        return place
    start, end = place.span.start, place.span.end
    if not (_VILLAGE_BEFORE.search(text, max(0, start - 20), start) or _VILLAGE_AFTER.match(text, end)):
        return place
    return replace(place, name=place.span.text, geonameid=None, lat=None, lon=None, country=None, admin1=None,
                   feature_class=None, feature_code=None, geo_precision=3)
