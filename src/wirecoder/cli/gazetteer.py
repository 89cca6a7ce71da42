"""`wirecoder gazetteer build|import-geonames|lookup`: make, extend and inspect the embedded gazetteer."""
from __future__ import annotations

import argparse
import pathlib
import sys
from typing import Any

from ..geo import Gazetteer, default_gazetteer_path
from ..geo.build import build_gazetteer
from ..geo.geonames_import import import_geonames


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("gazetteer", help="build, extend or query the gazetteer",
                                   description="The gazetteer is one SQLite file compiled from installed packages "
                                               f"(default: {default_gazetteer_path()}, or $WIRECODER_GAZETTEER).")
    sub = parser.add_subparsers(dest="gazetteer_command", metavar="ACTION", required=True)

    build = sub.add_parser("build", help="compile a fresh gazetteer from the installed packages")
    build.add_argument("--out", type=pathlib.Path, default=None, help="where to write it (default: the default path)")
    build.set_defaults(func=run_build)

    imp = sub.add_parser("import-geonames", help="merge a GeoNames dump you downloaded into the gazetteer",
                         description="Merge allCountries.zip, a per-country XX.zip or XX.txt in GeoNames' "
                                     "tab-separated format; from then on resolution uses it.")
    imp.add_argument("file", type=pathlib.Path, help="allCountries.zip, XX.zip or XX.txt from GeoNames")
    imp.add_argument("--alternate-names", type=pathlib.Path, default=None,
                     help="GeoNames alternateNames file (alternateNamesV2.zip or a .txt) for the same places")
    imp.add_argument("--gazetteer", type=pathlib.Path, default=None,
                     help="the gazetteer to extend (default: the built one)")
    imp.set_defaults(func=run_import)

    look = sub.add_parser("lookup", help="print every place a name can mean")
    look.add_argument("name", help="a place name as written")
    look.add_argument("--gazetteer", type=pathlib.Path, default=None,
                      help="the gazetteer to query (default: the built one)")
    look.set_defaults(func=run_lookup)


def run_build(args: argparse.Namespace) -> int:
    out = args.out or default_gazetteer_path()
    report = build_gazetteer(out=out, log=lambda message: print(f"  {message}", file=sys.stderr))
    print(f"gazetteer: {report.path}\nplaces: {report.places}\nnames: {report.names}\n"
          f"size: {report.size_bytes / 1e6:.1f} MB\ntime: {report.seconds:.1f} s")
    return 0


def run_import(args: argparse.Namespace) -> int:
    path = args.gazetteer or default_gazetteer_path()
    if not path.is_file():
        build_gazetteer(out=path)
    report = import_geonames(gazetteer=path, dump=args.file, alternate_names=args.alternate_names)
    print(f"gazetteer: {path}\nimported places: {report.places}\nnames now: {report.names}\n"
          f"time: {report.seconds:.1f} s")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    with Gazetteer(args.gazetteer or default_gazetteer_path()) as gazetteer:
        entries = sorted(gazetteer.lookup(args.name), key=lambda e: -e.population)
        for e in entries:
            print("\t".join(str(v) for v in (e.geonameid, e.name, e.country, e.admin1, e.feature_class,
                                              e.feature_code, e.population, e.lat, e.lon, e.kind.name.lower(),
                                              e.source, gazetteer.admin2_of(e))))  # last: older readers keep theirs
    return 0 if entries else 1
