"""`wirecoder import DIR --db FILE`: store a Parquet dataset written by `ingest --engine ray --out DIR`."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .ingest import format_summary


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "import", help="store a Parquet dataset written by `ingest --engine ray --out DIR`",
        description="Read a dataset written by `wirecoder ingest --engine ray --out DIR` and store its documents, "
                    "events and failures through the store's writer. Articles the store already holds are "
                    "skipped, near-copies of stored articles become duplicates; importing twice adds nothing.")
    parser.add_argument("path", metavar="DIR", help="the dataset folder")
    parser.add_argument("--db", required=True, help="the SQLite store (created if missing)")
    parser.add_argument("--dedup-threshold", type=float, default=0.8,
                        help="similarity above which an article is linked to a stored copy (0-1)")
    parser.add_argument("--json", action="store_true", help="print the closing summary as JSON on stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..ingest.dataset import import_dataset
    from ..store import Database

    with Database(args.db) as db:
        summary = import_dataset(args.path, db=db, dedup_threshold=args.dedup_threshold,
                                 arguments={"path": args.path, "db": args.db})
    if args.json:
        print(json.dumps({"run_id": summary.run_id, **summary.as_dict()}))
    print(format_summary(summary, db=args.db), file=sys.stderr)
    return 1 if summary.failed else 0  # as ingest: the dataset holds inputs that failed (now in the store)
