"""Coder speed against bare spaCy with the same model, on the same texts, in the same run.

Usage: .venv/bin/python bench/coder_speed.py [--limit N] [--rounds R]

Texts: the article texts of the public geoparsing corpora in ../shared/data/geoparsing (read by path, never
copied). Prints docs/s for bare spaCy (the same pipeline package and components the coder loads) and for the
whole coder, their ratio (target: coder >= 0.6 x spaCy), and the process's peak memory (target < 1.5 GB).
The two alternate chunk by chunk (25 texts each), so that load from other processes hits both alike; each
round's totals are summed over its chunks and the best round of each is reported.
"""
from __future__ import annotations

import argparse
import pathlib
import resource
import time
import xml.etree.ElementTree as ET

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoparsing"


def corpus_texts(limit: int) -> list[str]:
    texts = []
    for name in ("GeoVirus.xml", "TR-News.xml"):
        root = ET.parse(SHARED / name).getroot()
        for article in root.iter("article"):
            node = article.find("text")
            if node is not None and node.text and node.text.strip():
                texts.append(node.text)
    return texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from wirecoder import Coder
    from wirecoder.stages.nlp import load_spacy

    texts = corpus_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    coder = Coder()
    nlp = load_spacy(coder.spacy_model)
    items = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    list(coder.code_many(items[:5]))  # warm both up
    list(nlp.pipe(texts[:5]))

    spacy_times, coder_times = [], []
    failed = 0
    for _ in range(args.rounds):
        spacy_total = coder_total = 0.0
        failed = 0
        for chunk in range(0, len(texts), 25):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts[chunk:chunk + 25], batch_size=coder.batch_size):
                pass
            spacy_total += time.perf_counter() - start
            start = time.perf_counter()
            failed += sum("error" in r for r in coder.code_many(items[chunk:chunk + 25]))
            coder_total += time.perf_counter() - start
        spacy_times.append(spacy_total)
        coder_times.append(coder_total)

    spacy_rate = len(texts) / min(spacy_times)
    coder_rate = len(texts) / min(coder_times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(texts)} ({words:,} words), rounds: {args.rounds}, failed: {failed}")
    print(f"bare spaCy ({coder.spacy_model}, {', '.join(nlp.pipe_names)}): {spacy_rate:.2f} docs/s")
    print(f"wirecoder coder (all stages): {coder_rate:.2f} docs/s")
    print(f"ratio coder/spaCy: {coder_rate / spacy_rate:.2f} (target >= 0.60)")
    print(f"peak memory of this process: {peak_mb:.0f} MB (target < 1536 MB)")


if __name__ == "__main__":
    main()
