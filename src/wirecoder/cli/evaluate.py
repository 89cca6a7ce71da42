"""`wirecoder eval geoparse CORPUS.xml` and `wirecoder eval events FILE`: quality measures on gold data."""
from __future__ import annotations

from . import eval_events, eval_geoparse, eval_reviews


def register(subparsers) -> None:
    parser = subparsers.add_parser("eval", help="measure quality on a gold corpus (geoparse, events) or against reviews")
    sub = parser.add_subparsers(dest="eval_command", metavar="WHAT", required=True)
    eval_geoparse.register_eval(sub)
    eval_events.register_eval(sub)
    eval_reviews.register_eval(sub)
