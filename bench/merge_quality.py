"""Merging quality on real text: the coder codes every article, the store merges the events, and the incidents
are compared with a labelled set.

Usage: .venv/bin/python bench/merge_quality.py [--clusters data/incidents/clusters.jsonl]
           [--real data/incidents/real_reports.tsv] [--acled ../shared/data/acled/acled_dev.csv] [--cache DIR]
           [--skip-clusters] [--skip-real] [--skip-acled] [--verbose]

Every labelled set is split into a development part (the rules are tuned on its misses) and a held-out part (the
gate), deterministically by a hash of each family of incidents (the written set's id prefix, which keeps an
incident and its look-alikes together; the real set's incident label); figures are printed for dev, held-out
and all. --verbose lists the misses of the dev part only.

1. The cluster set (data/incidents/, written by the project: see its README): articles labelled with the
   incident they report; several reports of one incident, and incidents that look alike (same town and day
   with other actors, the same attack in the next district, a follow-up the next day). Each article is stored
   through ``Database.write_batch`` in one batch per article, in the file's order; an article's incident is the
   incident of its first current (not background) event of violence or of a crowd (the set labels no strategic
   development: the arrest, sacking or curfew an update article leads with is its own event, told beside the
   incident it retells), else of its first current event; an article with no event is an incident of its own.
   Printed: pairwise precision and recall (over pairs of articles: same predicted incident vs same gold
   incident) and B-cubed precision, recall and F1; and, per part, the pairs of one incident counted by the first
   merge condition their first events fail (counts only).
2. Real reports (data/incidents/real_reports.tsv: labels only; the texts are PolNeAR's news articles, written by
   real outlets, read from ../shared/data at run time): several outlets' articles telling the same incidents
   (a mass shooting, a bombing, police shootings days apart in two cities). Each article is stored as above;
   an (article, incident) pair's prediction is the incident of the article's first event in the incident's
   country and region (or placed no finer than the country) that may have happened on its day by the event's
   own time precision; an article with no such event tells it alone.
3. ACLED's distinct events (public data, measurement only: ../shared/data/acled/README.md): every distinct
   ACLED note is stored as an article of its own (published on the row's ``timestamp`` day, outlet the row's
   ``source``; notes that ACLED repeats for several of its events are one article). ACLED coded each row as a
   distinct event, so a note "stays distinct" unless an incident joins it with a note whose ACLED coding shares
   no (location, date, actor1, actor2) with its own. Printed: the share of notes that stay distinct, and the
   wrong joins.

Coded records are cached in --cache (default: a folder under the system's temp dir; never the repository), keyed
by the text's hash and a digest of the coder's code and data, so a second run only merges.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import itertools
import json
import pathlib
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable

ROOT = pathlib.Path(__file__).resolve().parents[1]
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
CLUSTERS = ROOT / "data" / "incidents" / "clusters.jsonl"
REAL = ROOT / "data" / "incidents" / "real_reports.tsv"
SHARED = ROOT.parent / "shared" / "data"
ACLED = ROOT.parent / "shared" / "data" / "acled" / "acled_dev.csv"


def code_all(items: list[dict], cache_dir: pathlib.Path) -> list[dict]:
    """The coder's record of each item, from the cache when it holds one."""
    from wirecoder.jsonl import dumps_line, read_file
    from wirecoder.version import __version__

    cache_dir.mkdir(parents=True, exist_ok=True)
    cache_file = cache_dir / f"records-{__version__}-{coder_digest()}.jsonl"
    cache: dict[str, dict] = {}
    if cache_file.exists():
        for entry in read_file(cache_file):
            cache[entry["key"]] = entry["record"]

    def key(item: dict) -> str:
        return hashlib.sha256(json.dumps(item, sort_keys=True).encode("utf-8")).hexdigest()

    missing = [item for item in items if key(item) not in cache]
    if missing:
        from wirecoder import Coder

        coder = Coder()
        started = time.perf_counter()
        with cache_file.open("a", encoding="utf-8") as out:
            for n, (item, record) in enumerate(zip(missing, coder.code_many(missing)), start=1):
                cache[key(item)] = record
                out.write(dumps_line({"key": key(item), "record": record}) + "\n")
                if n % 100 == 0:
                    print(f"  coded {n}/{len(missing)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return [cache[key(item)] for item in items]


def coder_digest() -> str:
    """A digest of the coder's code and data (not of merging, storing or serving): a changed coder codes again."""
    import wirecoder

    package = pathlib.Path(wirecoder.__file__).parent
    skip = {"incidents", "store", "export", "cli", "api", "watch", "__pycache__"}
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and not skip & set(path.relative_to(package).parts) and path.suffix != ".pyc":
            digest.update(str(path.relative_to(package)).encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def store_articles(db, items: list[dict], records: list[dict]) -> dict[str, list[str]]:
    """Store each (item, record) as one article in its own batch; return article id -> (incident id, placed) of
    its current events: events of violence or crowds first, each group in text order."""
    from wirecoder.ingest.dedup import content_hash
    from wirecoder.store import DocumentRow

    for item, record in zip(items, records):
        ok = "error" not in record
        db.write_batch(run_id=None, documents=[DocumentRow(
            doc_id=item["id"], content_hash=content_hash(item["text"]), origin=item["id"], text=item["text"],
            status="coded" if ok else "failed", source=item.get("source"), published=item.get("published"),
            title=item.get("title"), record=record if ok else None,
            error_code=None if ok else record["error"]["code"])])
    incidents: dict[str, list[tuple[str, str, bool, bool]]] = defaultdict(list)
    for incident in db.iter_incidents(with_reports=True):
        for report in incident.reports:
            if not report.event.get("background"):
                location = report.event.get("location") or {}
                placed = bool(location) and location.get("feature_code") not in COUNTRY_CODES and bool(
                    report.event.get("date"))
                follow_up = report.event.get("event_type") == "Strategic developments"
                incidents[report.document_id].append((report.event["id"], incident.id, placed, follow_up))
    return {doc: [(incident, placed) for _, incident, placed, _ in
                  sorted(found, key=lambda p: (p[3], int(p[0].rsplit("-e", 1)[1])))]
            for doc, found in incidents.items()}


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int, int]:
    true_pos = pred_pos = gold_pos = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_pred = predicted[a] == predicted[b]
        same_gold = gold[a] == gold[b]
        pred_pos += same_pred
        gold_pos += same_gold
        true_pos += same_pred and same_gold
    precision = true_pos / pred_pos if pred_pos else 1.0
    recall = true_pos / gold_pos if gold_pos else 1.0
    return precision, recall, true_pos, pred_pos, gold_pos


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item in gold:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_pred[predicted[i]]) for i in gold) / len(gold)
    recall = sum(len(by_pred[predicted[i]] & by_gold[gold[i]]) / len(by_gold[gold[i]]) for i in gold) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def part_of(family: str) -> str:
    """The split a family of incidents belongs to: held-out ("test") or development ("dev"), by its hash."""
    return "test" if int(hashlib.sha256(family.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "dev"


def print_scores(name: str, predicted: dict[str, str], gold: dict[str, str], parts: dict[str, str],
                 placed: set[str], *, verbose: bool) -> None:
    """Pairwise and B-cubed figures for the dev part, the held-out part and all; the dev part's misses."""
    for part in ("dev", "test", "all"):
        items = sorted(item for item in gold if part == "all" or parts[item] == part)
        sub_gold = {item: gold[item] for item in items}
        sub_pred = {item: predicted[item] for item in items}
        precision, recall, hits, pred_pos, gold_pos = pairwise(sub_pred, sub_gold)
        b_precision, b_recall, b_f1 = bcubed(sub_pred, sub_gold)
        in_placed = [item for item in items if item in placed]
        _, p_recall, p_hits, _, p_pos = pairwise({i: predicted[i] for i in in_placed}, {i: gold[i] for i in in_placed})
        label = {"dev": "dev", "test": "held-out", "all": "all"}[part]
        print(f"  {name} {label}: {len(items)} items, {len(set(sub_gold.values()))} incidents, {gold_pos} gold pairs; "
              f"pairwise precision {precision:.3f} ({hits}/{pred_pos}) recall {recall:.3f} ({hits}/{gold_pos}); "
              f"B-cubed P {b_precision:.3f} R {b_recall:.3f} F1 {b_f1:.3f}; merging alone: recall {p_recall:.3f} "
              f"({p_hits}/{p_pos}) over pairs both coded with a dated event placed below the country")
    if verbose:
        for a, b in itertools.combinations(sorted(gold), 2):
            if parts[a] != "dev" or parts[b] != "dev":
                continue
            same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
            if same_pred != same_gold:
                print(f"    {'wrongly joined' if same_pred else 'missed'}: {a} ({gold[a]}) / {b} ({gold[b]})")


def cluster_set(path: pathlib.Path, cache: pathlib.Path, workdir: pathlib.Path, *, verbose: bool) -> None:
    from wirecoder.jsonl import read_file
    from wirecoder.store import Database

    lines = read_file(path)
    items = [{k: line[k] for k in ("id", "text", "published", "title", "source") if line.get(k) is not None}
             for line in lines]
    records = code_all(items, cache)
    started = time.perf_counter()
    with Database(workdir / "clusters.db") as db:
        found = store_articles(db, items, records)
    seconds = time.perf_counter() - started
    gold = {line["id"]: line["incident"] for line in lines}
    parts = {doc: part_of(doc.rsplit("-", 1)[0]) for doc in gold}
    predicted = {doc: (found.get(doc) or [(f"alone:{doc}", False)])[0][0] for doc in gold}
    no_event = sum(1 for doc in gold if not found.get(doc))
    placed = {doc for doc in gold if found.get(doc) and found[doc][0][1]}
    print(f"cluster set (written by the project): {len(gold)} articles; {no_event} with no current event, "
          f"{len(gold) - no_event - len(placed)} whose first event has no place below a country or no date; "
          f"stored and merged in {seconds:.1f} s")
    print_scores("written", predicted, gold, parts, placed, verbose=verbose)
    rounds = sorted({str(line.get("round", "1-4")) for line in lines})
    for name in rounds if len(rounds) > 1 else ():  # each round apart: a new round is a gate no rule was tuned on
        docs = {line["id"] for line in lines if str(line.get("round", "1-4")) == name}
        print_scores(f"written round{'s' if '-' in name else ''} {name}", {d: predicted[d] for d in docs},
                     {d: gold[d] for d in docs}, parts, placed & docs, verbose=False)
    print_causes(lines, records, parts, verbose=verbose)


def print_causes(lines: list[dict], records: list[dict], parts: dict[str, str], *, verbose: bool = False) -> None:
    """Per part, the pairs of reports of one incident counted by the first rule condition their first current
    events fail (counts only: nothing of the held-out texts is shown); with ``verbose``, the dev part's pairs
    that fail one, each with its condition."""
    from wirecoder.incidents.features import ReportDigester
    from wirecoder.incidents.options import MergeRules
    from wirecoder.incidents.rules import Matcher, actors_score, place_score, type_score

    rules = MergeRules()
    digester, matcher = ReportDigester(rules=rules), Matcher(rules=rules)
    reports = {}
    for number, (line, record) in enumerate(zip(lines, records)):
        current = sorted((e for e in record.get("events") or [] if not e.get("background")),
                         key=lambda e: e.get("event_type") == "Strategic developments")  # as store_articles
        reports[line["id"]] = digester.digest(current[0], event_id=number, key=line["id"], document=number,
                                              outlet=line.get("source") or "", published=line.get("published") or "")\
            if current else None

    def cause(a, b) -> str:
        checks = (("one article yields no event", lambda: a is None or b is None),
                  ("one report placed no finer than a country, or undated", lambda: not (a.mergeable and b.mergeable)),
                  ("countries differ", lambda: a.country != b.country),
                  ("days differ", lambda: max(a.lo, b.lo) > min(a.hi, b.hi)),
                  ("types differ", lambda: type_score(a, b, distinct=matcher.distinct, alike=matcher.alike) is None),
                  ("places differ", lambda: place_score(a.place, b.place, rules) is None),
                  ("actors contradict", lambda: actors_score(a, b) is None),
                  ("agreement under the threshold", lambda: matcher.score(a, b) is None))
        return next((name for name, failed in checks if failed()), "compatible (merged, or kept apart as ambiguous)")

    for part in ("dev", "test"):
        counts: dict[str, int] = defaultdict(int)
        for x, y in itertools.combinations(sorted(doc for doc in parts if parts[doc] == part), 2):
            if next(line["incident"] for line in lines if line["id"] == x) == next(
                    line["incident"] for line in lines if line["id"] == y):
                failed = cause(reports[x], reports[y])
                counts[failed] += 1
                if verbose and part == "dev" and not failed.startswith("compatible"):
                    print(f"    apart: {x} / {y}: {failed}")
        shown = "; ".join(f"{name} {n}" for name, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        print(f"  written {'dev' if part == 'dev' else 'held-out'} pairs of one incident, by the first condition "
              f"their first events fail: {shown}")


def _polnear(document: str) -> dict:
    """A PolNeAR article as an item to code: its text, publisher and publication day (metadata.tsv)."""
    folder = SHARED / "polnear"
    meta = {}
    with (folder / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["filename"] == document:
                meta = row
    text = next(folder.glob(f"*/text/{document}.txt")).read_text(encoding="utf-8")
    return {"id": document, "text": text, "published": meta.get("publication_date") or document.split("_")[1],
            "source": meta.get("publisher") or document.split("_")[0], "title": meta.get("title") or None}


def telling_event(record: dict, day: str, country: str, region: str = "",
                  taken: frozenset[str] = frozenset()) -> str | None:
    """The key of the record's first event in the incident's country and region (or placed no finer than the
    country) that may have happened on its day, by the event's own time precision (as merging reads it: the day,
    date..date_end, or for a date the publication stands in for, the seven days up to it), and that does not
    already tell another incident of the article (``taken``: two incidents of one day and country told in one
    article are two events, never one); the article's current events first, then the past events it only names
    ("the Orlando shooting": background). An event placed in another region tells another incident."""
    target = dt.date.fromisoformat(day)
    events = record.get("events") or []
    for event in sorted(events, key=lambda e: bool(e.get("background"))):  # a current event before a past one named
        if event["id"] in taken:
            continue
        location = event.get("location") or {}
        if location.get("country") != country or not event.get("date"):
            continue
        if region and location.get("admin1") and location["admin1"].casefold() != region.casefold():
            continue
        first = dt.date.fromisoformat(event["date"])
        if event.get("date_end"):
            last = dt.date.fromisoformat(event["date_end"])
        elif (event.get("time_precision") or 3) == 3:
            first, last = first - dt.timedelta(days=7), first
        else:
            last = first
        if first <= target <= last:
            return event["id"]
    return None


def real_set(path: pathlib.Path, cache: pathlib.Path, workdir: pathlib.Path, *, verbose: bool) -> None:
    from wirecoder.store import Database

    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")
            if line.strip() and not line.startswith("#")]
    documents = sorted({document for _, document, *_ in rows})
    items = [_polnear(document) for document in documents]
    records = code_all(items, cache)
    by_doc = dict(zip(documents, records))
    started = time.perf_counter()
    with Database(workdir / "real.db") as db:
        store_articles(db, items, records)
        incident_of = {(report.document_id, report.event["id"]): (incident.id, bool(
            (report.event.get("location") or {}).get("feature_code") not in COUNTRY_CODES))
            for incident in db.iter_incidents(with_reports=True) for report in incident.reports}
    seconds = time.perf_counter() - started
    gold, predicted, parts, placed = {}, {}, {}, set()
    taken: dict[str, set[str]] = defaultdict(set)
    for _, document, incident, day, country, *region in rows:
        item = f"{document}#{incident}"
        gold[item], parts[item] = incident, part_of(incident)
        event = telling_event(by_doc[document], day, country, region[0] if region else "", frozenset(taken[document]))
        if event:
            taken[document].add(event)
        found = incident_of.get((document, event)) if event else None
        predicted[item] = found[0] if found else f"alone:{item}"
        if found and found[1]:
            placed.add(item)
    told = sum(1 for item in predicted if not predicted[item].startswith("alone:"))
    print(f"real reports (PolNeAR articles, written by outlets): {len(documents)} articles, {len(gold)} (article, "
          f"incident) items; {told} items with an event of the incident's country and day, {len(placed)} of them "
          f"placed below the country; stored and merged in {seconds:.1f} s")
    print_scores("real", predicted, gold, parts, placed, verbose=verbose)


def _acled_day(value: str) -> str:
    return dt.datetime.strptime(value, "%d-%B-%y" if len(value.split("-")[1]) > 3 else "%d-%b-%y").date().isoformat()


def acled_distinct(path: pathlib.Path, cache: pathlib.Path, workdir: pathlib.Path, *, verbose: bool) -> None:
    from wirecoder.store import Database

    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    notes: dict[str, dict] = {}
    codings: dict[str, set] = defaultdict(set)
    for row in rows:
        key = "acled-" + hashlib.sha256(row["notes"].encode("utf-8")).hexdigest()[:12]
        published = dt.datetime.fromtimestamp(int(row["timestamp"]), dt.timezone.utc).date().isoformat()
        notes.setdefault(key, {"id": key, "text": row["notes"], "published": published, "source": row["source"]})
        codings[key].add((row["location"], _acled_day(row["event_date"]), row["actor1"], row["actor2"]))
    items = list(notes.values())
    records = code_all(items, cache)
    started = time.perf_counter()
    with Database(workdir / "acled.db") as db:
        found = store_articles(db, items, records)
        merged = [i for i in db.iter_incidents() if i.record["number_of_reports"] > 1]
    seconds = time.perf_counter() - started
    wrong: dict[str, set[str]] = defaultdict(set)
    for incident in merged:
        docs = sorted({s["document_id"] for s in incident.record["sources"] if not s["copy_of"]})
        for a, b in itertools.combinations(docs, 2):
            if not codings[a] & codings[b]:
                wrong[a].add(b)
                wrong[b].add(a)
    with_events = sum(1 for item in items if found.get(item["id"]))
    distinct = 1 - len(wrong) / len(items)
    print(f"ACLED dev notes: {len(rows)} coded events, {len(items)} distinct notes ({with_events} with a current "
          f"event); {len(merged)} incidents joined several notes; stored and merged in {seconds:.1f} s")
    print(f"  distinct events that stay distinct: {distinct:.3f} ({len(items) - len(wrong)}/{len(items)}); "
          f"wrongly joined notes: {len(wrong)}")
    if verbose:
        for doc in sorted(wrong):
            print(f"    {doc} {sorted(codings[doc])} joined with {sorted(wrong[doc])}")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=pathlib.Path, default=CLUSTERS)
    parser.add_argument("--real", type=pathlib.Path, default=REAL)
    parser.add_argument("--acled", type=pathlib.Path, default=ACLED)
    parser.add_argument("--cache", type=pathlib.Path,
                        default=pathlib.Path(tempfile.gettempdir()) / "wirecoder-bench-merge")
    parser.add_argument("--skip-acled", action="store_true")
    parser.add_argument("--skip-clusters", action="store_true")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(list(argv) if argv is not None else None)
    with tempfile.TemporaryDirectory() as work:
        if not args.skip_clusters:
            cluster_set(args.clusters, args.cache, pathlib.Path(work), verbose=args.verbose)
        if not args.skip_real:
            if not (SHARED / "polnear").exists():
                print(f"no PolNeAR folder under {SHARED}: real reports skipped", file=sys.stderr)
            else:
                real_set(args.real, args.cache, pathlib.Path(work), verbose=args.verbose)
        if not args.skip_acled:
            if not args.acled.exists():
                print(f"no ACLED file at {args.acled}: skipped", file=sys.stderr)
            else:
                acled_distinct(args.acled, args.cache, pathlib.Path(work), verbose=args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
