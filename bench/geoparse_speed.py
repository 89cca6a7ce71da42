"""Speed and memory of geoparsing, against bare spaCy on the same texts in the same run.

Usage: .venv/bin/python bench/geoparse_speed.py [--limit N]
Prints: spaCy docs/s, the places stage's time per article, their ratio (the share geoparsing adds to the
coder's time for spaCy's part of it), gazetteer lookup time (uncached and cached) and resident memory.
"""
from __future__ import annotations

import argparse
import pathlib
import resource
import sqlite3
import sys
import time

from wirecoder.geo import Gazetteer, Geoparser, default_gazetteer_path
from wirecoder.geo.evaluate import read_corpus
from wirecoder.stages.nlp import DEFAULT_MODEL, load_spacy

DATA = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoparsing"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=200, help="articles to time")
    args = parser.parse_args(argv)
    texts = [a.text for corpus in ("GeoVirus.xml", "TR-News.xml") for a in read_corpus(DATA / corpus)][: args.limit]
    words = sum(len(t.split()) for t in texts)

    before = rss_mb()
    started = time.perf_counter()
    geoparser = Geoparser()
    print(f"geoparser opened in {time.perf_counter() - started:.3f} s, +{rss_mb() - before:.1f} MB resident")

    nlp = load_spacy(DEFAULT_MODEL)
    started = time.perf_counter()
    docs = [nlp(t) for t in texts]
    spacy_s = time.perf_counter() - started

    started = time.perf_counter()
    places = sum(len(geoparser.places_in_doc(doc, text=t)) for doc, t in zip(docs, texts))
    places_s = time.perf_counter() - started

    print(f"articles: {len(texts)}, words: {words}, places found: {places}")
    print(f"spaCy ({DEFAULT_MODEL}, all components the coder loads): {len(texts) / spacy_s:.1f} docs/s "
          f"({1000 * spacy_s / len(texts):.1f} ms/article)")
    print(f"places stage: {1000 * places_s / len(texts):.2f} ms/article")
    print(f"places / spaCy time: {places_s / spacy_s:.3f}")

    keys = [row[0] for row in sqlite3.connect(f"file:{default_gazetteer_path()}?mode=ro", uri=True).execute(
        "SELECT key FROM names ORDER BY random() LIMIT 20000")]
    with Gazetteer(default_gazetteer_path()) as gaz:
        started = time.perf_counter()
        for key in keys:
            gaz.lookup_key(key)
        cold = (time.perf_counter() - started) / len(keys)
        started = time.perf_counter()
        for key in keys:
            gaz.lookup_key(key)
        warm = (time.perf_counter() - started) / len(keys)
    print(f"lookup: {cold * 1e6:.1f} µs uncached, {warm * 1e6:.2f} µs cached ({len(keys)} keys)")
    print(f"resident memory now: {rss_mb():.0f} MB (spaCy model included), peak "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"gazetteer file {default_gazetteer_path().stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
