"""The whole coder on whole articles: event precision, recall and F1 against the document-level gold set.

Usage: .venv/bin/python bench/coder_eval.py [--articles data/eval/articles.jsonl] [--gold data/eval/gold.jsonl]
                                            [--split both|dev|test|all] [--verbose] [--errors]

The set is split by article into two parts, fixed by a hash of the id (split_of): dev (20 articles; rules may be
tuned on it, and --verbose / --errors show it) and test (20 articles, held out: the gate in
tests/test_coder_eval_gate.py reads it). By default the figures of both parts and of all 40 are printed.

Every article of data/eval/articles.jsonl is coded with ``Coder().code_many``. The current events of each record
(``background`` false) are matched one-to-one to the gold events of the same article, greedily, best pairs first.
A pair is allowed when:

- type: the predicted sub-event type is the gold one (or one of its ``sub_event_type_accept``), or, for the
  event-type figures, the predicted event type is the gold event type;
- date: the gold ``date_window`` holds the predicted date (or overlaps the predicted ``date``..``date_end``), else
  the predicted day equals the gold day; a gold event with neither accepts any date;
- location: within 50 km of the gold point (or of one of its ``location_accept``), or, when the gold point has no
  coordinates (a country or an unplaced area), the same name.

Printed figures: precision, recall, F1 by event type + location + date and the same by exact sub-event type;
date accuracy on pairs matched by type and location only; location accuracy on pairs matched by type and date
only; on the event-type pairs, fatalities exact-match (gold figure given) and actor1 kind accuracy; false events
on the articles with no conflict event. --errors counts the unmatched events by their likely reason (a second
event at another toponym, a wrong date, a coarser place...). data/eval/README.md describes the set and its coding rules.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import math
import pathlib
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

ROOT = pathlib.Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "eval" / "articles.jsonl"
GOLD = ROOT / "data" / "eval" / "gold.jsonl"
MAX_KM = 50.0
SPLITS = ("dev", "test")


@dataclasses.dataclass(frozen=True)
class Pair:
    gold: dict
    predicted: dict


@dataclasses.dataclass(frozen=True)
class ArticleResult:
    id: str
    gold: list[dict]
    predicted: list[dict]
    pairs: list[Pair]                 # event type + date + location
    sub_type_pairs: list[Pair]        # exact sub-event type + date + location
    type_location_pairs: list[Pair]   # date left out: for date accuracy
    type_date_pairs: list[Pair]       # location left out: for location accuracy
    error: dict | None


@dataclasses.dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hits}/{self.total})"


@dataclasses.dataclass(frozen=True)
class Figures:
    articles: int
    gold_events: int
    predicted_events: int
    errors: int
    precision: Ratio
    recall: Ratio
    sub_type_precision: Ratio
    sub_type_recall: Ratio
    date_accuracy: Ratio
    exact_day_accuracy: Ratio
    location_accuracy: Ratio
    fatalities_exact: Ratio
    fatalities_exact_positive: Ratio
    actor1_kind_accuracy: Ratio
    no_conflict_articles: int
    no_conflict_articles_with_events: int
    no_conflict_false_events: int
    recall_by_event_type: dict[str, Ratio]

    @property
    def f1(self) -> float:
        return _f1(self.precision.value, self.recall.value)

    @property
    def sub_type_f1(self) -> float:
        return _f1(self.sub_type_precision.value, self.sub_type_recall.value)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------- reading


def read_jsonl(path: pathlib.Path) -> list[dict]:
    from wirecoder.jsonl import read_file

    return read_file(path)


def split_of(article_id: str) -> str:
    """The part an article belongs to, fixed by a hash of its id (as the geoparsing corpora are split): "dev"
    when the SHA-256 of the id is even (rules may be tuned on it), "test" when odd (the gate reads it)."""
    return "dev" if int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def read_set(*, articles: pathlib.Path = ARTICLES, gold: pathlib.Path = GOLD,
             split: str | None = None) -> tuple[list[dict], dict[str, list[dict]]]:
    """The articles (of one part, "dev" or "test", or all for None) and the gold events of each."""
    if split not in (None, *SPLITS):
        raise ValueError(f"unknown split {split!r}: dev, test or None for all")
    items = [item for item in read_jsonl(articles) if split is None or split_of(item["id"]) == split]
    gold_events = {row["id"]: row["events"] for row in read_jsonl(gold)}
    missing = [item["id"] for item in items if item["id"] not in gold_events]
    if missing:
        raise ValueError(f"articles without a gold line: {missing}")
    return items, gold_events


# ---------------------------------------------------------------- criteria


def _accepted_sub_types(gold: dict) -> set[str]:
    return {gold["sub_event_type"], *gold.get("sub_event_type_accept", [])}


def same_sub_type(predicted: dict, gold: dict) -> bool:
    return predicted.get("sub_event_type") in _accepted_sub_types(gold)


def same_event_type(predicted: dict, gold: dict) -> bool:
    from wirecoder.taxonomy import SUB_EVENT_TYPES

    accepted = {gold["event_type"]} | {SUB_EVENT_TYPES[s] for s in _accepted_sub_types(gold) if s in SUB_EVENT_TYPES}
    return predicted.get("event_type") in accepted


def date_ok(predicted: dict, gold: dict) -> bool:
    first, last = predicted.get("date"), predicted.get("date_end") or predicted.get("date")
    window = gold.get("date_window")
    if window:
        return first is not None and first <= window[1] and last >= window[0]
    if gold.get("date") is None:
        return True
    return first is not None and first <= gold["date"] <= last


def exact_day(predicted: dict, gold: dict) -> bool:
    return gold.get("date") is not None and predicted.get("date") == gold["date"] and not predicted.get("date_end")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _plain(name: str | None) -> str:
    if not name:
        return ""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def location_distance(predicted: dict, gold: dict) -> float | None:
    """The distance in km to the nearest accepted gold place, 0 for a name match, None when no place fits."""
    place = predicted.get("location") or {}
    names = {_plain(place.get("name")), _plain(place.get("text"))} - {""}
    best = None
    for option in [gold["location"], *gold.get("location_accept", [])]:
        if option.get("lat") is None:
            if _plain(option.get("name")) in names:
                return 0.0
            continue
        if place.get("lat") is None:
            continue
        km = distance_km(option["lat"], option["lon"], place["lat"], place["lon"])
        if km <= MAX_KM and (best is None or km < best):
            best = km
    return best


# ---------------------------------------------------------------- matching


def match(predicted: list[dict], gold: list[dict], *, same_type: Callable[[dict, dict], bool],
          use_date: bool = True, use_location: bool = True) -> list[Pair]:
    """One-to-one greedy matching: of all allowed pairs, the best first (exact sub-type, exact day, nearest)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if not same_type(p, g):
                continue
            if use_date and not date_ok(p, g):
                continue
            km = location_distance(p, g)
            if use_location and km is None:
                continue
            rank = (not same_sub_type(p, g), not exact_day(p, g), km if km is not None else MAX_KM * 10, pi, gi)
            candidates.append((rank, gi, pi))
    used_gold, used_predicted, pairs = set(), set(), []
    for _, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append(Pair(gold=gold[gi], predicted=predicted[pi]))
    return pairs


