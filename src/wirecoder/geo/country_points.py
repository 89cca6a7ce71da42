"""GeoNames' own points for countries (``data/country_points.tsv``), the one convention every country point follows.

The gazetteer's countries and the coder's country-level locations both take their point from here, and from
countryinfo's (CIA World Factbook) point for a country the table does not list, which is GeoNames' own for most
countries. The table is validated on reading: one row per GeoNames id and per ISO code, coordinates on Earth.
"""
from __future__ import annotations

import csv
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

POINTS_FILE = "data/country_points.tsv"


@dataclass(frozen=True)
class CountryPoint:
    geonameid: int
    iso: str
    name: str
    lat: float
    lon: float


def parse_country_points(lines: list[str]) -> Mapping[str, CountryPoint]:
    """Rows by ISO code; a repeated id or code, or a point off the globe, is refused (ValueError)."""
    rows = csv.DictReader([line for line in lines if line.strip() and not line.startswith("#")], delimiter="\t",
                          quoting=csv.QUOTE_NONE)
    by_iso: dict[str, CountryPoint] = {}
    ids: set[int] = set()
    for row in rows:
        point = CountryPoint(int(row["geonameid"]), row["iso"], row["name"], float(row["lat"]), float(row["lon"]))
        if point.iso in by_iso or point.geonameid in ids:
            raise ValueError(f"{POINTS_FILE}: {point.iso} ({point.geonameid}) is listed twice")
        if not (-90 <= point.lat <= 90 and -180 <= point.lon <= 180):
            raise ValueError(f"{POINTS_FILE}: {point.iso} has no point on Earth: {point.lat}, {point.lon}")
        by_iso[point.iso] = point
        ids.add(point.geonameid)
    return MappingProxyType(by_iso)


@functools.cache
def country_points() -> Mapping[str, CountryPoint]:
    text = resources.files(__package__).joinpath(POINTS_FILE).read_text(encoding="utf-8")
    return parse_country_points(text.splitlines())
