"""Quality gate: the whole coder on the held-out part of the document-level gold set (data/eval) must not fall
below pinned floors.

data/eval is split by article into dev (rules may be tuned on it) and test (held out), fixed by a hash of each id
(bench/coder_eval.py, split_of). The gate reads test only. The floors sit a little below the figures that
`bench/coder_eval.py` printed for test when they were set (see FLOORS); raise them when the coder improves, never
lower them to make a change pass without saying why in the commit.
"""
from __future__ import annotations

import importlib.util
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]

# measured on test with `.venv/bin/python bench/coder_eval.py` (figures in the comments), floors about 0.05 below
FLOORS = {
    "f1": 0.64,                    # 0.694
    "precision": 0.56,             # 0.618
    "recall": 0.74,                # 0.792
    "sub_type_f1": 0.59,           # 0.645
    "date_accuracy": 0.92,         # 0.977
    "location_accuracy": 0.77,     # 0.824
    "fatalities_exact": 0.58,      # 0.636
    "actor1_kind_accuracy": 0.60,  # 0.643; was 0.714 before the ACLED-convention actors (data/eval's gold codes
                                   # the Houthis as rebels and unnamed gunmen by guess, where ACLED's coding, which
                                   # the ACLED dev gate measures, has state forces and Unidentified Armed Group)
}
MAX_NO_CONFLICT_FALSE_EVENTS = 2   # 0
TEST_ARTICLES, TEST_NO_CONFLICT_ARTICLES = 20, 2


