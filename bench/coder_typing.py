"""The whole coder (rules + classifier) on the held-out split of the typing corpus: does it find the event a
line reports, and type it right?

Usage: .venv/bin/python bench/coder_typing.py [--split test] [--limit N]

Each line of data/training/<split>/*.jsonl is coded as a one-paragraph article. The prediction for a line is the
sub-event type of its first current (non-background) event, or "no event". Prints accuracy, weighted and macro F1
over the 25 sub-types plus "no event", event-type accuracy, detection precision and recall, and the per-class
figures, so that rules and classifier can be judged together on text the rules were not written from.
"""
from __future__ import annotations

import argparse
import pathlib
import random

from sklearn.metrics import classification_report, f1_score

from wirecoder.jsonl import read_file

ROOT = pathlib.Path(__file__).resolve().parents[1]
NONE = "no event"


def read_split(split: str) -> list[dict]:
    rows = []
    for path in sorted((ROOT / "data" / "training" / split).glob("*.jsonl")):
        rows.extend(read_file(path))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="test")
    parser.add_argument("--limit", type=int, default=0, help="sample this many lines (0: all)")
    args = parser.parse_args()
    from wirecoder import Coder
    from wirecoder.taxonomy import SUB_EVENT_TYPES

    rows = read_split(args.split)
    if args.limit:
        rows = random.Random(0).sample(rows, min(args.limit, len(rows)))
    coder = Coder()
    items = [{"id": str(i), "text": r["text"]} for i, r in enumerate(rows)]  # publication inferred from the text
    gold, predicted = [], []
    for row, record in zip(rows, coder.code_many(items)):
        gold.append(row.get("sub_event_type") or NONE)
        events = [e for e in record.get("events", []) if not e["background"]]
        predicted.append(events[0]["sub_event_type"] if events else NONE)
    labels = sorted(set(gold) | set(predicted))
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    event_type = lambda label: SUB_EVENT_TYPES.get(label, NONE)
    type_accuracy = sum(event_type(g) == event_type(p) for g, p in zip(gold, predicted)) / len(gold)
    positives = [(g, p) for g, p in zip(gold, predicted) if g != NONE]
    found = [(g, p) for g, p in zip(gold, predicted) if p != NONE]
    recall = sum(p != NONE for _, p in positives) / max(1, len(positives))
    precision = sum(g != NONE for g, _ in found) / max(1, len(found))
    sub_types = [label for label in labels if label != NONE]
    print(f"lines: {len(gold)} ({len(positives)} with an event), split: {args.split}")
    print(f"accuracy (26 classes incl. no event): {accuracy:.3f}")
    print(f"event-type accuracy: {type_accuracy:.3f}")
    print(f"weighted F1 over the sub-types: {f1_score(gold, predicted, labels=sub_types, average='weighted', zero_division=0):.3f}")
    print(f"macro F1 over the sub-types: {f1_score(gold, predicted, labels=sub_types, average='macro', zero_division=0):.3f}")
    print(f"event detection: precision {precision:.3f}, recall {recall:.3f}")
    print(classification_report(gold, predicted, labels=labels, zero_division=0, digits=3))


if __name__ == "__main__":
    main()
