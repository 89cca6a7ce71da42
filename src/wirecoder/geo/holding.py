"""Which area can hold which place, the test by which qualifier chains weigh names ("Ostrin, Donetsk": Donetsk oblast
holds its own Ostrin, not another oblast's), and the readings that go with it: the one town of a name beside the
province named with it, and a name the gazetteer holds only under another spelling inside the area named."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from ..article import Place
from .countries import COUNTRY_CODES
from .names import name_key, name_skeleton
from .points import distance_km
from .store import Entry

DISTRICT_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADM5"})
HOLD_KM = {"ADM1": 400.0, "ADM2": 120.0, "ADM3": 60.0, "ADM4": 30.0, "ADM5": 20.0}
SEAT_REACH_KM = 60.0  # an area's town of its own name, when their codes disagree
TOWN_HOLD_KM = 40.0  # a village named with its town: "Kibanda (Idjwi)"
BIG_TOWN_HOLD_KM = 60.0  # a city's neighbourhoods and suburbs: "Tishrine neighbourhood in Raqqa"
BIG_TOWN_POPULATION = 500_000
FEATURE_HOLD_KM = 200.0  # regions, valleys, mountains and other features of the project's tables
NAMESAKE_POPULATION = 20_000
NAMESAKE_TOWN_POPULATION = 1_000  # a village's name is borne by others the gazetteer lacks; a town's less often
AREA_PRECISION = 3
_OWNED = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+)?")  # "Baghdad's central Tahrir Square": a possessive, an adjective
T = TypeVar("T")


def holds(area: Entry, place: Entry) -> bool:
    """Whether an area (or town) of a chain can hold a place named before it: a country the places of its own
    code; a first-level area those of its admin1 code; a district, town or feature those within its reach."""
    if area.place_id == place.place_id:
        return True  # "Nouakchott (Nouakchott)": the city and its own area
    if area.country and place.country and area.country != place.country:
        return False
    code = area.feature_code or ""
    if code in COUNTRY_CODES:
        return area.country is not None and area.country == place.country
    if code == "ADM1" and area.admin1_code and place.admin1_code and area.admin1_code != place.admin1_code:
        # the seat of its own name, whatever its code says ("Vellor (Vellor, Southern)"; codes of other levels)
        return name_key(area.name) == name_key(place.name) and area.lat is not None and place.lat is not None \
            and distance_km(area.lat, area.lon, place.lat, place.lon) <= SEAT_REACH_KM
    if code == "ADM1" and area.admin1_code and place.admin1_code:
        return True
    if area.lat is None or place.lat is None:
        return False
    if code in HOLD_KM and area.admin1_code and place.admin1_code and place.feature_code != "ADM1" \
            and area.admin1_code != place.admin1_code:
        return False
    if code in HOLD_KM:
        reach = HOLD_KM[code]
    elif area.feature_class == "P":
        reach = BIG_TOWN_HOLD_KM if area.population >= BIG_TOWN_POPULATION else TOWN_HOLD_KM
    else:
        reach = FEATURE_HOLD_KM
    return distance_km(area.lat, area.lon, place.lat, place.lon) <= reach


def by_the_province(inner: tuple[Entry, ...],
                    outer: tuple[Entry, ...]) -> tuple[tuple[Entry, ...], tuple[Entry, ...]]:
    """ "Burgersfort (Sekhukhune, Limpopo)", "Goniri (Gujiba LGA, Borno)": the one place the gazetteer knows by the
    name, a town in the country of the province named, within a province's reach of it, is that town (a border
    the gazetteer draws elsewhere, a province since split), not a namesake of a place it lacks. Returns (town,
    province) or ((), ())."""
    provinces = [o for o in outer if o.feature_code == "ADM1" and o.lat is not None]
    if len(inner) != 1 or inner[0].feature_class != "P" or inner[0].lat is None \
            or inner[0].population < NAMESAKE_TOWN_POPULATION:
        return (), ()  # a name of many places ("La Mesk, Lambayeque"), or a village, may well be a namesake
    town = inner[0]
    near = tuple(o for o in provinces if o.country == town.country
                 and distance_km(o.lat, o.lon, town.lat, town.lon) <= HOLD_KM["ADM1"])
    return ((town,), near) if near else ((), ())


MIN_SPELLED_SKELETON = 4  # consonants a name needs before its other spellings are looked for
MAX_SPELLED_PROVINCES = 3  # the first-level areas a chain's area may lie in for them to be searched


def spelled_within(text: str, areas: tuple[Entry, ...],
                   places_of: Callable[[str, str], Mapping[str, tuple[Entry, ...]]]) -> tuple[Entry, ...]:
    """ "Tal Tamer in al-Hasakeh", "Kishindih district, Balkh": a name the gazetteer lacks as written, found among
    the places of the first-level area a chain names by the consonants its spellings share (Tall Tamr,
    Keshendeh), or near the town named as its area; ``places_of(country, admin1 code)`` maps skeletons to the
    area's places."""
    areas = tuple(a for a in areas if a.feature_class in ("A", "P") and a.feature_code not in COUNTRY_CODES
                  and a.country and a.admin1_code)
    areas = tuple(a for a in areas if a.feature_class == "A" or a.population >= NAMESAKE_POPULATION) or areas
    if not 0 < len({(a.country, a.admin1_code) for a in areas}) <= MAX_SPELLED_PROVINCES:
        return ()  # no area, or a name of areas in many provinces ("Washington"): too loose to search
    skeleton = name_skeleton(text)
    if len(skeleton) < MIN_SPELLED_SKELETON:
        return ()
    found: list[Entry] = []
    for area in areas:
        found.extend(e for e in places_of(area.country, area.admin1_code).get(skeleton, ())
                     if e.place_id != area.place_id and holds(area, e))
    return tuple(dict.fromkeys(found))


