"""Merging a GeoNames dump the user downloaded (allCountries.zip, XX.zip or XX.txt, plus alternateNames) into
the gazetteer. GeoNames' own rows are authoritative: a place already present under the same id takes the dump's
point, feature code and population; new places are added with their names."""
from __future__ import annotations

import io
import pathlib
import sqlite3
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import WirecoderError
from .lexicon import words
from .store import NameKind
from .writer import GazetteerWriter, PlaceRecord

GEONAMES_LICENCE = "CC BY 4.0 (GeoNames)"
GEONAMES_COLUMNS = 19
CODE_BATCH = 50_000  # places whose admin2 codes are written to the import's scratch table at once
# alternateNames "languages" that are codes or links, not names people write.
SKIPPED_LANGUAGES = words("skipped_alternate_languages")


@dataclass(frozen=True)
class ImportReport:
    places: int
    names: int
    seconds: float


def _open_text(path: pathlib.Path) -> Iterator[str]:
    """Lines of a GeoNames file, plain or zipped (the .txt inside that is not the readme)."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
                if not members:
                    raise WirecoderError("W021", f"{path} holds no GeoNames .txt file")
                with archive.open(members[0]) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
        else:
            with open(path, encoding="utf-8") as handle:
                yield from handle
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as err:
        raise WirecoderError("W021", f"cannot read {path}: {err}") from err


def read_geonames(path: pathlib.Path) -> Iterator[tuple[PlaceRecord, list[tuple[str, NameKind]]]]:
    for number, line in enumerate(_open_text(path), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != GEONAMES_COLUMNS:
            raise WirecoderError("W021", f"{path}, line {number}: {len(cols)} tab-separated columns, GeoNames "
                                         f"has {GEONAMES_COLUMNS}")
        try:
            record = PlaceRecord(name=cols[1], lat=float(cols[4]), lon=float(cols[5]), country=cols[8] or None,
                                 feature_class=cols[6] or "", feature_code=cols[7] or "",
                                 geonameid=int(cols[0]), admin1_code=cols[10] or None,
                                 population=int(cols[14] or 0), admin2_code=cols[11] or None)
        except ValueError as err:
            raise WirecoderError("W021", f"{path}, line {number}: {err}") from err
        names = [(cols[2], NameKind.ALTERNATE)]
        names.extend((alt, NameKind.ALTERNATE) for alt in cols[3].split(",") if len(alt) >= 2)
        yield record, names


def read_alternate_names(path: pathlib.Path) -> Iterator[tuple[int, str, NameKind]]:
    for number, line in enumerate(_open_text(path), 1):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 4:
            raise WirecoderError("W021", f"{path}, line {number}: not a GeoNames alternateNames line")
        language = cols[2]
        if language in SKIPPED_LANGUAGES or (len(cols) > 7 and cols[7] == "1"):  # codes, links, historic names
            continue
        kind = NameKind.ABBREVIATION if language == "abbr" else NameKind.ALTERNATE
        yield int(cols[1]), cols[3], kind


def import_geonames(*, gazetteer: pathlib.Path, dump: pathlib.Path,
                    alternate_names: pathlib.Path | None = None) -> ImportReport:
    """Merge a GeoNames dump (and its alternate names) into an existing gazetteer file."""
    started = time.perf_counter()
    if not gazetteer.is_file():
        raise WirecoderError("W020", f"there is no gazetteer at {gazetteer}")
    try:
        writer = GazetteerWriter.open_existing(gazetteer)
    except sqlite3.DatabaseError as err:
        raise WirecoderError("W020", f"{gazetteer} cannot be written: {err}") from err
    try:
        source = writer.source("geonames-dump", dump.name, GEONAMES_LICENCE)
        places = 0
        coded: list[PlaceRecord] = []  # the dump's places with an admin2 code, to name their district after
        for record, names in read_geonames(dump):
            writer.add(record, names, source_id=source, replace=True)
            places += 1
            if record.admin2_code:
                coded.append(record)
            if len(coded) >= CODE_BATCH:
                writer.note_admin2_codes(coded)
                coded.clear()
        writer.note_admin2_codes(coded)
        if alternate_names is not None:
            for geonameid, name, kind in read_alternate_names(alternate_names):
                place_id = writer.place_id_for(geonameid)
                if place_id is not None:
                    writer.add_names(place_id, [(name, kind)])
        writer.name_admin1(source_id=source)
        writer.name_admin2_by_code(source_id=source)
        names = writer.counts()[1]
        # no compaction: rewriting a gazetteer grown by allCountries would need its size again on disk
        writer.finish({f"imported:{dump.name}": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}, compact=False)
    except BaseException:
        writer.abort()
        raise
    return ImportReport(places, names, time.perf_counter() - started)
