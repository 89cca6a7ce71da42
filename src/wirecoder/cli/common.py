"""Options shared by the commands that code text, and the one place that builds a Coder from them."""
from __future__ import annotations

import argparse

from ..settings import DEFAULT_MAX_CHARS, DEFAULT_SPACY_MODEL


def add_coder_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("coder")
    group.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL,
                       help="spaCy pipeline package to load (default: %(default)s)")
    group.add_argument("--gazetteer", default=None, help="path of the gazetteer SQLite file (default: the built one)")
    group.add_argument("--model", dest="typing_model", default=None,
                       help="directory of an event-typing model trained with `wirecoder train`")
    group.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                       help="longest text coded (default: %(default)s)")


def build_coder(args: argparse.Namespace):
    from ..coder import Coder

    return Coder(spacy_model=args.spacy_model, gazetteer=args.gazetteer, typing_model=args.typing_model,
                 max_chars=args.max_chars)
