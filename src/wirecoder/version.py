"""The package version, in a module of its own so that any module can read it without importing the package
root (and, through it, the Coder and its models)."""
from __future__ import annotations

__version__ = "0.1.0"
