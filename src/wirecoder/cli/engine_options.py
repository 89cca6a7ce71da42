"""The options that choose an engine (`ingest` and `code --jsonl`), and the Ray settings made from them."""
from __future__ import annotations

import argparse
from typing import Any

from ..errors import WirecoderError


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local: worker processes on this machine (default); ray: Ray Data stages on a local "
                            "Ray or a cluster (needs `pip install 'wirecoder[ray]'`)")
    group.add_argument("--address", default=None,
                       help="with --engine ray: the Ray cluster to join ('auto', 'ray://HOST:10001'); "
                            "default: start a local Ray for this run")
    group.add_argument("--ray-cpus", type=int, default=None,
                       help="with --engine ray and no --address: CPUs of the local Ray (default: every core)")


def check_engine_options(args: argparse.Namespace) -> None:
    if args.engine != "ray":
        for option, value in (("--address", args.address), ("--ray-cpus", args.ray_cpus),
                              ("--out", getattr(args, "out", None))):
            if value is not None:
                raise WirecoderError("W083", f"{option} goes with --engine ray")
    if args.workers is not None and args.workers < 1:
        raise WirecoderError("W008", f"--workers must be at least 1, not {args.workers}")


def ray_options(args: argparse.Namespace, *, default_batch: int = 32) -> Any:
    from ..ingest.engines.cluster import RayOptions

    return RayOptions(address=args.address, num_cpus=args.ray_cpus, workers=args.workers,
                      batch_size=args.batch_size or default_batch)
