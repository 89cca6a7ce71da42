"""Turning a linear classifier's scores into probabilities one can threshold, from held-out predictions.

A linear SVM's scores rank labels well but are not probabilities. One temperature, fitted on scores the
model gave to texts it did not train on (cross-validation folds), makes the softmax of the scores a
calibrated probability without changing which label wins. The "no event" threshold is then chosen on the
same held-out scores, never on the test split.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize_scalar
from sklearn.metrics import f1_score


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


def fit_temperature(scores: np.ndarray, gold: np.ndarray) -> float:
    """The factor on the scores that minimises the log loss of the held-out gold labels (column indices)."""

    def log_loss(log_t: float) -> float:
        probabilities = softmax(scores * np.exp(log_t))
        return float(-np.mean(np.log(probabilities[np.arange(len(gold)), gold] + 1e-12)))

    result = minimize_scalar(log_loss, bounds=(-3.0, 5.0), method="bounded")
    return float(np.exp(result.x))


def expected_calibration_error(probabilities: np.ndarray, gold: np.ndarray, *, bins: int = 10) -> float:
    """The gap between confidence and accuracy, averaged over confidence bins weighted by their size."""
    confidence = probabilities.max(axis=1)
    correct = probabilities.argmax(axis=1) == gold
    edges = np.linspace(0.0, 1.0, bins + 1)
    error = 0.0
    for low, high in zip(edges[:-1], edges[1:]):
        in_bin = (confidence > low) & (confidence <= high)
        if in_bin.any():
            error += in_bin.mean() * abs(confidence[in_bin].mean() - correct[in_bin].mean())
    return float(error)


@dataclass(frozen=True)
class ThresholdChoice:
    threshold: float
    weighted_f1: float


def choose_threshold(probabilities: np.ndarray, gold: np.ndarray, *, no_event: int | None,
                     candidates: np.ndarray | None = None) -> ThresholdChoice:
    """The lowest event-probability threshold that reaches the best weighted F1 over all labels.

    Below the threshold a text is called "no event". Without negatives in the data (``no_event`` None)
    every text is an event and the threshold is 0.
    """
    if no_event is None:
        return ThresholdChoice(0.0, float(f1_score(gold, probabilities.argmax(axis=1), average="weighted")))
    candidates = np.round(np.arange(0.0, 0.91, 0.025), 3) if candidates is None else candidates
    event_probabilities = probabilities.copy()
    event_probabilities[:, no_event] = -1.0
    best_event = event_probabilities.argmax(axis=1)
    best_p = event_probabilities.max(axis=1)
    argmax = probabilities.argmax(axis=1)
    best = ThresholdChoice(0.0, -1.0)
    for threshold in candidates:
        predicted = np.where((best_p >= threshold) & (argmax == best_event), best_event, no_event)
        score = float(f1_score(gold, predicted, average="weighted"))
        if score > best.weighted_f1 + 1e-9:
            best = ThresholdChoice(float(threshold), score)
    return best
