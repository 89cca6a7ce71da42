"""`wirecoder eval reviews --db FILE [--json]`: the coder's stored events scored against analysts' reviews."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..review.training import score_reviews
from ..store import Database


def register_eval(eval_subparsers: Any) -> None:
    parser = eval_subparsers.add_parser(
        "reviews", help="event precision and per-field accuracy against the reviews in a store",
        description="Score the coded events of a store against its reviews: the share of reviewed events that "
                    "analysts kept (precision; rejections by reason), and per field the share of kept events "
                    "whose coded value no one corrected. To score the event-type classifier on reviewed "
                    "sentences, export them (`wirecoder export --reviewed --format training`) and run "
                    "`wirecoder eval events` on the file.")
    parser.add_argument("--db", required=True, help="the SQLite store with reviews")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Database(args.db, readonly=True) as db:
        score = score_reviews(db)
    if args.json:
        json.dump(score.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    rejected = ", ".join(f"{reason} {n}" for reason, n in sorted(score.rejected.items())) or "none"
    print(f"reviewed events {score.reviewed}: kept {score.kept}, rejected {sum(score.rejected.values())} "
          f"({rejected})")
    print(f"event precision {score.precision:.4f}")
    for name, accuracy in score.field_accuracy().items():
        print(f"{name:<11} accuracy {accuracy:.4f} ({score.corrected_fields.get(name, 0)} corrected)")
    return 0