def _load_bench():
    if "coder_eval" in sys.modules:
        return sys.modules["coder_eval"]
    spec = importlib.util.spec_from_file_location("coder_eval", ROOT / "bench" / "coder_eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _load_bench()


@pytest.fixture(scope="module")
def measured(bench, coder):
    fig, _ = bench.evaluate(coder, split="test")
    print("\n" + bench.report(fig))
    return fig


def _value(fig, name: str) -> float:
    value = getattr(fig, name)
    return value if isinstance(value, float) else value.value


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_coder_eval_gate_floor(measured, name):
    assert _value(measured, name) >= FLOORS[name], f"{name} {_value(measured, name):.3f} < floor {FLOORS[name]}"


def test_coder_eval_gate_no_conflict_articles(measured):
    assert measured.no_conflict_articles == TEST_NO_CONFLICT_ARTICLES
    assert measured.no_conflict_false_events <= MAX_NO_CONFLICT_FALSE_EVENTS


def test_coder_eval_gate_codes_every_article(measured):
    assert measured.articles == TEST_ARTICLES
    assert measured.errors == 0


def test_coder_eval_split_is_fixed_disjoint_and_covers_the_set(bench):
    items, gold = bench.read_set()
    dev, _ = bench.read_set(split="dev")
    test, _ = bench.read_set(split="test")
    dev_ids, test_ids = {i["id"] for i in dev}, {i["id"] for i in test}
    assert dev_ids and test_ids and not dev_ids & test_ids and dev_ids | test_ids == {i["id"] for i in items}
    assert len(test_ids) == TEST_ARTICLES
    assert {bench.split_of(i) for i in dev_ids} == {"dev"}  # a pure function of the id
    for part in (dev_ids, test_ids):  # both parts hold articles with no conflict event, the false-event check
        assert any(not gold[i] for i in part) and any(gold[i] for i in part)
    with pytest.raises(ValueError):
        bench.read_set(split="train")


def test_coder_eval_gold_is_consistent_with_articles(bench):
    items, gold = bench.read_set()
    from wirecoder.taxonomy import SUB_EVENT_TYPES

    for item in items:
        assert 150 <= len(item["text"].split()) <= 450, item["id"]
        for event in gold[item["id"]]:
            assert event["evidence"] in item["text"], (item["id"], event["evidence"][:50])
            assert SUB_EVENT_TYPES[event["sub_event_type"]] == event["event_type"]
            for day in [event["date"], *event.get("date_window", [])]:
                assert day is None or day <= item["published"], (item["id"], day)


def _predicted(sub_event_type, date, lat, lon, name="Somewhere", event_type=None):
    from wirecoder.taxonomy import SUB_EVENT_TYPES

    return {"event_type": event_type or SUB_EVENT_TYPES[sub_event_type], "sub_event_type": sub_event_type,
            "date": date, "date_end": None, "background": False, "fatalities": {"low": 3, "best": 3, "high": 3},
            "actor1": {"kind": "rebels"}, "location": {"name": name, "lat": lat, "lon": lon}}


def _gold(**changes):
    event = {"event_type": "Violence against civilians", "sub_event_type": "Attack", "date": "2024-03-10",
             "location": {"name": "Bankass", "country": "ML", "lat": 14.08, "lon": -3.52},
             "actor1_kind": "rebels", "actor1_country": "ML", "fatalities": 3, "evidence": "..."}
    event.update(changes)
    return event


def test_coder_eval_matching_needs_type_date_and_place(bench):
    gold = [_gold()]
    near = _predicted("Attack", "2024-03-10", 14.2, -3.6)
    assert len(bench.compare({"id": "x", "events": [near]}, gold).pairs) == 1
    wrong_day = _predicted("Attack", "2024-03-11", 14.2, -3.6)
    assert bench.compare({"id": "x", "events": [wrong_day]}, gold).pairs == []
    far = _predicted("Attack", "2024-03-10", 14.08, -2.9)  # about 67 km east
    assert bench.compare({"id": "x", "events": [far]}, gold).pairs == []
    other_type = _predicted("Armed clash", "2024-03-10", 14.08, -3.52)
    assert bench.compare({"id": "x", "events": [other_type]}, gold).pairs == []
    same_type_other_sub = _predicted("Abduction/forced disappearance", "2024-03-10", 14.08, -3.52)
    result = bench.compare({"id": "x", "events": [same_type_other_sub]}, gold)
    assert len(result.pairs) == 1 and result.sub_type_pairs == []


def test_coder_eval_matching_is_one_to_one_and_skips_background(bench):
    gold = [_gold()]
    twice = [_predicted("Attack", "2024-03-10", 14.08, -3.52), _predicted("Attack", "2024-03-10", 14.1, -3.5)]
    fig = bench.figures([bench.compare({"id": "x", "events": twice}, gold)])
    assert (fig.precision.hits, fig.precision.total, fig.recall.total) == (1, 2, 1)
    history = dict(_predicted("Attack", "2024-03-10", 14.08, -3.52), background=True)
    assert bench.compare({"id": "x", "events": [history]}, gold).predicted == []


def test_coder_eval_matching_windows_and_country_level_places(bench):
    gold = [_gold(date=None, date_window=["2024-03-08", "2024-03-10"],
                  location={"name": "Mali", "country": "ML", "lat": None, "lon": None})]
    inside = _predicted("Attack", "2024-03-09", 17.0, -4.0, name="Mali")
    assert len(bench.compare({"id": "x", "events": [inside]}, gold).pairs) == 1
    outside = _predicted("Attack", "2024-03-11", 17.0, -4.0, name="Mali")
    assert bench.compare({"id": "x", "events": [outside]}, gold).pairs == []
    other_name = _predicted("Attack", "2024-03-09", 17.0, -4.0, name="Niger")
    assert bench.compare({"id": "x", "events": [other_name]}, gold).pairs == []


def test_coder_eval_fatalities_and_actor_kind_scored_on_pairs(bench):
    gold = [_gold(fatalities=5, actor1_kind=["state_forces", "political_militia"])]
    fig = bench.figures([bench.compare({"id": "x", "events": [_predicted("Attack", "2024-03-10", 14.08, -3.52)]},
                                       gold)])
    assert fig.fatalities_exact.total == 1 and fig.fatalities_exact.hits == 0
    assert fig.actor1_kind_accuracy.total == 1 and fig.actor1_kind_accuracy.hits == 0


def test_coder_eval_readme_lists_the_parts_as_split(bench):
    import re

    readme = (ROOT / "data" / "eval" / "README.md").read_text(encoding="utf-8")
    for part in bench.SPLITS:
        listed = re.search(rf"^- {part}, .*?: (.+)$", readme, flags=re.M).group(1).split(", ")
        assert listed and all(bench.split_of(i) == part for i in listed), part
        assert len(listed) == len(bench.read_set(split=part)[0])
