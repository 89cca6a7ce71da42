"""Geoparsing: an embedded gazetteer, toponym recognition and context-ranked resolution, with no server."""
from __future__ import annotations

from .geoparser import Geoparser, geo_precision
from .paths import default_gazetteer_path
from .store import Entry, Gazetteer

__all__ = ["Entry", "Gazetteer", "Geoparser", "default_gazetteer_path", "geo_precision"]
