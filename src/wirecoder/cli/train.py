"""`wirecoder train --data FILE --out DIR [--seed N]`: train an event-typing model on your own labels."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "train", help="train an event-type classifier",
        description="Train the event-type classifier on JSONL lines {\"text\", \"sub_event_type\"} (null for a "
                    "text with no event), an ACLED CSV export (its `notes` and `sub_event_type` columns), or a "
                    "folder of such files. Use the result with `--model DIR`.")
    parser.add_argument("--data", required=True, help="JSONL file, ACLED CSV export, or a folder of them")
    parser.add_argument("--out", required=True, help="directory to write the model to")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same data and seed, same model)")
    parser.add_argument("--json", action="store_true", help="print the training report as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..typing import TrainingOptions  # scikit-learn: only when training
    from ..typing.corpus import read_corpus
    from ..typing.train_detector import DetectorOptions, corpus_kinds, train_detector

    lines, documents = read_corpus(args.data)
    options = DetectorOptions(sentence=TrainingOptions(seed=args.seed))
    model, detector_report = train_detector(lines, documents, kinds=corpus_kinds(Path(args.data)), options=options)
    directory = model.save(args.out)
    if args.json:
        json.dump(detector_report.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    report = detector_report.sentence
    print(f"sentence model: {report.examples} examples, {len(report.label_counts)} labels, "
          f"{report.features} features, in {report.seconds} s")
    print(f"cross-validated on the training data: accuracy {report.cv_accuracy:.4f}, "
          f"weighted F1 {report.cv_weighted_f1:.4f}, macro F1 {report.cv_macro_f1:.4f}, "
          f"calibration error {report.cv_calibration_error:.4f}")
    if model.topic is not None:
        print(f"topic model: {detector_report.topic_documents} documents and bundles, cross-validated accuracy "
              f"{detector_report.topic_cv_accuracy}")
    print(f"model written to {directory}")
    return 0
