"""Options shared by the commands that code text, and the one place that builds a Coder from them."""
from __future__ import annotations

import argparse

from ..settings import DEFAULT_MAX_CHARS, DEFAULT_MIN_CONFIDENCE, DEFAULT_SPACY_MODEL


def add_coder_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("coder")
    group.add_argument("--spacy-model", default=DEFAULT_SPACY_MODEL,
                       help="spaCy pipeline package to load (default: %(default)s)")
    group.add_argument("--gazetteer", default=None, help="path of the gazetteer SQLite file (default: the built one)")
    group.add_argument("--model", dest="typing_model", default=None,
                       help="directory of an event-typing model trained with `wirecoder train`")
    group.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                       help="longest text coded (default: %(default)s)")


def add_confidence_option(parser: argparse.ArgumentParser, *, what: str) -> None:
    """--min-confidence X, shared by `code`, `ingest`, `events` and `export` (docs/settings.md: the default)."""
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE, metavar="X",
                        help=f"{what} (0-1; default %(default)s; 0 shows every event)")


def build_coder(args: argparse.Namespace):
    from ..coder import Coder

    return Coder(spacy_model=args.spacy_model, gazetteer=args.gazetteer, typing_model=args.typing_model,
                 max_chars=args.max_chars)