def current_events(record: dict) -> list[dict]:
    return [event for event in record.get("events", []) if not event.get("background")]


def compare(record: dict, gold: list[dict]) -> ArticleResult:
    predicted = current_events(record)
    return ArticleResult(
        id=record.get("id"), gold=gold, predicted=predicted,
        pairs=match(predicted, gold, same_type=same_event_type),
        sub_type_pairs=match(predicted, gold, same_type=same_sub_type),
        type_location_pairs=match(predicted, gold, same_type=same_event_type, use_date=False),
        type_date_pairs=match(predicted, gold, same_type=same_event_type, use_location=False),
        error=record.get("error"),
    )


# ---------------------------------------------------------------- figures


def _fatalities(event: dict) -> int | None:
    count = event.get("fatalities")
    return count.get("best") if count else None


def _kinds(gold: dict) -> set[str]:
    kind = gold.get("actor1_kind")
    return set(kind) if isinstance(kind, list) else {kind}


def _share(pairs: list[Pair], right: Callable[[Pair], bool]) -> Ratio:
    return Ratio(sum(bool(right(p)) for p in pairs), len(pairs))


def figures(results: Iterable[ArticleResult]) -> Figures:
    results = list(results)
    n_gold = sum(len(r.gold) for r in results)
    n_predicted = sum(len(r.predicted) for r in results)
    pairs = [p for r in results for p in r.pairs]
    sub_pairs = [p for r in results for p in r.sub_type_pairs]
    tl_pairs = [p for r in results for p in r.type_location_pairs]
    td_pairs = [p for r in results for p in r.type_date_pairs]
    with_figure = [p for p in pairs if p.gold.get("fatalities") is not None]
    deadly = [p for p in with_figure if p.gold["fatalities"] > 0]
    same_figure = lambda p: _fatalities(p.predicted) == p.gold["fatalities"]  # noqa: E731
    dated = [p for p in tl_pairs if p.gold.get("date") is not None and not p.gold.get("date_window")]
    quiet = [r for r in results if not r.gold]
    by_type_total, by_type_hits = Counter(), Counter()
    for r in results:
        for g in r.gold:
            by_type_total[g["event_type"]] += 1
        for p in r.pairs:
            by_type_hits[p.gold["event_type"]] += 1
    return Figures(
        articles=len(results), gold_events=n_gold, predicted_events=n_predicted,
        errors=sum(r.error is not None for r in results),
        precision=Ratio(len(pairs), n_predicted), recall=Ratio(len(pairs), n_gold),
        sub_type_precision=Ratio(len(sub_pairs), n_predicted), sub_type_recall=Ratio(len(sub_pairs), n_gold),
        date_accuracy=_share(tl_pairs, lambda p: date_ok(p.predicted, p.gold)),
        exact_day_accuracy=_share(dated, lambda p: exact_day(p.predicted, p.gold)),
        location_accuracy=_share(td_pairs, lambda p: location_distance(p.predicted, p.gold) is not None),
        fatalities_exact=_share(with_figure, same_figure),
        fatalities_exact_positive=_share(deadly, same_figure),
        actor1_kind_accuracy=_share(pairs, lambda p: (p.predicted.get("actor1") or {}).get("kind") in _kinds(p.gold)),
        no_conflict_articles=len(quiet),
        no_conflict_articles_with_events=sum(bool(r.predicted) for r in quiet),
        no_conflict_false_events=sum(len(r.predicted) for r in quiet),
        recall_by_event_type={t: Ratio(by_type_hits[t], n) for t, n in sorted(by_type_total.items())},
    )


