"""A stand-in coder for the kill -9 test: each article "Report of incident N by OUTLET" yields one attack event
of incident N (its own town and day), so articles from several outlets merge. Slowed by MERGING_CODER_DELAY."""
from __future__ import annotations

import os
import re
import time

from incident_helpers import CIVILIANS, GUNMEN, event


class MergingCoder:
    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def code_many(self, items):
        for item in items:
            if self.delay:
                time.sleep(self.delay)
            number = int(re.search(r"incident (\d+)", item["text"]).group(1))
            town = {"text": f"Town {number}", "start": 0, "end": 6, "name": f"Town {number}",
                    "geonameid": 50_000 + number, "lat": 10.0 + number, "lon": 5.0, "country": "ML",
                    "admin1": "Kora", "feature_class": "P", "feature_code": "PPL", "geo_precision": 1}
            killed = int(re.search(r"killed (\d+)", item["text"]).group(1))
            reported = event(date=f"2024-03-{number % 28 + 1:02d}", where=town, actor1=GUNMEN, actor2=CIVILIANS,
                             killed=killed)
            yield {"schema": "wirecoder.document/1", "id": item["id"], "title": None, "url": None,
                   "source": item.get("source"), "language": "en", "published": item.get("published"),
                   "published_from": "given", "events": [{**reported, "id": f"{item['id']}-e1"}], "places": [],
                   "quotes": [], "framing": [], "boilerplate": [], "warnings": []}


def make_coder() -> MergingCoder:
    return MergingCoder(delay=float(os.environ.get("MERGING_CODER_DELAY", "0")))