def districts_told(places: Sequence[Place], entries: Sequence[Entry | None],
                   hosts: Mapping[int, tuple[int, ...]]) -> list[Place]:
    """A town the gazetteer knows lies in the district its qualifier chain names, when that district can hold it
    ("Urireo, Salvatierra municipality", "Buleda (Kech, Balochistan)"), unless it is a district's own seat."""
    out = list(places)
    for i, after in hosts.items():
        town = entries[i]
        area = next((entries[h] for h in after if entries[h] is not None
                     and entries[h].feature_code in DISTRICT_CODES), None)
        if town is not None and town.feature_class == "P" and not out[i].district and area is not None \
                and holds(area, town):
            out[i] = replace(out[i], district=area.name)
    return out


def own_district(town: Entry, lookup: Callable[[str], tuple[Entry, ...]], *, told: str = "") -> str | None:
    """The district a town is the seat of: an area below the first level of the town's own name (the gazetteer's,
    or the one the text gives it: "Krong Pinang" for the town Krong Pi Nang), in its country and first-level area,
    within SEAT_REACH_KM of it ("Kankara": Kankara LGA). A town lies in its own district, not in the next one whose
    point happens to lie near it. None for other places."""
    if town.feature_class != "P" or town.lat is None:
        return None
    for area in (a for name in dict.fromkeys((town.name, told or town.name)) for a in lookup(name)):
        if area.feature_code in DISTRICT_CODES and area.country == town.country and area.lat is not None and (
                not town.admin1_code or not area.admin1_code or area.admin1_code == town.admin1_code) \
                and distance_km(area.lat, area.lon, town.lat, town.lon) <= SEAT_REACH_KM:
            return area.name
    return None


def owned_by_towns(text: str, toponyms: list[T]) -> list[T]:
    """A name a town or area owns by a possessive ("Baghdad's central Tahrir Square", "Kaduna's Kauru") keeps only
    the candidates one of the owner's readings can hold (``holds``): not a namesake abroad (Cairo's square); with
    none, it is a name the gazetteer lacks, placed within the owner by its context (a country's possessive:
    ``Geoparser._in_owner_country``)."""
    out: list[T] = []
    for k, toponym in enumerate(toponyms):
        owner = toponyms[k - 1] if k else None
        owned = owner is not None and bool(toponym.entries) and bool(_OWNED.fullmatch(text[owner.end:toponym.start]))
        # a country's possessive ("Mozambique's northern Cabo Delgado") is read by the geoparser itself
        areas = list(owner.entries) if owned and not any(e.feature_code in COUNTRY_CODES for e in owner.entries) else []
        if areas:
            toponym = replace(toponym, entries=tuple(e for e in toponym.entries if any(holds(a, e) for a in areas)))
        out.append(toponym)
    return out
