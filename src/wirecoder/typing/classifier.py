"""The trained event-type classifier: features, one linear scorer per label, calibration, and its files.

A model directory holds ``meta.json`` (labels, calibration, how it was trained and what it scored),
``vocab.json`` (the feature vocabularies) and ``weights.npz`` (IDF weights, class weights, intercepts).
Nothing in it is a pickle, so loading a model someone sent you runs no code.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import WirecoderError
from ..taxonomy import SUB_EVENT_TYPES
from .calibrate import softmax
from .corpus import NO_EVENT
from .features import FeatureSpace, normalise

FORMAT = "wirecoder.typing/1"


def shipped_model_path() -> Path:
    """The model that ships inside the package, trained on data/training/train only."""
    return Path(str(resources.files("wirecoder.typing") / "model"))


@dataclass(frozen=True)
class Prediction:
    """The classifier's reading of one text: an event sub-type, or None when it reports no event."""

    sub_event_type: str | None
    event_type: str | None
    confidence: float  # calibrated probability of the returned label (of "no event" when sub_event_type is None)
    best_event: str  # the most probable event sub-type, even when it fell below the threshold
    best_event_probability: float


@dataclass
class TypingModel:
    space: FeatureSpace
    labels: list[str]  # ACLED sub-event type names, plus NO_EVENT when the training data had negatives
    coef: np.ndarray  # (n_labels, n_features)
    intercept: np.ndarray  # (n_labels,)
    temperature: float  # scores are multiplied by it before the softmax (fitted on held-out folds)
    threshold: float  # an event label needs at least this calibrated probability
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # features @ weights wants the weights column-major per label; transposing on every call copies them
        self._weights = np.ascontiguousarray(self.coef.T)

    def scores(self, texts: list[str]) -> np.ndarray:
        features = self.space.transform(texts)
        return np.asarray(features @ self._weights, dtype=np.float64) + self.intercept

    def probabilities(self, texts: list[str]) -> np.ndarray:
        return softmax(self.scores(texts) * self.temperature)

    def predict(self, texts: list[str]) -> list[Prediction]:
        if not texts:
            return []
        return [self._decide(row) for row in self.probabilities(texts)]

    def _decide(self, probabilities: np.ndarray) -> Prediction:
        event_columns = [i for i, label in enumerate(self.labels) if label != NO_EVENT]
        best = max(event_columns, key=lambda i: probabilities[i])
        best_label, best_p = self.labels[best], float(probabilities[best])
        if best_p >= self.threshold and int(np.argmax(probabilities)) == best:
            return Prediction(best_label, SUB_EVENT_TYPES[best_label], best_p, best_label, best_p)
        no_event_p = 1.0 - best_p
        return Prediction(None, None, no_event_p, best_label, best_p)

    def word_weights(self, words: list[str], label: str) -> list[float]:
        """How strongly each single word, on its own, points to ``label`` (0 for words the model never saw)."""
        column = self.labels.index(label)
        vocabulary = self.space.word.vocabulary_
        idf = self.space.word.idf_
        weights = []
        for word in words:
            index = vocabulary.get(normalise(word).lower())
            weights.append(0.0 if index is None else float(self.coef[column, index] * idf[index]))
        return weights

    def save(self, directory: str | Path) -> Path:
        directory = Path(directory)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            vocab, idf = self.space.to_state()
            with (directory / "vocab.json").open("w", encoding="utf-8") as handle:
                json.dump(vocab, handle, ensure_ascii=False, separators=(",", ":"))
            np.savez_compressed(directory / "weights.npz", coef=self.coef.astype(np.float32),
                                intercept=self.intercept.astype(np.float64), **idf)
            meta = {**self.meta, "format": FORMAT, "labels": self.labels, "temperature": self.temperature,
                    "threshold": self.threshold}
            with (directory / "meta.json").open("w", encoding="utf-8") as handle:
                json.dump(meta, handle, ensure_ascii=False, indent=1)
        except OSError as err:
            raise WirecoderError("W044", f"cannot write the model to {directory} ({err})") from err
        return directory

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "TypingModel":
        directory = Path(directory) if directory is not None else shipped_model_path()
        if (directory / "detector.json").is_file():
            directory = directory / "sentence"  # a detector: its sentence model
        try:
            with (directory / "meta.json").open(encoding="utf-8") as handle:
                meta = json.load(handle)
            with (directory / "vocab.json").open(encoding="utf-8") as handle:
                vocab = json.load(handle)
            with np.load(directory / "weights.npz", allow_pickle=False) as stored:
                arrays = {name: stored[name] for name in stored.files}
        except (OSError, ValueError, KeyError) as err:
            raise WirecoderError("W040", f"cannot load an event-typing model from {directory} ({err})") from err
        if meta.get("format") != FORMAT:
            raise WirecoderError("W040", f"{directory} holds a model of format {meta.get('format')!r}, "
                                         f"this wirecoder reads {FORMAT!r}")
        space = FeatureSpace.from_state(vocab, arrays)
        coef = arrays["coef"].astype(np.float32)
        if coef.shape != (len(meta["labels"]), space.size):
            raise WirecoderError("W040", f"the model in {directory} is inconsistent: weights {coef.shape} for "
                                         f"{len(meta['labels'])} labels and {space.size} features")
        extra = {k: v for k, v in meta.items() if k not in ("format", "labels", "temperature", "threshold")}
        return cls(space=space, labels=list(meta["labels"]), coef=coef, intercept=arrays["intercept"],
                   temperature=float(meta["temperature"]), threshold=float(meta["threshold"]), meta=extra)
