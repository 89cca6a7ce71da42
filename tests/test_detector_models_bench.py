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


def test_general_figures_scale_by_the_page_topic():
    data = _bench_module("_detector_data")
    rows = np.array([[0.7, 0.0, 0.0, 0.3], [0.0, 0.6, 0.0, 0.4], [0.1, 0.0, 0.0, 0.9]])
    figures = data.general_figures(rows, LABELS, [0, 1, 1], np.array([1.0, 0.5]))
    assert figures == {"flagged": 2, "pages": 2, "flagged_with_topic": 1}
