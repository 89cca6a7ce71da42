"""wirecoder: conflict and crisis news in, evidence-backed event data out."""
from __future__ import annotations

__version__ = "0.1.0"
SCHEMA = "wirecoder.document/1"
