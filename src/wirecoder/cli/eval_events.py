"""`wirecoder eval events FILE [--model DIR]`: score event typing against gold labels."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register_eval(eval_subparsers: Any) -> None:
    parser = eval_subparsers.add_parser(
        "events", help="event-type accuracy, F1 and confusions on a gold file",
        description="Score the event-type classifier on gold JSONL {id, text, event_type, sub_event_type} "
                    "(null types for a text with no event), the training corpus format, a folder of such "
                    "files (e.g. data/training/test), or an ACLED CSV export.")
    parser.add_argument("file", help="gold JSONL file, folder of .jsonl files, or ACLED CSV export")
    parser.add_argument("--model", default=None, help="a model trained with `wirecoder train` (default: shipped)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..typing import TypingModel, read_examples  # scikit-learn: only when this command runs
    from ..typing.evaluate import evaluate_model, format_report

    examples = read_examples(args.file)
    report = evaluate_model(TypingModel.load(args.model), examples)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_report(report))
    return 0
