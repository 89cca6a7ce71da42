"""One local Ray (2 CPUs) for every Ray test of the session: starting Ray costs seconds, so it starts once.

The Ray workers import the stand-in coder (tests/ingest/fake_coder.py) by module name, so its folder goes on
the PYTHONPATH they inherit."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
INGEST_TESTS = HERE.parent / "ingest"
SRC = HERE.parents[1] / "src"
sys.path.insert(0, str(INGEST_TESTS))  # fake_coder, for this process too


@pytest.fixture(scope="session")
def local_ray():
    if os.environ.get("CI"):  # CI installs the extra: a missing Ray fails there instead of skipping
        import ray
    else:
        ray = pytest.importorskip("ray", reason="the ray extra is not installed")
    paths = [str(INGEST_TESTS), str(SRC), os.environ.get("PYTHONPATH", "")]
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING,
             _system_config={"worker_niceness": 0})  # as the ray engine starts a local Ray
    try:
        yield ray
    finally:
        ray.shutdown()
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous
