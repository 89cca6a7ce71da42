"""wirecoder: conflict and crisis news in, evidence-backed event data out.

Importing the package is cheap: ``Coder`` (which loads spaCy, scikit-learn and dateparser) is imported on
first use of ``wirecoder.Coder``, so ``import wirecoder.errors`` or ``wirecoder.store`` loads no model.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .version import __version__

SCHEMA = "wirecoder.document/1"

if TYPE_CHECKING:
    from .coder import Coder

__all__ = ["Coder", "SCHEMA", "__version__"]


def __getattr__(name: str):
    if name == "Coder":
        from .coder import Coder

        return Coder
    raise AttributeError(f"module 'wirecoder' has no attribute {name!r}")
