from __future__ import annotations

import numpy as np

from wirecoder.typing.calibrate import choose_threshold, expected_calibration_error, fit_temperature, softmax


def _overconfident(seed: int = 0):
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, 3, size=400)
    scores = rng.normal(size=(400, 3))
    right = rng.random(400) < 0.7  # the top score is right 70% of the time, with huge margins
    for i in range(400):
        top = gold[i] if right[i] else (gold[i] + 1) % 3
        scores[i, top] += 12.0
    return scores, gold


def test_calibrate_softmax_rows_sum_to_one():
    probabilities = softmax(np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]]))
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert probabilities[1, 0] > 0.99


def test_calibrate_temperature_cools_an_overconfident_scorer():
    scores, gold = _overconfident()
    temperature = fit_temperature(scores, gold)
    assert temperature < 1.0
    before = expected_calibration_error(softmax(scores), gold)
    after = expected_calibration_error(softmax(scores * temperature), gold)
    assert after < before
    assert after < 0.1


def test_calibrate_threshold_is_zero_without_negatives():
    scores, gold = _overconfident()
    assert choose_threshold(softmax(scores), gold, no_event=None).threshold == 0.0


def test_calibrate_threshold_rises_when_uncertain_events_are_mostly_negatives():
    # label 2 is "no event"; texts whose best event is uncertain are negatives in the gold
    probabilities = np.array([[0.9, 0.05, 0.05]] * 20 + [[0.45, 0.2, 0.35]] * 20)
    gold = np.array([0] * 20 + [2] * 20)
    choice = choose_threshold(probabilities, gold, no_event=2)
    assert 0.45 < choice.threshold <= 0.9
    assert choice.weighted_f1 == 1.0
