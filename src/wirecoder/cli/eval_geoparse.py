"""`wirecoder eval geoparse CORPUS.xml ...`: toponym resolution on GeoVirus / TR-News with gold spans given."""
from __future__ import annotations

import argparse
import pathlib
from typing import Any

from ..geo import Geoparser
from ..geo.evaluate import Scores, evaluate, read_corpus


def register_eval(eval_subparsers: Any) -> None:
    parser = eval_subparsers.add_parser(
        "geoparse", help="toponym resolution accuracy on GeoVirus or TR-News XML",
        description="Resolve the gold toponym spans of each corpus and print N, exact GeoNames-id match (where "
                    "the gold has ids), accuracy within 161 km, mean and median error in km, and candidate "
                    "recall (the share whose right answer is among the candidates). Unresolved toponyms count "
                    "as wrong, with an error of 20,039 km.")
    parser.add_argument("corpora", nargs="+", type=pathlib.Path, metavar="CORPUS.xml")
    parser.add_argument("--gazetteer", type=pathlib.Path, default=None)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    geoparser = Geoparser(gazetteer_path=args.gazetteer)
    print(Scores.header())
    for path in args.corpora:
        print(evaluate(geoparser, read_corpus(path), corpus=path.stem).row())
    return 0
