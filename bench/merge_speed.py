"""Merging speed at 10^3, 10^4 and 10^5 stored events, each figure beside a baseline measured in the same run.

Usage: .venv/bin/python bench/merge_speed.py [--sizes 1000 10000 100000] [--batch 16] [--seed 7]

Synthetic volume (made up here, no data set): N events in articles of one to three events, for incidents
told by one to five outlets, in 30 countries of 200 towns, 30 districts and 10 regions each, over a year; most
reports place their event at a town on a known day, others at a district or region, near a town, or a day
carried over or standing in; actors named or not; tolls that differ. For each N:

- store: writing every article in batches of --batch articles without merging (``write_batch(merge=False)``):
  the baseline, the cost of the store itself;
- bulk merge: ``link_pending()`` merging those N stored events in one transaction (what `merge --db` does
  after a bulk load), events/s;
- incremental: writing the same batches into a new store with merging on (what ingest does), events/s and its
  time against the baseline's;
- one article: the time to store one more article (two events) with merging, median of 30, on the store of N
  incidents, against the same write without merging;
- rebuild: ``rebuild_incidents()`` (`wirecoder merge --db`), events/s.

Targets (issue 12): 10^5 events merged in under 2 minutes on one core; one article added to a store of 10^5
incidents in under 50 ms.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

SUB_TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
             ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
             ("Violence against civilians", "Abduction/forced disappearance"), ("Protests", "Peaceful protest"),
             ("Protests", "Protest with intervention"), ("Riots", "Violent demonstration"),
             ("Strategic developments", "Arrests")]
KINDS = {"Battles": "rebels", "Explosions/Remote violence": "state_forces", "Violence against civilians": "rebels",
         "Protests": "protesters", "Riots": "rioters", "Strategic developments": "state_forces"}


class World:
    """Countries of towns, districts and regions, made up."""

    def __init__(self, rng: random.Random, *, countries: int = 30):
        self.countries = []
        for c in range(countries):
            code = f"{chr(65 + c // 26)}{chr(65 + c % 26)}"
            lat0, lon0 = rng.uniform(-30, 40), rng.uniform(-20, 100)
            regions = [(f"Region {c}-{r}", lat0 + rng.uniform(0, 8), lon0 + rng.uniform(0, 8)) for r in range(10)]
            towns = []
            for t in range(200):
                region = regions[t % 10]
                towns.append((f"Town {c}-{t}", region[1] + rng.uniform(-1, 1), region[2] + rng.uniform(-1, 1),
                              region[0], 100_000 * c + t))
            districts = [(f"District {c}-{d}", towns[d * 6][1], towns[d * 6][2], towns[d * 6][3]) for d in range(30)]
            groups = [f"Group {c}-{g}" for g in range(6)]
            self.countries.append((code, towns, districts, regions, groups))


def place(kind: str, country: tuple, town: tuple, rng: random.Random) -> dict:
    code, towns, districts, regions, _ = country
    name, lat, lon, region, gid = town
    base = {"text": name, "start": 0, "end": 5, "country": code, "within": None}
    if kind == "district":
        district = min(districts, key=lambda d: (d[1] - lat) ** 2 + (d[2] - lon) ** 2)
        return {**base, "name": district[0], "geonameid": None, "lat": district[1], "lon": district[2],
                "admin1": district[3], "feature_class": "A", "feature_code": "ADM2", "geo_precision": 2}
    if kind == "region":
        r = next(r for r in regions if r[0] == region)
        return {**base, "name": region, "geonameid": None, "lat": r[1], "lon": r[2], "admin1": region,
                "feature_class": "A", "feature_code": "ADM1", "geo_precision": 3}
    return {**base, "name": name, "geonameid": gid, "lat": lat, "lon": lon, "admin1": region, "feature_class": "P",
            "feature_code": "PPL", "geo_precision": 2 if kind == "near" else 1}


def articles(n_events: int, rng: random.Random, *, start: int = 0) -> list:
    from wirecoder.store import DocumentRow

    world = World(random.Random(1))
    out, events, number = [], 0, start
    day0 = 738_000
    while events < n_events:
        country = rng.choice(world.countries)
        town = rng.choice(country[1])
        etype, sub = rng.choice(SUB_TYPES)
        day = day0 + rng.randrange(365)
        group = rng.choice(country[4])
        true_toll = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20])
        for _ in range(min(5, 1 + int(rng.expovariate(0.8)))):
            story = []
            for e in range(rng.choice([1, 1, 2, 3])):
                if e:  # another event of the same article, elsewhere
                    town2 = rng.choice(country[1])
                    story.append(event(rng.choice(SUB_TYPES), country, town2, day0 + rng.randrange(365),
                                       rng.choice(country[4]), None, rng))
                else:
                    story.append(event((etype, sub), country, town, day, group, true_toll, rng))
            doc_id = f"s{number}"
            number += 1
            text = f"synthetic article {doc_id} {rng.random()}"
            published = _iso(day + rng.choice([0, 1, 1, 2]))
            record = {"schema": "wirecoder.document/1", "id": doc_id, "events": [
                {**e, "id": f"{doc_id}-e{k + 1}"} for k, e in enumerate(story)], "places": [], "quotes": []}
            out.append(DocumentRow(doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                                   origin=doc_id, text=text, status="coded", source=f"Outlet {rng.randrange(50)}",
                                   published=published, record=record))
            events += len(story)
    return out


def event(kind: tuple, country: tuple, town: tuple, day: int, group: str, toll: int | None,
          rng: random.Random) -> dict:
    etype, sub = kind
    where = rng.choices(["town", "district", "region", "near"], [70, 12, 10, 8])[0]
    precision = rng.choices([1, 2, 3], [80, 12, 8])[0]
    named = rng.random() < 0.5
    actor1 = {"name": group if named else f"Unidentified Armed Group ({country[0]})", "kind": KINDS[etype],
              "country": country[0], "text": group if named else None, "start": None, "end": None}
    killed = None if toll is None else max(0, toll + rng.choice([0, 0, 1, -1, 3]))
    return {"event_type": etype, "sub_event_type": sub, "date": _iso(day), "date_end": None,
            "time_precision": precision, "actor1": actor1, "actor2": None, "assoc_actors": [],
            "location": place(where, country, town, rng),
            "fatalities": None if killed is None else {"low": killed, "best": killed, "high": killed},
            "injured": None, "weapons": [], "background": False,
            "claimed_by": [{"name": "the outlet", "kind": "outlet", "quote_id": None}], "confidence": 0.8,
            "evidence": [{"field": "trigger", "start": 0, "end": 5, "text": "attack"}]}


def _iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()


def write(db, docs: list, *, batch: int, merge: bool) -> float:
    started = time.perf_counter()
    for first in range(0, len(docs), batch):
        db.write_batch(run_id=None, documents=docs[first:first + batch], merge=merge)
    return time.perf_counter() - started


def one_article_ms(path: Path, extra: list, *, merge: bool) -> float:
    from wirecoder.store import Database

    times = []
    with Database(path) as db:
        for doc in extra:
            started = time.perf_counter()
            db.write_batch(run_id=None, documents=[doc], merge=merge)
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def measure(size: int, *, batch: int, seed: int, work: Path) -> None:
    from wirecoder.store import Database

    rng = random.Random(seed)
    docs = articles(size, rng)
    events = sum(len(d.record["events"]) for d in docs)
    extra = [d for d in articles(200, random.Random(seed + 1), start=10**7)
             if len(d.record["events"]) == 2][:30]
    with Database(work / f"bulk{size}.db") as db:
        t_store = write(db, docs, batch=batch, merge=False)
        started = time.perf_counter()
        db.link_pending()
        t_bulk = time.perf_counter() - started
        incidents = db.counts().incidents
    with Database(work / f"incr{size}.db") as db:
        t_incr = write(db, docs, batch=batch, merge=True)
        started = time.perf_counter()
        db.rebuild_incidents()
        t_rebuild = time.perf_counter() - started
    shutil.copy(work / f"incr{size}.db", work / f"plain{size}.db")
    ms_merge = one_article_ms(work / f"incr{size}.db", extra, merge=True)
    ms_plain = one_article_ms(work / f"plain{size}.db", extra, merge=False)
    print(f"{events:>7} events ({len(docs)} articles, {incidents} incidents):")
    print(f"  store without merging (baseline)  {events / t_store:9.0f} events/s  {t_store:7.1f} s")
    print(f"  bulk merge of the stored events   {events / t_bulk:9.0f} events/s  {t_bulk:7.1f} s  "
          f"({t_bulk / t_store:.2f} x the store's time)")
    print(f"  incremental, batches of {batch:<3}        {events / t_incr:9.0f} events/s  {t_incr:7.1f} s  "
          f"({t_incr / t_store:.2f} x the baseline)")
    print(f"  rebuild (merge --db)              {events / t_rebuild:9.0f} events/s  {t_rebuild:7.1f} s")
    print(f"  one more article (2 events)       {ms_merge:9.1f} ms median  (without merging {ms_plain:.1f} ms: "
          f"{ms_merge / ms_plain:.2f} x)")
    sys.stdout.flush()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for size in args.sizes:
            measure(size, batch=args.batch, seed=args.seed, work=Path(work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
