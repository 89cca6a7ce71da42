"""`wirecoder eval geoparse CORPUS.xml ...`: toponym resolution on GeoVirus / TR-News with gold spans given."""
from __future__ import annotations

import argparse
import pathlib
from typing import Any

from ..geo import Geoparser
from ..geo.evaluate import SPLITS, Scores, outcomes, read_corpus, score, scores_by_kind, select_split


def register_eval(eval_subparsers: Any) -> None:
    parser = eval_subparsers.add_parser(
        "geoparse", help="toponym resolution accuracy on GeoVirus or TR-News XML",
        description="Resolve the gold toponym spans of each corpus and print, for its dev and test parts, N, "
                    "accuracy within 161 km, exact GeoNames-id match and 'within 161 km or the same GeoNames "
                    "id' (where the gold has ids), mean and median error in km, and candidate recall (the share "
                    "whose right answer is among the candidates); then the same by toponym kind (literal, "
                    "modifier, metonym, read from the parse). Unresolved toponyms count as wrong, with an error "
                    "of 20,039 km.")
    parser.add_argument("corpora", nargs="+", type=pathlib.Path, metavar="CORPUS.xml",
                        help="GeoVirus.xml or TR-News.xml (gold toponyms with their places)")
    parser.add_argument("--gazetteer", type=pathlib.Path, default=None,
                        help="the gazetteer to resolve with (default: the built one)")
    parser.add_argument("--split", choices=("both", *SPLITS, "all"), default="both",
                        help="which part of each corpus: dev (tuned on), test (gated on), both (default), all")
    parser.add_argument("--no-kinds", action="store_true",
                        help="skip the rows by toponym kind (they need the spaCy parse of every article)")
    parser.add_argument("--spacy-model", default=None, help="spaCy pipeline for the kinds (default: the coder's)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    geoparser = Geoparser(gazetteer_path=args.gazetteer)
    nlp = None if args.no_kinds else _parser(args.spacy_model)
    splits = SPLITS if args.split == "both" else (args.split,)
    print(Scores.header())
    for path in args.corpora:
        articles = read_corpus(path)
        for split in splits:
            name = path.stem if split == "all" else f"{path.stem}/{split}"
            results = outcomes(geoparser, select_split(articles, split), nlp=nlp)
            if not results:
                print(f"{name:<22} {0:>5}  (no gold toponyms in this part)")
                continue
            print(score(results, corpus=name).row())
            for row in scores_by_kind(results, corpus=name) if nlp is not None else ():
                print(row.row())
    return 0


def _parser(model: str | None):
    import spacy

    from ..stages.nlp import DEFAULT_MODEL

    return spacy.load(model or DEFAULT_MODEL, exclude=["ner"])
