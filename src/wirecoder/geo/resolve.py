"""Toponym resolution: choosing, for each toponym of an article, the place it means among the gazetteer's candidates.

Each candidate gets a prior (how prominent the place is and how directly the name belongs to it), then the
article's context moves it: the countries and first-level areas the article names, and how near the candidate
lies to the other places the article mentions. Two passes: the first picks by prior alone to learn the context,
the second picks with it. A toponym never supports itself: its own mentions are left out of its context.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from .name_forms import former_names_dropped, short_forms_as_own
from .names import names_its_district
from .points import contains, distance_km
from .strays import (STRAY_AREA_CODES, STRAY_MIN_OTHERS, not_by_its_city, not_in_its_area, stray_afar,
                     stray_from_the_story, stray_in_country, water_over_its_namesake)
from .store import Entry, NameKind

FEATURE_PRIOR = {"PCLI": 4.0, "CONT": 4.0, "RGN": 3.0, "ADM1": 2.0, "PPLC": 2.0, "ADM2": 0.8, "ADM3": 0.3,
                 "AIRP": 3.0, "OCN": 4.0, "SEA": 3.0, "GULF": 3.0, "LK": 2.0, "LKS": 2.0, "STRT": 2.0, "STM": 1.5,
                 "MTS": 2.0, "ISL": 2.0, "PEN": 2.0, "DSRT": 2.0}
CLASS_PRIOR = {"P": 0.0, "A": 0.5, "L": 1.5, "H": 1.0, "T": 1.0, "S": 0.5}
KIND_PRIOR = {NameKind.PRIMARY: 1.5, NameKind.ALTERNATE: 0.0, NameKind.ABBREVIATION: 0.5, NameKind.DEMONYM: 3.0}


@dataclass(frozen=True)
class RankWeights:
    """How much each kind of evidence counts; one set for all news, never fitted to an item of a corpus."""

    population: float = 0.6
    country_named: float = 3.0
    country_implied: float = 1.0
    admin1_named: float = 2.0
    near: float = 2.5
    near_km: float = 400.0
    hint: float = 3.0
    container: float = 4.0
    outlet_country: float = 1.0
    project_table: float = 3.0
    district_namesake: float = 0.5  # "Ketapang" of Kabupaten Ketapang over Lampung's village of the name


@dataclass(frozen=True)
class Mention:
    """A toponym to resolve: its text, candidates, what the words after it say (hint), and the candidates of
    the area it is qualified by ("Paris, Texas": Texas), if any."""

    text: str
    candidates: tuple[Entry, ...]
    hint: str | None = None
    container: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class Ranked:
    """The chosen entry of one toponym (None when the gazetteer knows no place by that name)."""

    entry: Entry | None
    candidates: tuple[Entry, ...]


class Resolver:
    def __init__(self, *, weights: RankWeights | None = None, neighbours: dict[str, frozenset[str]] | None = None,
                 borrowed_point: Callable[[Entry], bool] | None = None,
                 district_of: Callable[[Entry], str | None] | None = None):
        self.weights = weights or RankWeights()
        self.neighbours = neighbours or {}
        # whether a district's point is its province's (no point of its own): no distance to it tells anything
        self.borrowed_point = borrowed_point or (lambda entry: False)
        self.district_of = district_of or (lambda entry: None)  # the gazetteer's second-level area of a place

    def prior(self, entry: Entry, hint: str | None = None) -> float:
        w = self.weights
        score = w.population * math.log10(entry.population + 1)
        score += FEATURE_PRIOR.get(entry.feature_code or "", CLASS_PRIOR.get(entry.feature_class or "", 0.0))
        score += KIND_PRIOR[entry.kind]
        if entry.source.startswith(PROJECT_SOURCE_PREFIX) and entry.feature_class in ("L", "S"):
            score += w.project_table  # the project's regions are what news means by a name ("Gaza": the Strip)
        if hint is not None and entry.feature_class in HINTED_CLASSES[hint]:
            score += w.hint
        district = self.district_of(entry) if entry.feature_class == "P" and not entry.population else None
        score += w.district_namesake if names_its_district(entry.name, district) else 0.0  # of unpeopled towns
        return score

    def rank(self, mentions: Sequence[Mention], *, outlet_country: str | None = None,
             implied: Iterable[str] = ()) -> list[Ranked]:
        """Resolve the toponyms of one article, in text order. ``implied``: countries the article implies without
        naming them as places (its nationality words, "Palestinian"; the names of its forces, "the South Sudan
        People's Defence Forces"), counted as a town of theirs would be."""
        mentions = [_city_hint(m) for m in mentions]
        located = [_settlements_first(_features_first(_areas_over_their_country(_towns_over_their_airports(
            _as_hinted(former_names_dropped(m.text, short_forms_as_own(
                m.text, tuple(e for e in m.candidates if e.lat is not None))), m.hint))),
            m.hint), m.hint) for m in mentions]
        first = [max(cands, key=lambda e, h=m.hint: self.prior(e, h)) if cands else None
                 for cands, m in zip(located, mentions)]
        same_name = _same_names(mentions)
        countries, admins = _context(first)
        countries.update(("implied", country) for country in implied)
        # the places the article mentions, once each (the first MAX_CONTEXT_PLACES: enough for any news story,
        # and it keeps a huge text linear)
        places = list({o.place_id: o for o in first if o is not None
                       and o.feature_code not in ("PCLI", "CONT")}.values())[:MAX_CONTEXT_PLACES]
        chosen: dict[int, Entry | None] = {}
        for members in same_name.values():
            own_countries, own_admins = _context(first[j] for j in members)
            named, named_admins = countries - own_countries, admins - own_admins  # what the rest of the article names
            own_places = {first[j].place_id for j in members if first[j] is not None}
            others = [o for o in places if o.place_id not in own_places]
            decided: dict[tuple, Entry | None] = {}
            for i in members:
                m = mentions[i]
                key = (m.hint, tuple(c.place_id for c in m.container))
                if key not in decided:
                    decided[key] = self._pick(located[i], m, named, named_admins, others, places, outlet_country)
                chosen[i] = decided[key]
            # the name told bare is the town its dateline or its area named ("NIKOPOL - ... hit Nikopol", "Nikopol,
            # in Dnipropetrovsk region ... Nikopol"), not a namesake the rest of the article's areas pull to
            told = next((e for (hint, within), e in decided.items() if e is not None and e.feature_class == "P"
                         and (hint == "city" or within)), None)
            for i in members if told is not None else ():
                if mentions[i].hint is None and not mentions[i].container and told in located[i]:
                    chosen[i] = told
            bare = decided.get((None, ()))  # "Balad town" beside a bare "Balad": the town word says what kind of
            for i in members if bare is not None else ():  # place, not which country's, which the bare name told
                if mentions[i].hint == "settlement" and chosen[i] is not None and chosen[i].country != bare.country:
                    chosen[i] = bare
        return [Ranked(chosen[i], m.candidates) for i, m in enumerate(mentions)]

    def _pick(self, cands: tuple[Entry, ...], mention: Mention, countries: Counter, admins: Counter,
              others: list[Entry], places: list[Entry], outlet_country: str | None) -> Entry | None:
        """The best-scored place of the name. A stray one gives way to the best namesake that is no stray, a town or
        district of a country the article names or implies (a district of no recorded people beside the city the
        story names, over a bigger one 250 km away); with none, None (left to its context), unless it is far from
        one other place alone, of its country: that tells which namesake is meant, not that none is."""
        ranked = sorted(cands, key=lambda e: -self._score(e, mention, countries, admins, others, outlet_country))
        namesakes = frozenset(e.country for e in ranked if e.country)
        placed = [o for o in places if not self.borrowed_point(o)]  # the story's places at points of their own

        def stray(entry: Entry, *, min_others: int = 1) -> bool:
            # a district with its province's point is far from the places the story names only by that borrowed
            # point, which says little within its country; nothing, when no place the story names is in it ("Saut",
            # a district of Saint Lucia, in a story of Haiti's Saut-d'Eau)
            local = [o for o in placed if o.place_id != entry.place_id]
            return (stray_afar(entry, countries, others, outlet_country)
                    or stray_from_the_story(entry, countries, others, namesakes=namesakes)
                    or (not self.borrowed_point(entry) or all(o.country != entry.country for o in local))
                    and stray_in_country(entry, countries, admins, local, mention.container, min_others=min_others)
                    or not_by_its_city(entry, mention.container) or not_in_its_area(entry, mention.container))

        if not ranked:
            return None
        water = water_over_its_namesake(ranked[0], ranked, countries) if mention.hint not in AREA_HINTS else None
        if water is not None or not stray(ranked[0]):
            return water or ranked[0]
        other = next((e for e in ranked[1:] if (countries[("country", e.country)] or countries[("implied", e.country)])
                      and (e.feature_class == "P" or e.feature_code in STRAY_AREA_CODES) and not stray(e)), None)
        return ranked[0] if other is None and countries[("implied", ranked[0].country)] and not stray(
            ranked[0], min_others=STRAY_MIN_OTHERS) else other

    def _score(self, entry: Entry, mention: Mention, countries: Counter, admins: Counter,
               others: list[Entry], outlet_country: str | None) -> float:
        w = self.weights
        score = self.prior(entry, mention.hint)
        if any(contains(area, entry) for area in mention.container):
            score += w.container
        if entry.country and countries[("country", entry.country)]:
            score += w.country_named
        elif entry.country and countries[("implied", entry.country)]:
            score += w.country_implied
        if entry.country and entry.admin1_code and admins[(entry.country, entry.admin1_code)]:
            score += w.admin1_named
        if outlet_country and entry.country == outlet_country:
            score += w.outlet_country
        if entry.feature_code == "PCLI":
            # a country is "near" the places inside it, and the countries it borders that the article names
            if any(o.country == entry.country for o in others) or any(
                    countries[("country", n)] for n in self.neighbours.get(entry.country or "", ())):
                score += w.near
        elif others:
            closest = min(distance_km(entry.lat, entry.lon, o.lat, o.lon) for o in others)
            score += w.near * max(0.0, 1.0 - closest / w.near_km)
        return score


SHADOW_KM = 50.0
AIRPORT_TOWN_KM = 30.0  # an airport named after a town lies this near it
SEAT_TOWN_POPULATION = 100_000
SEAT_SHARE = 0.2  # a province's seat of its own name holds this share of its people or more
SEAT_KM = 15.0  # a town this near an area's point is its seat, whichever of its names the text uses ("Basra")
BIG_CITY_POPULATION = 1_000_000
MAX_CONTEXT_PLACES = 300


AREA_HINTS = frozenset({"area", "admin1", "country"})  # the text calls the name an area
HINTED_CLASSES = {"settlement": ("P",), "city": ("P",), "area": ("A", "L", "T", "H"), "admin1": ("A",),
                  "country": ("A",)}
CITY_POPULATION = 100_000  # "city" (a dateline, "X-based"): a capital or a town this big, when the name has one
AREA_OUTWEIGHED = 10  # a first-level area whose people a city of its name outnumbers this many times over gives way


def _areas_over_their_country(cands: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """A country's other name that is the own name of one of its first-level areas means the area: "England",
    "Scotland" and "Wales" are the United Kingdom's nations, not the kingdom."""
    areas = {e.country for e in cands if e.feature_code == "ADM1" and e.kind == NameKind.PRIMARY}
    if not areas:
        return cands
    return tuple(e for e in cands if not (e.feature_code == "PCLI" and e.kind != NameKind.PRIMARY
                                          and e.country in areas)) or cands


def _towns_over_their_airports(cands: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """An airport named after its town bears the town's name as another of its own ("Oksibil" for Oksibil
    Airport): the bare name is the town, whose own name it is, within AIRPORT_TOWN_KM, however few its recorded
    people and however high an airport's prior."""
    towns = [e for e in cands if e.feature_class == "P" and e.kind == NameKind.PRIMARY]
    return tuple(e for e in cands if not (e.feature_code == "AIRP" and e.kind != NameKind.PRIMARY and any(
        distance_km(e.lat, e.lon, t.lat, t.lon) <= AIRPORT_TOWN_KM for t in towns)))


def _as_hinted(cands: tuple[Entry, ...], hint: str | None) -> tuple[Entry, ...]:
    """Only the candidates of the kind the text names ("X city": towns; "X district", "X countries": areas), if any."""
    if hint is None or any(e.kind == NameKind.DEMONYM for e in cands):
        return cands  # "Canadian cities": the cities are the country's, the word is not a town's name
    if hint == "admin1":  # a member of a list of first-level areas
        return tuple(e for e in cands if e.feature_code == "ADM1") or cands
    if hint == "country":  # a member of a list of countries
        return tuple(e for e in cands if e.feature_code == "PCLI") or cands
    if hint == "city":  # a bare dateline or "X-based": the capital or big town of the name (see _city_hint)
        return tuple(e for e in cands if _city(e)) or cands
    kept = tuple(e for e in cands if e.feature_class in HINTED_CLASSES[hint] and e.feature_code != "PCLI"
                 or (hint == "area" and e.feature_code == "PCLI"))
    if hint == "area":
        cities = [e for e in cands if e.feature_class == "P" and e.kind == NameKind.PRIMARY and _big_city(e)]
        if cities and not any(e.feature_code in ("PCLI", "ADM1") and e.kind == NameKind.PRIMARY for e in kept) and \
                not any(distance_km(e.lat, e.lon, c.lat, c.lon) <= SHADOW_KM for e in kept for c in cities):
            return tuple(cities)  # "the Houston region": the big city's surroundings, not a namesake county afar
    if not any(e.kind == NameKind.PRIMARY for e in kept) and any(e.kind == NameKind.PRIMARY for e in cands):
        return cands  # only other places' alternate names fit the hint: the hint is not about this name
    return kept or cands


def _city(entry: Entry) -> bool:
    return entry.feature_class == "P" and entry.kind in (NameKind.PRIMARY, NameKind.ALTERNATE) and (
        entry.feature_code == "PPLC" or entry.population >= CITY_POPULATION)


def _city_hint(mention: Mention) -> Mention:
    """A bare dateline ("WASHINGTON -") or "X-based" names a city: the capital or big town of that name when there
    is one, as news writes a bare city only for those; with a qualifier ("PARIS, Texas") any town of the name; a
    name no big town bears ("Texas-based"), or none of the country it is the own name of ("MALI -" heading a round-up's
    item: not Mary, Turkmenistan, "Mali" in other tongues; "KUWAIT -" is Kuwait City), keeps its own reading."""
    if mention.hint != "city":
        return mention
    if mention.container:
        return replace(mention, hint="settlement")
    own = {e.country for e in mention.candidates if e.feature_code == "PCLI" and e.kind == NameKind.PRIMARY}
    return mention if any(_city(e) and (not own or e.country in own) for e in mention.candidates) else replace(
        mention, hint=None)


def _settlements_first(cands: tuple[Entry, ...], hint: str | None) -> tuple[Entry, ...]:
    """Drop an admin area that shares its name with a town beside it ("Ganja" the city, not the district), with a
    sizeable town of its province when the name is not the area's own (a district named after its seat; the
    oblast "Zaporizka" is also called "Zaporizhzhia" after its city), or with a big city or the capital of its
    country anywhere in it ("Buenos Aires", "Washington", "Giza"), unless the text calls it an area: news names
    the town far more often, and ACLED codes the town."""
    if hint in AREA_HINTS or len(cands) < 2:
        return cands
    areas = [e for e in cands if e.feature_class == "A" and e.feature_code != "PCLI"]
    towns = [e for e in cands if e.feature_class == "P" and (
        e.kind == NameKind.PRIMARY or _big_city(e) or e.population >= SEAT_TOWN_POPULATION
        or any(distance_km(e.lat, e.lon, a.lat, a.lon) <= SEAT_KM for a in areas))]
    if not towns:
        return cands
    # a town named only by an alternate name ("New York" for New York City) does not shadow an area whose own
    # name it is (the state of New York)
    def seat_of(e: Entry) -> Entry | None:
        return next((t for t in towns if t.country == e.country and (
            t.kind == NameKind.PRIMARY or t.kind == e.kind or distance_km(t.lat, t.lon, e.lat, e.lon) <= SEAT_KM)
            and (_big_city(t) or distance_km(t.lat, t.lon, e.lat, e.lon) <= SHADOW_KM and _peopled_seat(t, e)
                 or ((e.feature_code != "ADM1" or e.kind != NameKind.PRIMARY) and _within(t, e))
                 or _provincial_seat(t, e))), None)

    seats = {e.place_id: seat_of(e) for e in cands if e.feature_class == "A" and e.feature_code != "PCLI"}
    # the seat stands in for its area: the name is as much its own as the area's ("Jenin" is the city Janin's)
    promoted = {t.place_id: e.kind for e in cands if (t := seats.get(e.place_id)) is not None and e.kind < t.kind}
    return tuple(e._replace(kind=promoted[e.place_id]) if e.place_id in promoted else e
                 for e in cands if seats.get(e.place_id) is None)


GREAT_FEATURE_CODES = frozenset({"OCN", "CONT", "RGN"})
GREAT_FEATURE_TOWN_POPULATION = 100_000


def _features_first(cands: tuple[Entry, ...], hint: str | None) -> tuple[Entry, ...]:
    """An ocean, continent, region, a place of the project's table ("the White House") or a first-level area
    called by its own name ("the Pacific", "Africa", "the Middle East", "Oregon") is what the bare name means: a town or county named after it ("Pacific, Missouri",
    "Pacific County", "Oregon, Ohio") needs the text to call it a town, or to be a big one."""
    if hint in ("settlement", "city"):
        return cands
    if any(_great(e) and e.kind == NameKind.PRIMARY for e in cands):
        cands = tuple(e for e in cands if _great(e) or e.feature_code in ("PCLI", "ADM1")
                      or e.feature_class in ("H", "T", "L")
                      or (e.feature_class == "P" and e.population >= GREAT_FEATURE_TOWN_POPULATION))
    # a small town far from a first-level area of its own country that bears its name ("Oregon, Ohio") is named
    # after the area, and news that writes the bare name means the area (a town beside or within it, or a big
    # one, then takes the area's place in _settlements_first)
    cities = [e.population for e in cands if e.feature_class == "P" and e.population >= CITY_POPULATION]
    if cities:  # "Charlotte" is the city of 900,000, not a parish of 8,000 that some small country calls so
        cands = tuple(e for e in cands if not (e.feature_code == "ADM1" and 0 < e.population * AREA_OUTWEIGHED
                                               < max(cities))) or cands
    areas = [e for e in cands if e.feature_code == "ADM1" and e.kind == NameKind.PRIMARY]
    if not areas:
        return cands
    return tuple(e for e in cands if not (
        e.feature_class == "P" and e.feature_code != "PPLC" and e.population < GREAT_FEATURE_TOWN_POPULATION
        and any(a.country == e.country and not _within(e, a) for a in areas)))


PROJECT_SOURCE_PREFIX = "wirecoder-regions "  # the project's own table of what news means by a name


def _great(entry: Entry) -> bool:
    """An ocean, continent or region, or a place of the project's table ("the White House", "the Kremlin"):
    what a bare name in news means."""
    return entry.feature_code in GREAT_FEATURE_CODES or entry.source.startswith(PROJECT_SOURCE_PREFIX)


def _within(town: Entry, area: Entry) -> bool:
    """A town in the area (by code) or beside its point: the area's own seat, not a town named after it."""
    return (area.admin1_code is not None and town.admin1_code == area.admin1_code) or \
        distance_km(town.lat, town.lon, area.lat, area.lon) <= SHADOW_KM


def _provincial_seat(town: Entry, area: Entry) -> bool:
    """The town of the own name of the first-level area that holds it, home to a good share of its people
    (SEAT_SHARE: "Sikasso", "Kandahar", not "Quebec"): the seat the province is named after, which the bare name
    means in the news."""
    return area.feature_code == "ADM1" and town.kind == NameKind.PRIMARY and area.kind == NameKind.PRIMARY and \
        area.admin1_code is not None and town.admin1_code == area.admin1_code and \
        town.population >= SEAT_SHARE * area.population


SEAT_MIN_SHARE = 0.005  # a first-level area's seat holds at least this share of its people


def _peopled_seat(town: Entry, area: Entry) -> bool:
    """A town beside a first-level area's point is its seat only if it holds some of its people: a hamlet of the
    province's name near its middle (a Mexican state's namesake ranch) is no seat, and the bare name stays the
    province's."""
    return area.feature_code != "ADM1" or town.population >= SEAT_MIN_SHARE * area.population


def _big_city(entry: Entry) -> bool:
    return entry.feature_code == "PPLC" or entry.population >= BIG_CITY_POPULATION


def _same_names(mentions: Sequence[Mention]) -> dict[int, list[int]]:
    """Every mention of the same name, by group: written alike, or with the same places ("Leer County" and
    "Leer"), so that one name's namesakes do not count as what the rest of the article names."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    seen: dict[object, int] = {}
    for i, m in enumerate(mentions):
        for key in (m.text.casefold(), frozenset(e.place_id for e in m.candidates) or None):
            if key is None:
                continue
            if key in seen:
                parent[root(i)] = root(seen[key])
            else:
                seen[key] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[root(i)].append(i)
    return groups


def _context(picks: Iterable[Entry | None]) -> tuple[Counter, Counter]:
    """The countries and first-level areas the article names, counted by mention. A country named outright
    counts ("country", ISO); one a town merely lies in counts apart ("implied", ISO), weaker, since the town
    itself may be the wrong one. First-level areas count only when named outright ("Texas")."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for pick in picks:
        if pick is None or not pick.country:
            continue
        countries[("country" if pick.feature_code == "PCLI" else "implied", pick.country)] += 1
        if pick.feature_code == "ADM1" and pick.admin1_code:
            admins[(pick.country, pick.admin1_code)] += 1
    return countries, admins
