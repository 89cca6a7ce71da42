"""Training the event-type classifier: cross-validated calibration, then one fit on all the data.

The recipe, chosen by cross-validation on the training split (docs/typing.md has the figures):
TF-IDF word and character n-grams, a one-vs-rest linear SVM, a softmax temperature and a "no event"
threshold fitted on out-of-fold scores, and the feature space cut to the columns the fitted model leans
on, then refitted there so the shipped model stays a few megabytes. Same data and seed, same model.
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from ..errors import WirecoderError
from ..taxonomy import SUB_EVENT_TYPES
from .calibrate import choose_threshold, expected_calibration_error, fit_temperature, softmax
from .corpus import NO_EVENT, Example
from .features import FeatureSpace
from .classifier import TypingModel

MIN_PER_LABEL = 5


@dataclass(frozen=True)
class TrainingOptions:
    seed: int = 0
    folds: int = 5
    c: float = 1.0  # the SVM's inverse regularisation, chosen by cross-validation (docs/typing.md)
    min_df: int = 2
    max_features: int = 60_000
    class_weight: str | None = None  # "balanced" weighs each label by the inverse of its frequency


@dataclass(frozen=True)
class TrainingReport:
    examples: int
    label_counts: dict[str, int]
    features: int
    seconds: float
    cv_accuracy: float
    cv_weighted_f1: float
    cv_macro_f1: float
    cv_calibration_error: float
    temperature: float
    threshold: float

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _check(examples: list[Example], folds: int) -> Counter:
    counts = Counter(example.label for example in examples)
    usable = [label for label, n in counts.items() if n >= max(MIN_PER_LABEL, folds)]
    if len(usable) < 2:
        raise WirecoderError("W043", f"{len(examples)} examples over {len(counts)} label(s); training needs at "
                                     f"least two labels with {max(MIN_PER_LABEL, folds)} examples each")
    scarce = sorted(label for label in counts if label not in usable)
    if scarce:
        raise WirecoderError("W043", f"too few examples for {', '.join(scarce)} "
                                     f"(each label needs at least {max(MIN_PER_LABEL, folds)})")
    return counts


def _fit(texts: list[str], gold: np.ndarray, options: TrainingOptions) -> tuple[FeatureSpace, LinearSVC]:
    """Features and SVM on these texts, the space cut to ``max_features`` columns and the SVM refitted there."""
    space = FeatureSpace.fit(texts, min_df=options.min_df)
    svm = _svm(options).fit(space.transform(texts), gold)
    if space.size > options.max_features:
        space = _prune(space, svm, options.max_features)
        svm = _svm(options).fit(space.transform(texts), gold)
    return space, svm


def _svm(options: TrainingOptions) -> LinearSVC:
    return LinearSVC(C=options.c, class_weight=options.class_weight, random_state=options.seed)


def _full_scores(svm: LinearSVC, features, n_labels: int) -> np.ndarray:
    """Scores for every label column (a fold may lack a label: it scores far below the rest)."""
    raw = svm.decision_function(features)
    if raw.ndim == 1:  # two labels: sklearn returns one column for the second class
        raw = np.stack([-raw, raw], axis=1)
    scores = np.full((features.shape[0], n_labels), -10.0)
    scores[:, svm.classes_] = raw
    return scores


def _prune(space: FeatureSpace, svm: LinearSVC, max_features: int) -> FeatureSpace:
    importance = np.abs(svm.coef_).max(axis=0)
    keep_columns = np.argsort(-importance, kind="stable")[:max_features]
    keep = np.zeros(space.size, dtype=bool)
    keep[keep_columns] = True
    return space.select(keep)


def train_model(examples: list[Example], *, options: TrainingOptions = TrainingOptions()) -> tuple[
        TypingModel, TrainingReport]:
    started = time.perf_counter()
    counts = _check(examples, options.folds)
    labels = sorted(label for label in counts if label != NO_EVENT)
    if NO_EVENT in counts:
        labels.append(NO_EVENT)
    index = {label: i for i, label in enumerate(labels)}
    texts = [example.text for example in examples]
    gold = np.array([index[example.label] for example in examples])

    out_of_fold = np.zeros((len(texts), len(labels)))
    splitter = StratifiedKFold(n_splits=options.folds, shuffle=True, random_state=options.seed)
    for train_rows, test_rows in splitter.split(texts, gold):
        space, svm = _fit([texts[i] for i in train_rows], gold[train_rows], options)
        out_of_fold[test_rows] = _full_scores(svm, space.transform([texts[i] for i in test_rows]), len(labels))
    temperature = fit_temperature(out_of_fold, gold)
    probabilities = softmax(out_of_fold * temperature)
    no_event = index.get(NO_EVENT)
    choice = choose_threshold(probabilities, gold, no_event=no_event)
    predicted = _apply_threshold(probabilities, choice.threshold, no_event)

    space, svm = _fit(texts, gold, options)
    coef = np.zeros((len(labels), space.size), dtype=np.float32)
    intercept = np.full(len(labels), -10.0)
    if len(labels) == 2:
        coef[1], intercept[1] = svm.coef_[0], svm.intercept_[0]
        coef[0], intercept[0] = -svm.coef_[0], -svm.intercept_[0]
    else:
        coef[svm.classes_] = svm.coef_
        intercept[svm.classes_] = svm.intercept_

    report = TrainingReport(
        examples=len(examples), label_counts=dict(sorted(counts.items())), features=space.size,
        seconds=round(time.perf_counter() - started, 1),
        cv_accuracy=round(float(accuracy_score(gold, predicted)), 4),
        cv_weighted_f1=round(float(f1_score(gold, predicted, average="weighted")), 4),
        cv_macro_f1=round(float(f1_score(gold, predicted, average="macro")), 4),
        cv_calibration_error=round(expected_calibration_error(probabilities, gold), 4),
        temperature=round(temperature, 4), threshold=choice.threshold)
    meta = {"options": dict(options.__dict__), "training": report.as_dict(),
            "sub_event_types": len([label for label in labels if label in SUB_EVENT_TYPES])}
    model = TypingModel(space=space, labels=labels, coef=coef, intercept=intercept,
                        temperature=temperature, threshold=choice.threshold, meta=meta)
    return model, report


def _apply_threshold(probabilities: np.ndarray, threshold: float, no_event: int | None) -> np.ndarray:
    if no_event is None:
        return probabilities.argmax(axis=1)
    events = probabilities.copy()
    events[:, no_event] = -1.0
    best_event = events.argmax(axis=1)
    keep = (events.max(axis=1) >= threshold) & (probabilities.argmax(axis=1) == best_event)
    return np.where(keep, best_event, no_event)
