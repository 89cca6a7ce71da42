"""`wirecoder export --db FILE --format csv|jsonl|geojson|parquet [--out FILE] [filters]`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import WirecoderError
from ..store import Database
from .events import add_filter_arguments, add_incident_arguments, event_filter, incident_filter

FORMATS = ("csv", "jsonl", "geojson", "parquet")  # wirecoder.export.FORMATS; pyarrow is imported only in run()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="export stored incidents (or reports) as ACLED-column CSV, JSONL, GeoJSON or Parquet",
        description="Write stored incidents to stdout or --out, one per event however many articles told it. "
                    "CSV has ACLED's columns in ACLED's order (source lists every outlet), then wirecoder's own; "
                    "JSONL is the whole wirecoder.incident/1 record with each report's event; GeoJSON (opens in "
                    "QGIS) and Parquet (DuckDB, pandas) carry the sources. --reports exports each article's own "
                    "events instead.")
    parser.add_argument("--format", required=True, choices=FORMATS)
    parser.add_argument("--out", help="the file to write (default: stdout); written whole or not at all")
    add_filter_arguments(parser)
    add_incident_arguments(parser, what="export")
    parser.set_defaults(func=run)


def writable_target(out: str) -> Path:
    """The file --out names, checked before anything is exported: not a folder, in a folder that exists."""
    target = Path(out)
    if target.is_dir() or out.endswith(("/", os.sep)):
        raise WirecoderError("W104", f"--out {out} is a folder, not a file", fix=f"name a file, e.g. --out "
                                     f"{target / 'events.csv'}")
    if not target.parent.is_dir():
        raise WirecoderError("W104", f"--out {out}: the folder {target.parent} does not exist")
    return target


def run(args: argparse.Namespace) -> int:
    from functools import partial as bind

    from ..export import export_events, export_incidents

    with_text = args.format in ("csv", "geojson", "parquet")
    with Database(args.db, readonly=True) as db:
        if args.reports:
            items: Any = db.events(event_filter(args), limit=args.limit, with_text=with_text)
            export, what = bind(export_events, items), "events"
        else:
            items = db.iter_incidents(incident_filter(args), limit=args.limit, with_reports=True, with_text=with_text)
            export, what = bind(export_incidents, items), "incidents"
        if not args.out:
            count = export(format=args.format, out=sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            target = writable_target(args.out)
            partial = target.with_name(f".{target.name}.partial")
            try:
                with partial.open("wb") as out:
                    count = export(format=args.format, out=out)
                os.replace(partial, target)
            except OSError as err:
                raise WirecoderError("W104", f"cannot write {target}: {err.strerror}") from err
            finally:
                partial.unlink(missing_ok=True)
    print(f"exported {count} {what}", file=sys.stderr)
    return 0
