"""`wirecoder export --db FILE --format csv|jsonl|geojson|parquet|training [--reports] [--reviewed] [--out FILE]
[filters]`."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import WirecoderError
from ..store import Database
from .events import add_filter_arguments, add_incident_arguments, event_filter, incident_filter

FORMATS = ("csv", "jsonl", "geojson", "parquet")  # wirecoder.export.FORMATS; pyarrow is imported only in run()
TRAINING = "training"  # reviewed events as training lines (wirecoder.review.training)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="export stored incidents (or reports) as ACLED-column CSV, JSONL, GeoJSON or Parquet",
        description="Write stored incidents to stdout or --out, one per event however many articles told it. "
                    "CSV has ACLED's columns in ACLED's order (source lists every outlet), then wirecoder's own; "
                    "JSONL is the whole wirecoder.incident/1 record with each report's event; GeoJSON (opens in "
                    "QGIS) and Parquet (DuckDB, pandas) carry the sources. --reports exports each article's own "
                    "events instead, with analysts' reviewed values shown and marked (review_status, "
                    "reviewed_fields; rejected events left out); --reviewed only those accepted or corrected. "
                    "`--reviewed --format training` writes reviewed events as lines `wirecoder train` reads.")
    parser.add_argument("--format", required=True, choices=(*FORMATS, TRAINING),
                        help="the output format (docs/export.md)")
    parser.add_argument("--out", help="the file to write (default: stdout); written whole or not at all")
    add_filter_arguments(parser)
    add_incident_arguments(parser, what="export")
    parser.add_argument("--reviewed", action="store_true",
                        help="each article's events an analyst accepted or corrected (implies --reports; with "
                             "--format training: every reviewed event that says something about its type, "
                             "rejections as negatives)")
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


def _write_training(db: Database, *, out: BinaryIO) -> int:
    from ..review.training import training_examples

    count = 0
    for example in training_examples(db):
        out.write(json.dumps(example, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    if not count:
        raise WirecoderError("W078", f"the store {db.path} holds no reviewed events with a trigger sentence")
    return count


def run(args: argparse.Namespace) -> int:
    from functools import partial as bind

    from ..export import export_events, export_incidents

    with_text = args.format in ("csv", "geojson", "parquet")
    with Database(args.db, readonly=True) as db:
        if args.format == TRAINING:
            export, what = bind(_write_training, db), "reviewed events"
        elif args.reports or args.reviewed:
            chosen = event_filter(args)
            if args.reviewed:
                chosen = dataclasses.replace(chosen, review="reviewed")
            items: Any = db.events(chosen, limit=args.limit, with_text=with_text)
            export, what = bind(export_events, items, format=args.format), "events"
        else:
            items = db.reviewed_incidents(db.iter_incidents(incident_filter(args), limit=args.limit,
                                                            with_reports=True, with_text=with_text))
            export, what = bind(export_incidents, items, format=args.format), "incidents"
        if not args.out:
            count = export(out=sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            target = writable_target(args.out)
            partial = target.with_name(f".{target.name}.partial")
            try:
                with partial.open("wb") as out:
                    count = export(out=out)
                os.replace(partial, target)
            except OSError as err:
                raise WirecoderError("W104", f"cannot write {target}: {err.strerror}") from err
            finally:
                partial.unlink(missing_ok=True)
    print(f"exported {count} {what}", file=sys.stderr)
    return 0
