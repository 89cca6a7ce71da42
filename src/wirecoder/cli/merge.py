"""`wirecoder merge --db FILE`: merge every stored report into incidents again, from scratch, atomically."""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from ..store import Database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "merge", help="rebuild the incidents of a store from its reports (after a rule or model change)",
        description="Drop every incident and merge all stored reports again, in one transaction: readers see "
                    "the old incidents until the new ones are complete. Incident ids are kept wherever the same "
                    "reports form the same incident.")
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON on stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    with Database(args.db) as db:
        result = db.rebuild_incidents()
        total = db.counts().incidents
    summary = {**result.as_dict(), "incidents": total, "seconds": round(time.perf_counter() - started, 2)}
    if args.json:
        print(json.dumps(summary))
    print(f"merged {summary['reports_linked']} reports into {total} incidents: {summary['created']} created, "
          f"{summary['updated']} updated, {summary['removed']} removed in {summary['seconds']:.1f} s", file=sys.stderr)
    return 0
