"""Helpers the geoparsing tests share: gazetteers written by the tests, and resolving names of a text."""
from __future__ import annotations

import contextlib
import pathlib
from collections.abc import Iterable, Iterator

from wirecoder.geo import Geoparser
from wirecoder.geo.writer import GazetteerWriter, PlaceRecord


def place_rows(rows) -> list[tuple[PlaceRecord, list]]:
    """(name, lat, lon, country, class, code, geonameid, admin1 code, population, other names) rows as records."""
    return [(PlaceRecord(name=name, lat=lat, lon=lon, country=cc, feature_class=fclass, feature_code=fcode,
                         geonameid=gid, admin1_code=a1code, admin1=None, population=pop), names)
            for name, lat, lon, cc, fclass, fcode, gid, a1code, pop, names in rows]


def town(name, lat, lon, country, population, *, admin1_code=None, code="PPL", names=()):
    return PlaceRecord(name=name, lat=lat, lon=lon, country=country, feature_class="P", feature_code=code,
                       admin1_code=admin1_code, population=population), list(names)


def area(name, lat, lon, country, population, *, code="ADM1", admin1_code=None, geonameid=None, names=()):
    return PlaceRecord(name=name, lat=lat, lon=lon, country=country, feature_class="A", feature_code=code,
                       admin1_code=admin1_code, geonameid=geonameid, population=population), list(names)


@contextlib.contextmanager
def geoparser_over(path: pathlib.Path, entries: Iterable[tuple]) -> Iterator[Geoparser]:
    """A geoparser over a gazetteer of (record, other names[, source package]) entries, closed afterwards."""
    writer = GazetteerWriter.create(path)
    sources: dict[str, int] = {}
    for entry in entries:
        record, names, package = (*entry, "tests")[:3]
        if package not in sources:
            sources[package] = writer.source(package, "1", "written by the tests")
        writer.add(record, names, source_id=sources[package])
    writer.finish({"built_by": "tests"})
    geoparser = Geoparser(gazetteer_path=path)
    try:
        yield geoparser
    finally:
        geoparser.close()


def resolve(geoparser: Geoparser, text: str, names: list[str]):
    """Resolve the given names of a text, each found after the one before it."""
    spans: list[tuple[int, int]] = []
    for name in names:
        start = text.index(name, spans[-1][1] if spans else 0)
        spans.append((start, start + len(name)))
    return geoparser.resolve_spans(text, spans)
