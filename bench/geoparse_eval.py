"""Toponym resolution with gold spans on GeoVirus and TR-News (read from ../shared/data by path).

Usage: .venv/bin/python bench/geoparse_eval.py [CORPUS.xml ...] [--split dev|test|all] [--errors N] [--by-feature]
Prints, per corpus part (dev by default: error lists are for developing rules, on the dev part only): N, accuracy
within 161 km, exact GeoNames-id match, mean and median error, candidate recall.
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

from wirecoder.geo import Geoparser
from wirecoder.geo.evaluate import Scores, evaluate, read_corpus, resolved, select_split
from wirecoder.geo.points import distance_km

SKIP_CODES = ("PCLI", "CONT")  # errors on countries' points are conventions, listed apart by --errors
DATA = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoparsing"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", type=pathlib.Path,
                        default=[DATA / "GeoVirus.xml", DATA / "TR-News.xml"])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent wrong resolutions")
    parser.add_argument("--by-feature", action="store_true",
                        help="print accuracy within 161 km by the kind of place chosen (country, town, area...)")
    args = parser.parse_args(argv)
    geoparser = Geoparser()
    print(Scores.header())
    for path in args.corpora:
        articles = select_split(read_corpus(path), args.split)
        started = time.perf_counter()
        scores = evaluate(geoparser, articles, corpus=f"{path.stem}/{args.split}")
        print(scores.row(), f"  ({time.perf_counter() - started:.1f} s)")
        if args.errors:
            _print_errors(geoparser, articles, args.errors)
        if args.by_feature:
            _print_by_feature(geoparser, articles)
    return 0


def _print_by_feature(geoparser, articles) -> None:
    from collections import Counter
    right, total = Counter(), Counter()
    for art, places in resolved(geoparser, articles):
        for gold, place in zip(art.toponyms, places):
            kind = "unresolved" if place.lat is None else "by context" if place.within is not None else (
                place.feature_code if place.feature_code in ("PCLI", "CONT", "ADM1", "ADM2", "RGN") else
                place.feature_class)
            total[kind] += 1
            right[kind] += place.lat is not None and distance_km(gold.lat, gold.lon, place.lat, place.lon) <= 161
    for kind, n in total.most_common():
        print(f"   {kind:<10} {n:5d}  acc@161 {right[kind] / n:.3f}")
    print(f"   countries that are the gold's own country (by id, or by the linked page's name): "
          f"{_right_countries(geoparser, articles):.3f}")
    rest = [k for k in total if k not in ("PCLI", "CONT")]
    print(f"   all but countries and continents: {sum(total[k] for k in rest)} toponyms, acc@161 "
          f"{sum(right[k] for k in rest) / sum(total[k] for k in rest):.3f}")


def _right_countries(geoparser, articles) -> float:
    """The share of toponyms resolved to a country that resolve to the very country the gold means, whatever
    the point: what is left of the country error is the corpora's point conventions, not the choice."""
    right = total = 0
    for art, places in resolved(geoparser, articles):
        for gold, place in zip(art.toponyms, places):
            if place.feature_code != "PCLI":
                continue
            total += 1
            if gold.geonameid is not None:
                right += gold.geonameid == place.geonameid
            elif gold.page:
                linked = geoparser.gazetteer.lookup(gold.page.split(" (", 1)[0])
                right += any(e.geonameid == place.geonameid for e in linked)
    return right / total if total else 0.0


def _print_errors(geoparser, articles, limit: int) -> None:
    from collections import Counter
    wrong = Counter()
    for art, places in resolved(geoparser, articles):
        for gold, place in zip(art.toponyms, places):
            err = distance_km(gold.lat, gold.lon, place.lat, place.lon) if place.lat is not None else None
            if (err is None or err > 161) and place.feature_code not in SKIP_CODES:
                wrong[(gold.name, place.name, place.country, place.feature_code,
                       None if err is None else round(err))] += 1
    for key, count in wrong.most_common(limit):
        print(f"   {count:3d} {key}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
