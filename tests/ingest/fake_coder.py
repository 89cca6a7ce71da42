"""A stand-in with the Coder's code_many shape, so ingest tests run without spaCy.

It makes one event per sentence containing "killed" (of confidence 0.1 in a sentence marked [unsure], else 0.9),
warns W101 for an article with no publication date, raises W004 for text marked [fr], and can be slowed
down (FAKE_CODER_DELAY seconds per article) so a test can kill a run mid-way."""
from __future__ import annotations

import os
import re
import time

from wirecoder.errors import WirecoderError


class FakeCoder:
    def __init__(self, delay: float = 0.0):
        self.delay = delay

    def code(self, text, *, published=None, title=None, url=None, source=None, id=None):
        if not text.strip():
            raise WirecoderError("W001")
        if "[fr]" in text:
            raise WirecoderError("W004")
        if self.delay:
            time.sleep(self.delay)
        events = []
        for n, match in enumerate(re.finditer(r"[^.]*\bkilled\b[^.]*\.", text)):
            events.append({
                "id": f"{id}-e{n}", "event_type": "Violence against civilians", "sub_event_type": "Attack",
                "date": published, "date_end": None, "time_precision": 1,
                "actor1": {"name": "Unidentified Armed Group", "kind": "political_militia", "country": None,
                           "text": "gunmen", "start": match.start(), "end": match.start() + 6},
                "actor2": {"name": "Civilians", "kind": "civilians", "country": "NG", "text": "villagers",
                           "start": match.start(), "end": match.start() + 9},
                "assoc_actors": [],
                "location": {"text": "Kaduna", "start": 0, "end": 6, "name": "Kaduna", "geonameid": 2335727,
                             "lat": 10.52, "lon": 7.44, "country": "NG", "admin1": "Kaduna",
                             "feature_class": "P", "feature_code": "PPLA", "geo_precision": 1},
                "fatalities": {"low": 3, "best": 3, "high": 3}, "injured": None, "weapons": [],
                "background": False, "claimed_by": [{"name": source or "the outlet", "kind": "outlet",
                                                     "quote_id": None}],
                "confidence": 0.1 if "[unsure]" in match.group(0) else 0.9,
                "evidence": [{"field": "trigger", "start": match.start(), "end": match.end(),
                              "text": match.group(0)}],
            })
        return {"schema": "wirecoder.document/1", "id": id, "title": title, "url": url, "source": source,
                "language": "en", "published": published, "published_from": "given" if published else None,
                "events": events, "places": [], "quotes": [], "framing": [], "boilerplate": [],
                "warnings": [] if published else [{"code": "W101", "message": "no publication date: 'Monday' left "
                                                                                "unresolved"}]}

    def code_many(self, items):
        for line, item in enumerate(items, start=1):
            try:
                yield self.code(item["text"], published=item.get("published"), title=item.get("title"),
                                url=item.get("url"), source=item.get("source"), id=item.get("id"))
            except WirecoderError as err:
                yield {"id": item.get("id"), "error": err.to_dict(line=line)}


def make_coder() -> FakeCoder:
    return FakeCoder(delay=float(os.environ.get("FAKE_CODER_DELAY", "0")))


class CrashingCoder(FakeCoder):
    """Raises a plain exception (a bug, not a user error) on any article containing "CRASH"."""

    def code(self, text, **kwargs):
        if "CRASH" in text:
            raise RuntimeError("boom")
        return super().code(text, **kwargs)


def make_crashing_coder() -> CrashingCoder:
    return CrashingCoder()


def make_unloadable_coder() -> FakeCoder:
    raise WirecoderError("W010", "no such spaCy model")
