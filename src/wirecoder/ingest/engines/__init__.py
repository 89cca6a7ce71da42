"""Engines that code a corpus: ``local`` (worker processes on this machine, ingest/runner.py) and ``ray``
(Ray Data stages on a local Ray or an existing cluster; the optional extra ``wirecoder[ray]``).

Nothing here imports Ray: the Ray modules are imported only when the ray engine is asked for."""
from __future__ import annotations
