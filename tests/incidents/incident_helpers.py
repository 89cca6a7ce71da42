"""Hand-written reports for the merging tests: events as the coder records them, in articles of named outlets.

The places are made up on purpose (a country "ML" with towns at round coordinates), so no test leans on a real
gazetteer or on any data set."""
from __future__ import annotations

import hashlib
from typing import Any

from wirecoder.store import Database, DocumentRow

TOWNS = {  # name -> (lat, lon, geonameid, admin1)
    "Adiri": (14.00, -3.00, 9001, "Kora"), "Bamsa": (14.00, -3.40, 9002, "Kora"),
    "Cedo": (15.50, -1.00, 9003, "Lani"), "Adiri Camp": (14.005, -3.004, 9004, "Kora"),
    "Dalo": (14.06, -3.02, 9005, "Kora"), "Eni": (13.95, -2.96, 9006, "Kora"),  # villages some 7 km from Adiri
    "Tinezgar": (14.30, -3.60, 9007, "Kora"),  # a town of Kora some 50 km from Adiri
}
AREAS = {  # name -> (lat, lon, geonameid, feature code, admin1)
    "Kora": (14.10, -3.20, 9100, "ADM1", "Kora"), "Adiri District": (14.05, -3.05, 9101, "ADM2", "Kora"),
    "Testland": (15.00, -2.00, 9200, "PCLI", None),
}


def place(name: str, *, near: bool = False, within: str | None = None) -> dict[str, Any]:
    if name in TOWNS:
        lat, lon, gid, admin1 = TOWNS[name]
        return {"text": name, "start": 0, "end": len(name), "name": name, "geonameid": gid, "lat": lat, "lon": lon,
                "country": "ML", "admin1": admin1, "feature_class": "P", "feature_code": "PPL",
                "geo_precision": 2 if near else 1, "within": None}
    if name in AREAS:
        lat, lon, gid, code, admin1 = AREAS[name]
        return {"text": name, "start": 0, "end": len(name), "name": name, "geonameid": gid, "lat": lat, "lon": lon,
                "country": "ML", "admin1": admin1, "feature_class": "A", "feature_code": code,
                "geo_precision": 3 if code != "ADM2" else 2, "within": None}
    assert within is not None, "a place the gazetteer lacks is placed within a known one"
    around = place(within)
    return {**around, "text": name, "name": name, "geonameid": None, "feature_class": None, "feature_code": None,
            "geo_precision": 2 if within in TOWNS else 3, "within": {"text": within, "start": 0, "end": 1}}


def actor(name: str, kind: str, *, named: bool = True) -> dict[str, Any]:
    return {"name": name, "kind": kind, "country": "ML", "text": name if named else None,
            "start": 0 if named else None, "end": len(name) if named else None}


GUNMEN = actor("Unidentified Armed Group (Testland)", "political_militia", named=False)
CIVILIANS = actor("Civilians (Testland)", "civilians")
ARMY = actor("Military Forces of Testland", "state_forces")
FRONT = actor("Kora Liberation Front", "rebels")
BRIGADE = actor("Cedo Brigade", "rebels")


def event(*, sub: str = "Attack", etype: str = "Violence against civilians", date: str | None = "2024-03-10",
          date_end: str | None = None, precision: int = 1, where: dict[str, Any] | None = None,
          actor1: dict[str, Any] | None = GUNMEN, actor2: dict[str, Any] | None = CIVILIANS,
          killed: int | tuple[int | None, int | None, int | None] | None = None, injured: int | None = None,
          claimed_by: list[dict[str, Any]] | None = None, background: bool = False) -> dict[str, Any]:
    if isinstance(killed, int):
        killed = (killed, killed, killed)
    return {
        "id": None, "event_type": etype, "sub_event_type": sub, "date": date, "date_end": date_end,
        "time_precision": precision, "actor1": actor1, "actor2": actor2, "assoc_actors": [],
        "location": where if where is not None else place("Adiri"),
        "fatalities": None if killed is None else dict(zip(("low", "best", "high"), killed)),
        "injured": None if injured is None else {"low": injured, "best": injured, "high": injured},
        "weapons": [], "background": background,
        "claimed_by": claimed_by or [{"name": "the outlet", "kind": "outlet", "quote_id": None}],
        "confidence": 0.8, "evidence": [{"field": "trigger", "start": 0, "end": 6, "text": "killed"}]}


def article(doc_id: str, events: list[dict[str, Any]], *, source: str | None, published: str = "2024-03-11",
            url: str | None = None) -> DocumentRow:
    events = [{**e, "id": f"{doc_id}-e{n}"} for n, e in enumerate(events, start=1)]
    text = f"{doc_id}: an article of {source} told on {published}."
    record = {"schema": "wirecoder.document/1", "id": doc_id, "title": None, "url": url, "source": source,
              "language": "en", "published": published, "events": events, "places": [], "quotes": []}
    return DocumentRow(doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), origin=doc_id,
                       text=text, status="coded", url=url, source=source, published=published, record=record)


def copy_of(first: DocumentRow, doc_id: str, *, source: str) -> DocumentRow:
    """A near-duplicate of ``first`` (syndicated wire copy), as ingest stores it: linked, not coded."""
    text = first.text + " (syndicated)"
    return DocumentRow(doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), origin=doc_id,
                       text=text, status="duplicate", source=source, published=first.published,
                       duplicate_of=first.content_hash, similarity=0.93)


def incidents(db: Database) -> dict[str, tuple[str, ...]]:
    """incident id -> its report keys (sorted): what two stores must agree on to hold the same incidents."""
    return {item.id: tuple(sorted(item.record["reports"])) for item in db.iter_incidents()}


def records(db: Database) -> dict[str, dict[str, Any]]:
    return {item.id: item.record for item in db.iter_incidents()}
