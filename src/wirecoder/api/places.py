"""/api/places: the place picker of corrections, a name looked up in the gazetteer."""
from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..geo.paths import default_gazetteer_path
from ..geo.store import Gazetteer

router = APIRouter(prefix="/api", tags=["places"])


class Gazetteers:
    """One read-only gazetteer handle per worker thread, opened on first use."""

    def __init__(self, path):
        self.path = path
        self._local = threading.local()

    def get(self) -> Gazetteer:
        gazetteer = getattr(self._local, "gazetteer", None)
        if gazetteer is None:
            gazetteer = Gazetteer(self.path or default_gazetteer_path())
            self._local.gazetteer = gazetteer
        return gazetteer


@router.get("/places", summary="Places the gazetteer knows by a name, biggest first")
def find_places(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a place name as written")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    """Each place is in the record's Place shape, ready to send as a `location` correction."""
    gazetteer = request.app.state.gazetteers.get()
    entries = gazetteer.lookup(q)
    ranked = sorted(entries, key=lambda e: (int(e.kind), -(e.population or 0), e.place_id))
    seen: set[int] = set()
    places = []
    for entry in ranked:
        if entry.place_id in seen or entry.lat is None or entry.lon is None:
            continue
        seen.add(entry.place_id)
        places.append({"name": entry.name, "geonameid": entry.geonameid, "lat": entry.lat, "lon": entry.lon,
                       "country": entry.country, "admin1": entry.admin1, "admin2": gazetteer.admin2_of(entry),
                       "feature_class": entry.feature_class,
                       "feature_code": entry.feature_code, "population": entry.population,
                       "geo_precision": 1 if entry.feature_class == "P" else 3})
        if len(places) >= limit:
            break
    return {"places": places}
