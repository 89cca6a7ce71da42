"""Toponym recognition against the gold spans of GeoVirus and TR-News (read from ../shared/data by path).

Usage: .venv/bin/python bench/geoparse_recognition.py [--show N]
A found toponym counts as right when it overlaps a gold span. TR-News annotates nationality words ("Russian")
as toponyms, which wirecoder deliberately does not take for places, so its recall there is bounded below 1.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
from collections import Counter

from wirecoder.geo import Geoparser
from wirecoder.geo.evaluate import read_corpus
from wirecoder.stages.nlp import DEFAULT_MODEL, load_spacy

DATA = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoparsing"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=0, help="print the N most frequent misses and false finds")
    args = parser.parse_args(argv)
    nlp, geoparser = load_spacy(DEFAULT_MODEL), Geoparser()
    for corpus in ("GeoVirus", "TR-News"):
        tp = fp = fn = 0
        false_finds, misses = Counter(), Counter()
        for article in read_corpus(DATA / f"{corpus}.xml"):
            found = geoparser.toponyms(nlp(article.text))
            gold = [(t.start, t.end) for t in article.toponyms]
            for t in found:
                if any(s < t.end and t.start < e for s, e in gold):
                    tp += 1
                else:
                    fp += 1
                    false_finds[t.text] += 1
            for s, e in gold:
                if not any(s < t.end and t.start < e for t in found):
                    fn += 1
                    misses[article.text[s:e]] += 1
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        print(f"{corpus:<9} precision {precision:.3f}  recall {recall:.3f}  F1 {2 * precision * recall / (precision + recall):.3f}")
        if args.show:
            print("   false finds:", false_finds.most_common(args.show))
            print("   misses:", misses.most_common(args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
