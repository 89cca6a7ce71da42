"""Points on the globe: how far apart two are, and which areas hold a place."""
from __future__ import annotations

import math

from .store import Entry

EARTH_RADIUS_KM = 6371.0
SUBURB_KM = 60.0  # a big city has the places this near for suburbs


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def contains(area: Entry, entry: Entry) -> bool:
    """Whether a country or first-level area holds the entry (by codes, not by distance), or a big city has it for
    a suburb (within SUBURB_KM)."""
    if area.country is None or area.country != entry.country or area.place_id == entry.place_id:
        return False
    if area.feature_code == "PCLI":
        return True
    if area.feature_class == "P":
        return entry.lat is not None and distance_km(area.lat, area.lon, entry.lat, entry.lon) <= SUBURB_KM
    return area.feature_code == "ADM1" and area.admin1_code is not None and area.admin1_code == entry.admin1_code