def evaluate(coder, *, articles: pathlib.Path = ARTICLES, gold: pathlib.Path = GOLD,
             split: str | None = None) -> tuple[Figures, list[ArticleResult]]:
    items, gold_events = read_set(articles=articles, gold=gold, split=split)
    results = [compare(record, gold_events[item["id"]]) for item, record in zip(items, coder.code_many(items))]
    return figures(results), results


# ---------------------------------------------------------------- error kinds


def _coarse(event: dict) -> bool:
    place = event.get("location") or {}
    return place.get("lat") is None or place.get("geo_precision") == 3 or place.get("feature_class") == "A"


def _triggers(event: dict) -> set[int]:
    return {e["start"] for e in event.get("evidence", []) if e.get("field") == "trigger"}


def extra_kind(event: dict, result: ArticleResult, published: str) -> str:
    """Why a predicted current event matched no gold event, the first reason that fits."""
    if not result.gold:
        return "event in an article with no conflict event"
    matched = [p.predicted for p in result.pairs]
    if event.get("date") and event["date"] < _days_before(published, 31):
        return "dated over a month before publication (history coded as current)"
    if any(_triggers(event) & _triggers(m) or (m.get("sub_event_type") == event.get("sub_event_type")
                                               and m.get("date") == event.get("date")) for m in matched):
        return "second event for a found one (another toponym, the dateline, a region or the country)"
    typed = [g for g in result.gold if same_event_type(event, g)]
    if any(location_distance(event, g) is not None for g in typed):
        return "right type and place, wrong date"
    if any(date_ok(event, g) for g in typed):
        return "right type and date, " + ("place coarser than the gold town" if _coarse(event) else "wrong point")
    if any(date_ok(event, g) and location_distance(event, g) is not None for g in result.gold):
        return "right place and date, wrong event type"
    return "no gold event like it (reaction, threat, reference or a misread word)"


def miss_kind(gold: dict, result: ArticleResult) -> str:
    """Why a gold event found no predicted event."""
    typed = [p for p in result.predicted if same_event_type(p, gold)]
    if any(location_distance(p, gold) is not None for p in typed):
        return "found with the wrong date"
    if any(date_ok(p, gold) for p in typed):
        return "found with the wrong place"
    if any(date_ok(p, gold) and location_distance(p, gold) is not None for p in result.predicted):
        return "found with the wrong event type"
    return "not found"


def _days_before(day: str, days: int) -> str:
    import datetime

    return (datetime.date.fromisoformat(day) - datetime.timedelta(days=days)).isoformat()


def error_counts(results: list[ArticleResult], published: dict[str, str]) -> tuple[Counter, Counter]:
    extras, misses = Counter(), Counter()
    for result in results:
        matched_gold = {id(p.gold) for p in result.pairs}
        matched_predicted = {id(p.predicted) for p in result.pairs}
        extras.update(extra_kind(e, result, published[result.id]) for e in result.predicted
                      if id(e) not in matched_predicted)
        misses.update(miss_kind(g, result) for g in result.gold if id(g) not in matched_gold)
    return extras, misses


