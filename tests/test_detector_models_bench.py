"""bench/detector_models.py's measures: the coder's event rule and the figures it prints, on made-up rows."""
from __future__ import annotations

import importlib.util
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _bench_module(name: str):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


LABELS = ["Armed clash", "Attack", "Peaceful protest", "No event"]


class Note:
    def __init__(self, event_type: str, sub_event_type: str):
        self.event_type, self.sub_event_type = event_type, sub_event_type


def test_an_event_is_the_sum_of_the_event_probabilities_not_the_winning_label():
    data = _bench_module("_detector_data")
    rows = np.array([
        [0.30, 0.25, 0.05, 0.40],  # "No event" wins the argmax, but events sum to 0.6: an Armed clash
        [0.20, 0.10, 0.05, 0.65],  # events sum to 0.35: no event
        [0.05, 0.05, 0.80, 0.10],
    ])
    subs, p_event, confidence = data.event_decisions(rows, LABELS)
    assert subs == ["Armed clash", None, "Peaceful protest"]
    assert np.allclose(p_event, [0.60, 0.35, 0.90])
    assert np.allclose(confidence, [0.30, 0.20, 0.80])


def test_acled_figures_count_no_event_as_a_miss_and_score_types_apart_from_sub_types():
    data = _bench_module("_detector_data")
    notes = [Note("Battles", "Armed clash"), Note("Violence against civilians", "Attack"),
             Note("Protests", "Peaceful protest"), Note("Battles", "Armed clash")]
    rows = np.array([
        [0.90, 0.05, 0.00, 0.05],  # right
        [0.70, 0.20, 0.00, 0.10],  # called a clash: wrong type and sub-type
        [0.00, 0.00, 0.30, 0.70],  # no event
        [0.60, 0.20, 0.00, 0.20],  # right
    ])
    figures = data.acled_figures(notes, rows, LABELS)
    assert figures["no_event"] == 0.25
    assert figures["event_type_accuracy"] == 0.5
    assert figures["sub_event_accuracy"] == 0.5
    assert figures["event_type_recall"] == {"Battles": 1.0, "Protests": 0.0, "Violence against civilians": 0.0}
    assert 0.0 < figures["calibration_error"] < 1.0


def test_general_figures_raise_event_probabilities_to_the_page_weight_as_the_stage_does():
    data = _bench_module("_detector_data")
    rows = np.array([
        [0.70, 0.00, 0.00, 0.30],  # page 0, on topic: kept
        [0.00, 0.60, 0.00, 0.40],  # page 1, weight 0.5: 0.6 ** 2 = 0.36, dropped
        [0.10, 0.00, 0.00, 0.90],  # never an event
        [0.55, 0.00, 0.00, 0.45],  # page 2, weight 0.9: 0.55 ** (1 / 0.9) = 0.515, kept (0.55 * 0.9 would not be)
    ])
    figures = data.general_figures(rows, LABELS, [0, 1, 1, 2], np.array([1.0, 0.5, 0.9]))
    assert figures == {"flagged": 3, "pages": 3, "flagged_with_topic": 2}


def test_topic_weight_saturates_and_has_a_floor():
    data = _bench_module("_detector_data")
    assert data.topic_weight(0.9, 0.8) == 1.0
    assert abs(data.topic_weight(0.4, 0.8) - 0.5) < 1e-9
    assert data.topic_weight(0.0, 0.8) == 0.05
    assert data.topic_weight(0.3, 0.0) == 1.0
