"""Main-text extraction quality: token precision, recall and F1 against human-written article bodies.

Reads Scrapinghub's article extraction benchmark by path (181 pages; nothing is copied into the repository):
    .venv/bin/python bench/extraction.py [--data ../shared/data/article_extraction] [--limit N]
Token P/R/F1 per page as in the benchmark's own evaluation (bag of whitespace tokens), averaged over pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from wirecoder.errors import WirecoderError
from wirecoder.ingest.html import HtmlOptions, extract_article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "article_extraction"


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    pred, true = Counter(predicted.split()), Counter(gold.split())
    overlap = sum((pred & true).values())
    if not pred and not true:
        return 1.0, 1.0, 1.0
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(true.values()) if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--favor-recall", action="store_true", help="trafilatura's recall-leaning mode")
    args = parser.parse_args()
    gold = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: args.limit]
    options = HtmlOptions(favor_recall=args.favor_recall)
    totals = [0.0, 0.0, 0.0]
    empty = 0
    started = time.perf_counter()
    for page_id in ids:
        html = gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes())
        try:
            text = extract_article(html, origin=page_id, url=gold[page_id].get("url"), options=options).text
        except WirecoderError:
            text, empty = "", empty + 1
        for i, value in enumerate(token_prf(text, gold[page_id]["articleBody"])):
            totals[i] += value
    seconds = time.perf_counter() - started
    n = len(ids)
    print(f"pages {n}  no-article {empty}  precision {totals[0] / n:.3f}  recall {totals[1] / n:.3f}  "
          f"F1 {totals[2] / n:.3f}  ({seconds:.1f} s, {n / seconds:.1f} pages/s)")


if __name__ == "__main__":
    main()
