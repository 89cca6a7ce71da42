"""wirecoder: conflict and crisis news in, evidence-backed event data out."""
from __future__ import annotations

__version__ = "0.1.0"
SCHEMA = "wirecoder.document/1"

from .coder import Coder  # noqa: E402  (the version above is read by coder.py)

__all__ = ["Coder", "SCHEMA", "__version__"]
