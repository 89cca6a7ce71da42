"""`wirecoder info [--json]`: version, spaCy model package and the pipeline's stages."""
from __future__ import annotations

import argparse
import json

from .common import add_coder_options, build_coder


def register(subparsers) -> None:
    parser = subparsers.add_parser("info", help="print the version, the spaCy model and the stages")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_coder_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    info = build_coder(args).info()
    if args.json:
        print(json.dumps(info, indent=2))
        return 0
    print(f"wirecoder {info['version']} ({info['schema']})")
    print(f"spaCy model: {info['spacy_model']} [{', '.join(info['spacy_components'])}]")
    print("stages: " + " → ".join(s["name"] for s in info["stages"]))
    return 0
