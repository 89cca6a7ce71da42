"""A small store written by the tests for the API and browser tests: documents with hand-made records."""
from __future__ import annotations

import pathlib

from wirecoder.store import Database, DocumentRow


def make_event(key: str, *, date: str | None, country: str, lat: float, lon: float, place: str,
               sub: str = "Armed clash", event_type: str = "Battles", actor1: str = "Military Forces of Nigeria",
               kind1: str = "state_forces", actor2: str | None = None, fatalities: int | None = 2,
               admin1: str = "Borno", background: bool = False, text: str = "") -> dict:
    """An Event of the record (docs/record.md) whose evidence points into ``text``."""
    def span(word: str, field: str) -> dict:
        start = text.index(word)
        return {"field": field, "start": start, "end": start + len(word), "text": word}

    trigger = next((word for word in ("clashed", "marched", "strike") if word in text), None)
    evidence = [span(word, field) for field, word in (("trigger", trigger), ("location", place))
                if word and word in text]
    return {"id": key, "event_type": event_type, "sub_event_type": sub, "date": date, "date_end": None,
            "time_precision": 1,
            "actor1": {"name": actor1, "kind": kind1, "country": country, "text": actor1, "start": None, "end": None},
            "actor2": ({"name": actor2, "kind": "rebels", "country": country, "text": actor2, "start": None,
                        "end": None} if actor2 else None),
            "assoc_actors": [],
            "location": {"text": place, "start": None, "end": None, "name": place, "geonameid": None, "lat": lat,
                         "lon": lon, "country": country, "admin1": admin1, "feature_class": "P",
                         "feature_code": "PPL", "geo_precision": 1},
            "fatalities": None if fatalities is None else {"low": fatalities, "best": fatalities, "high": fatalities},
            "injured": None, "weapons": [], "background": background,
            "claimed_by": [{"name": "a local official", "kind": "government", "quote_id": None}],
            "confidence": 0.8, "evidence": evidence}


def document(doc_id: str, text: str, events: list[dict], *, title: str, published: str, source: str = "Desk Wire",
             status: str = "coded", duplicate_of: str | None = None, framing=(), quotes=()) -> DocumentRow:
    record = {"schema": "wirecoder.document/1", "id": doc_id, "title": title, "language": "en",
              "published": published, "events": events, "places": [], "quotes": list(quotes),
              "framing": list(framing), "boilerplate": [], "warnings": []}
    return DocumentRow(doc_id=doc_id, content_hash=f"hash-{doc_id}", origin=f"{doc_id}.txt", text=text,
                       status=status, title=title, source=source, published=published,
                       record=record if status == "coded" else None, duplicate_of=duplicate_of)


MAIDUGURI = "Soldiers clashed with insurgents near Maiduguri on Monday, killing five, a local official said."
BAMAKO = "Gunmen clashed with a militia in Mopti and fled; the army called them terrorists."
KAMPALA = "Thousands marched in Kampala on Friday. \"We want bread,\" said Sarah Nakato, a teacher."
SANAA = "An air strike hit a market in Sanaa, residents said."
SANAA_2 = "Health officials said an air strike on a Sanaa market killed 25 people."


def write_desk_store(path: pathlib.Path) -> pathlib.Path:
    """Seven events in five articles: one undated, one background, a near-duplicate copy, and two articles
    from two outlets telling the same air strike (one incident of two sources)."""
    docs = [
        document("ng-1", MAIDUGURI, [
            make_event("ng-1-e1", date="2024-03-04", country="NG", lat=11.85, lon=13.16, place="Maiduguri",
                       actor2="Boko Haram", fatalities=5, text=MAIDUGURI),
            make_event("ng-1-e2", date="2019-05-01", country="NG", lat=11.85, lon=13.16, place="Maiduguri",
                       fatalities=40, background=True, text=MAIDUGURI)],
            title="Clash near Maiduguri", published="2024-03-05"),
        document("ml-1", BAMAKO, [
            make_event("ml-1-e1", date="2024-02-10", country="ML", lat=14.49, lon=-4.19, place="Mopti",
                       actor1="Unidentified Armed Group (Mali)", kind1="political_militia", fatalities=None,
                       admin1="Mopti", text=BAMAKO)],
            title="Gunmen in Mopti", published="2024-02-11",
            framing=[{"term": "terrorists", "start": BAMAKO.index("terrorists"),
                      "end": BAMAKO.index("terrorists") + len("terrorists"), "category": "labelling"}]),
        document("ug-1", KAMPALA, [
            make_event("ug-1-e1", date="2024-03-08", country="UG", lat=0.32, lon=32.58, place="Kampala",
                       sub="Peaceful protest", event_type="Protests", actor1="Protesters (Uganda)",
                       kind1="protesters", fatalities=None, admin1="Central", text=KAMPALA)],
            title="March in Kampala", published="2024-03-09",
            quotes=[{"id": "q1", "speaker": {"name": "Sarah Nakato", "role": "teacher", "text": "Sarah Nakato",
                                             "start": KAMPALA.index("Sarah"), "end": KAMPALA.index("Sarah") + 12},
                     "cue": {"text": "said", "start": KAMPALA.index("said"), "end": KAMPALA.index("said") + 4},
                     "text": "We want bread", "start": KAMPALA.index("We"), "end": KAMPALA.index("We") + 13,
                     "direct": True}]),
        document("ye-1", SANAA, [
            make_event("ye-1-e1", date="2024-01-20", country="YE", lat=15.35, lon=44.21, place="Sanaa",
                       sub="Air/drone strike", event_type="Explosions/Remote violence",
                       actor1="Military Forces of Saudi Arabia", fatalities=20, admin1="Sanaa", text=SANAA),
            make_event("ye-1-e2", date=None, country="YE", lat=15.35, lon=44.21, place="Sanaa",
                       sub="Air/drone strike", event_type="Explosions/Remote violence",
                       actor1="Military Forces of Saudi Arabia", fatalities=1, admin1="Sanaa", text=SANAA)],
            title="Strike on Sanaa market", published="2024-01-21"),
        document("ye-2", SANAA_2, [
            make_event("ye-2-e1", date="2024-01-20", country="YE", lat=15.36, lon=44.2, place="Sanaa",
                       sub="Air/drone strike", event_type="Explosions/Remote violence",
                       actor1="Military Forces of Saudi Arabia", fatalities=25, admin1="Sanaa", text=SANAA_2)],
            title="Sanaa market strike toll", published="2024-01-22", source="Third Wire"),
        document("ye-1-copy", SANAA + " ", [], title="Strike on Sanaa market (copy)", published="2024-01-21",
                 source="Other Wire", status="duplicate", duplicate_of="hash-ye-1"),
    ]
    with Database(path) as db:
        db.write_batch(run_id=None, documents=docs)
    return path
