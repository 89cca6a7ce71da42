"""Getting a Ray to run on: import it (a coded error when the extra is missing), start a local Ray or join an
existing cluster, and leave a Ray this process did not start running."""
from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType

from ...errors import WirecoderError


def import_ray() -> ModuleType:
    """``ray`` with Ray Data, or W080 saying how to install it."""
    try:
        ray = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError as err:
        raise WirecoderError("W080", f"the ray engine needs Ray Data, which is not installed ({err})") from err
    return ray


BYTES_PER_ARTICLE = 12 * 1024  # a news article's text, fingerprint and record, as Ray Data carries them


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # None: start a local Ray for this run; "auto" or "ray://host:10001": join one
    num_cpus: int | None = None  # of a local Ray (None: every core)
    workers: int | None = None  # coder actors, each holding one Coder on one CPU (None: one per CPU of the Ray)
    batch_size: int = 32  # articles per map_batches call of a coder actor
    quiet: bool = True  # no Ray Data progress bars or INFO lines on stderr (the command prints its own)


@contextmanager
def ray_session(options: RayOptions) -> Iterator[ModuleType]:
    """A connected Ray for the duration of the block. A Ray this process was already connected to (a test
    session, a notebook) is used as it is and left running; one started here is shut down at the end."""
    ray = import_ray()
    started = False
    if not ray.is_initialized():
        # a local Ray's workers run at the user's priority, as the local engine's worker processes do (Ray's
        # default niceness of 15 lets any other load on the machine starve them)
        local = {} if options.address else {"num_cpus": options.num_cpus, "_system_config": {"worker_niceness": 0}}
        try:
            ray.init(address=options.address, include_dashboard=False, configure_logging=True,
                     logging_level=logging.WARNING if options.quiet else logging.INFO, **local)
        except (ConnectionError, RuntimeError, ValueError) as err:
            where = options.address or "a local Ray"
            raise WirecoderError("W081", f"cannot start or join Ray at {where}: {err}") from err
        started = True
    context = importlib.import_module("ray.data").DataContext.get_current()
    context.execution_options.preserve_order = True  # records and duplicate links come out in input order
    # Ray Data hands the actor pool one block per task: blocks of about a batch each give every coder actor
    # work however the inputs are cut (one JSONL file is one block when read). A streaming repartition would
    # need a CPU that the coder actors hold, so the block size is what is set.
    context.target_max_block_size = max(64 * 1024, options.batch_size * BYTES_PER_ARTICLE)
    if options.quiet:
        context.enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def coder_actors(ray: ModuleType, options: RayOptions) -> int:
    """How many coder actors: as asked, else one for each CPU the Ray has."""
    return options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
