"""Strays: a namesake of a toponym that lies where the article cannot mean it (a village of the name in another
country or province, far from every place the story names), so that a name the gazetteer lacks is left to be
placed by its context rather than sent afar."""
from __future__ import annotations

from collections import Counter

from .name_forms import STRAY_ALTERNATE_POPULATION
from .points import contains, distance_km
from .store import Entry, NameKind

STRAY_POPULATION = 20_000
STRAY_AREA_CODES = frozenset({"ADM2", "ADM3", "ADM4"})  # districts are placed like the towns they hold
STRAY_KM = 2_000.0
STRAY_ALTERNATE_KM = 300.0
STRAY_MIN_OTHERS = 2
STRAY_LOCAL_KM = 300.0
STORY_STRAY_POPULATION = 200_000  # a town up to this size is no famous city the story may name in passing
MAJOR_TOWN_CODES = frozenset({"PPLC", "PPLA"})  # capitals of countries and of first-level areas: famous, kept
WATER_CODES = frozenset({"SEA", "OCN", "GULF", "BAY"})


def stray_afar(entry: Entry, countries: Counter, others: list[Entry], outlet_country: str | None) -> bool:
    """A small town (or a district as small) of a country the article never names, thousands of km from every other
    place it names ("Piccadilly" in a London story: a village in Australia), or a town there known by another
    spelling: a name the gazetteer lacks is far likelier, so the name is left to be placed by its context."""
    if not _small(entry) or entry.country == outlet_country:
        return False
    if countries[("country", entry.country)] or countries[("implied", entry.country)]:
        return False
    local = _local(others)
    far = STRAY_KM if entry.kind == NameKind.PRIMARY else STRAY_ALTERNATE_KM
    return len(local) >= STRAY_MIN_OTHERS and all(
        distance_km(entry.lat, entry.lon, o.lat, o.lon) > far for o in local)


def stray_from_the_story(entry: Entry, countries: Counter, others: list[Entry], *,
                         namesakes: frozenset[str] = frozenset()) -> bool:
    """A town of some size but no capital ("Kani", 100,000 people, Japan) of a country the article neither names nor
    implies, when the article names another country outright and a first-level area of it, or the capital of
    another country where the name has a namesake (``namesakes``: the countries of the name's readings), and every
    other place it names lies thousands of km away ("Myanmar", "Sagaing"; "Balad" beside "Mogadishu": Balcad, not
    Balad, Iraq; a capital alone, often a dateline, says nothing of a name that has no reading in its country): the
    story's own place is far likelier, and the name is left to be placed by its context."""
    if entry.feature_class != "P" or entry.feature_code in MAJOR_TOWN_CODES or \
            entry.population >= STORY_STRAY_POPULATION:
        return False
    if countries[("country", entry.country)] or countries[("implied", entry.country)]:
        return False
    local = _local(others)
    return any(o.feature_code == "ADM1" and countries[("country", o.country)] or o.feature_code == "PPLC"
               and o.country != entry.country and o.country in namesakes for o in local) and all(
        distance_km(entry.lat, entry.lon, o.lat, o.lon) > STRAY_KM for o in local)


def stray_in_country(entry: Entry, countries: Counter, admins: Counter, others: list[Entry],
                     container: tuple[Entry, ...], *, min_others: int = 1) -> bool:
    """A small town (or a district as small) of a country the article does not name outright, STRAY_LOCAL_KM and
    more from every other place it names (an area the name itself also names counts: "X (X district, Y)") and
    outside every first-level area it names: a part of a named place that the gazetteer lacks is far likelier (a
    neighbourhood of a named city, not a village of its name in another province), and the name is left to be
    placed by its context."""
    if entry.population >= STRAY_POPULATION or not (
            entry.feature_class == "P" or entry.feature_code in STRAY_AREA_CODES):
        return False
    if countries[("country", entry.country)] or (entry.admin1_code and admins[(entry.country, entry.admin1_code)]) \
            or any(contains(area, entry) for area in container):
        return False  # its country or first-level area named outright ("Pailin, Cambodia", "Blakely, Georgia")
    # a place read only by another of its spellings may vouch for a town the text names by its own name ("Dantewada"
    # beside Bijapur, Chhattisgarh), never make it a stray ("Tonka", also a name of Tonk, India, 6,800 km from
    # Niafunké): which of the two the text means is what is in doubt
    named = _local(others)
    far = {o.place_id for o in named if distance_km(entry.lat, entry.lon, o.lat, o.lon) > STRAY_LOCAL_KM}
    local = [o for o in named if o.place_id not in far or o.kind == NameKind.PRIMARY or entry.kind != NameKind.PRIMARY]
    return len(local) >= min_others and all(o.place_id in far for o in local)


def not_by_its_city(entry: Entry, container: tuple[Entry, ...]) -> bool:
    """ "The Cincinnati suburb of West Chester" is by Cincinnati: a namesake afar is not it, and the name is left to
    be placed by its context (at the city) as a name the gazetteer lacks."""
    return bool(container) and all(c.feature_class == "P" for c in container) and not any(
        contains(c, entry) for c in container)


def not_in_its_area(entry: Entry, container: tuple[Entry, ...]) -> bool:
    """ "Raz, Iran": a small namesake outside the country or first-level area the text qualifies the name by is not
    it (a town of Pakistan known as Raz), and the name is left to be placed by its context, in that area. A big
    town keeps its reading, as the next name may begin a list ("Kabul, Pakistan and Iran")."""
    return bool(container) and _small(entry) and all(c.feature_code in ("PCLI", "ADM1") for c in container) \
        and not any(contains(c, entry) for c in container)


def _small(entry: Entry) -> bool:
    """A town, or a district as small, under STRAY_POPULATION people (STRAY_ALTERNATE_POPULATION when the text uses
    another of its names): a namesake the text may not mean."""
    limit = STRAY_POPULATION if entry.kind == NameKind.PRIMARY else STRAY_ALTERNATE_POPULATION
    return (entry.feature_class == "P" or entry.feature_code in STRAY_AREA_CODES) and entry.population < limit


def _local(others: list[Entry]) -> list[Entry]:
    """The places the article names that situate a town: not countries, continents or natural features."""
    return [o for o in others if o.feature_code not in ("PCLI", "CONT") and o.feature_class != "L"]


def water_over_its_namesake(entry: Entry, cands: list[Entry], countries: Counter) -> Entry | None:
    """ "Hodeidah Red Sea port city": a sea, gulf or bay (WATER_CODES) that gives its name to areas of the countries
    on its shores is what the name means when the text names neither the area's country nor a place that implies
    it: the sea, not Sudan's Red Sea state, whose people had outweighed a sea's none. The water body, or None."""
    if entry.feature_class != "A" or countries[("country", entry.country)] or countries[("implied", entry.country)]:
        return None
    return next((e for e in cands if e.feature_code in WATER_CODES and e.kind == NameKind.PRIMARY), None)
