"""`wirecoder train --data FILE --out DIR [--seed N]`: train an event-typing model on your own labels."""
from __future__ import annotations

import argparse
import json
import sys
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
    from ..typing import TrainingOptions, read_examples, train_model  # scikit-learn: only when training

    examples = read_examples(args.data)
    model, report = train_model(examples, options=TrainingOptions(seed=args.seed))
    directory = model.save(args.out)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"trained on {report.examples} examples, {len(report.label_counts)} labels, "
          f"{report.features} features, in {report.seconds} s")
    print(f"cross-validated on the training data: accuracy {report.cv_accuracy:.4f}, "
          f"weighted F1 {report.cv_weighted_f1:.4f}, macro F1 {report.cv_macro_f1:.4f}, "
          f"calibration error {report.cv_calibration_error:.4f}")
    print(f"model written to {directory}")
    return 0
