"""The `wirecoder` command: a thin layer that dispatches to one module per command.

Each command module exposes ``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning the exit status. User errors arrive as
WirecoderError and are printed as one line with their code and fix, never as a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import WirecoderError
from ..version import __version__

COMMAND_MODULES = (
    "code",
    "info",
    "geoparse",
    "gazetteer",
    "ingest",
    "events",
    "incident",
    "merge",
    "export",
    "failures",
    "train",
    "evaluate",
    "import_dataset",
    "watch",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirecoder", description="Conflict news in, evidence-backed event data out.")
    parser.add_argument("--version", action="version", version=f"wirecoder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"wirecoder.cli.{name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WirecoderError as err:
        print(f"wirecoder: error {err.code}: {err.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("wirecoder: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