# ---------------------------------------------------------------- printing


def report(fig: Figures) -> str:
    lines = [
        f"articles: {fig.articles}, gold events: {fig.gold_events}, predicted current events: {fig.predicted_events}, "
        f"coding errors: {fig.errors}",
        f"events (event type + location + date):   precision {fig.precision}  recall {fig.recall}  F1 {fig.f1:.3f}",
        f"events (sub-event type + location + date): precision {fig.sub_type_precision}  "
        f"recall {fig.sub_type_recall}  F1 {fig.sub_type_f1:.3f}",
        f"date accuracy (pairs by type + location): {fig.date_accuracy}; exact day where gold gives one: "
        f"{fig.exact_day_accuracy}",
        f"location accuracy within {MAX_KM:.0f} km (pairs by type + date): {fig.location_accuracy}",
        f"fatalities exact (matched pairs with a gold figure): {fig.fatalities_exact}; where the gold figure is "
        f"above 0: {fig.fatalities_exact_positive}",
        f"actor1 kind accuracy (matched pairs): {fig.actor1_kind_accuracy}",
        f"no-conflict articles: {fig.no_conflict_articles}, with a predicted event: "
        f"{fig.no_conflict_articles_with_events}, false events: {fig.no_conflict_false_events}",
        "recall by gold event type: " + ", ".join(f"{t} {r}" for t, r in fig.recall_by_event_type.items()),
    ]
    return "\n".join(lines)


def _short(event: dict) -> str:
    place = event.get("location") or {}
    count = event.get("fatalities")
    fatalities = count.get("best") if isinstance(count, dict) else count
    actor = event.get("actor1")
    kind = actor.get("kind") if isinstance(actor, dict) else event.get("actor1_kind")
    date = event.get("date") or (event.get("date_window") and "~".join(event["date_window"]))
    return f"{event.get('sub_event_type')} | {date} | {place.get('name')} | {kind} | dead {fatalities}"


def verbose_lines(result: ArticleResult) -> list[str]:
    matched_gold = {id(p.gold) for p in result.pairs}
    matched_predicted = {id(p.predicted) for p in result.pairs}
    lines = [f"{result.id}: gold {len(result.gold)}, predicted {len(result.predicted)}, matched {len(result.pairs)}"
             + (f", ERROR {result.error}" if result.error else "")]
    for p in result.pairs:
        lines.append(f"   ok    gold {_short(p.gold)}\n         pred {_short(p.predicted)}")
    lines += [f"   miss  gold {_short(g)}" for g in result.gold if id(g) not in matched_gold]
    lines += [f"   extra pred {_short(e)}" for e in result.predicted if id(e) not in matched_predicted]
    return lines


PART_NOTES = {"dev": "rules may be tuned on it", "test": "held out: tests/test_coder_eval_gate.py gates on it"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=pathlib.Path, default=ARTICLES)
    parser.add_argument("--gold", type=pathlib.Path, default=GOLD)
    parser.add_argument("--split", choices=("both", *SPLITS, "all"), default="both",
                        help="both (default): the figures of dev, of test and of all; or one part alone")
    parser.add_argument("--verbose", action="store_true",
                        help="print each article's matches, misses and extras (of dev, unless --split says otherwise)")
    parser.add_argument("--errors", action="store_true",
                        help="count unmatched events by the likely reason (of dev, unless --split says otherwise)")
    args = parser.parse_args(argv)
    from wirecoder import Coder

    chosen = {"both": None, "all": None}.get(args.split, args.split)
    _, results = evaluate(Coder(), articles=args.articles, gold=args.gold, split=chosen)
    parts = list(SPLITS) if args.split == "both" else [args.split]
    for part in parts:
        selected = results if part == "all" else [r for r in results if split_of(r.id) == part]
        print(f"== {part}: {len(selected)} articles" + (f" ({PART_NOTES[part]})" if part in PART_NOTES else ""))
        print(report(figures(selected)))
    if args.split == "both":
        print(f"== all: {len(results)} articles")
        print(report(figures(results)))
    inspected = [r for r in results if split_of(r.id) == "dev"] if args.split == "both" else results
    if args.verbose:
        print()
        for result in inspected:
            print("\n".join(verbose_lines(result)))
    if args.errors:
        published = {item["id"]: item["published"] for item in read_jsonl(args.articles)}
        extras, misses = error_counts(inspected, published)
        print("unmatched predicted events, by likely reason:")
        print("\n".join(f"  {n:4d}  {kind}" for kind, n in extras.most_common()))
        print("missed gold events, by likely reason:")
        print("\n".join(f"  {n:4d}  {kind}" for kind, n in misses.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
