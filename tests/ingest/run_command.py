"""Runs one wirecoder command module as its own process, the way the `wirecoder` dispatcher does, so
subprocess tests do not depend on the other commands being importable:
    python tests/ingest/run_command.py ingest ARGS...
"""
from __future__ import annotations

import argparse
import importlib
import sys

from wirecoder.errors import WirecoderError


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="wirecoder")
    sub = parser.add_subparsers(dest="command", required=True)
    importlib.import_module(f"wirecoder.cli.{argv[0]}").register(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except WirecoderError as err:
        print(f"wirecoder: error {err.code}: {err.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
