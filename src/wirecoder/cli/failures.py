"""`wirecoder failures --db FILE [--run N] [--json]`: the inputs an ingest could not read or code, and why."""
from __future__ import annotations

import argparse
import sys
from typing import Any

from ..jsonl import dumps_line


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "failures", help="list the inputs that ingest could not read or code, with their error codes",
        description="List the inputs of a store that failed: unreadable files, lines and pages (the failures "
                    "table) and articles read but not coded (failed documents), one per line: code, origin, "
                    "reason. Articles refused as not English (W004) are listed too.")
    parser.add_argument("--db", required=True, help="the SQLite store written by `wirecoder ingest`")
    parser.add_argument("--run", type=int, default=None, metavar="ID",
                        help="only the failures of this ingest run (its id is in the closing summary)")
    parser.add_argument("--json", action="store_true", help="one JSON object {code, origin, reason} per line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..store import Database

    with Database(args.db, readonly=True) as db:
        rows = [*db.failures(run_id=args.run), *db.failed_documents(run_id=args.run)]
    for row in rows:
        if args.json:
            sys.stdout.write(dumps_line({"code": row.code, "origin": row.origin, "reason": row.reason}) + "\n")
        else:
            reason = " ".join(row.reason.split())
            sys.stdout.write(f"{row.code}\t{row.origin}\t{reason}\n")
    print(f"{len(rows)} failed input(s)", file=sys.stderr)
    return 0
