"""The event detector as the coder uses it: a sentence model and a document-topic model, loaded together.

A detector directory holds ``detector.json`` (format, the event threshold, the topic saturation point, how both were
chosen), ``sentence/`` (a ``TypingModel``: calibrated probabilities over ACLED's 25 sub-event types and "no
event") and, optionally, ``topic/`` (a ``TopicModel``: the probability that a whole article is conflict or unrest
news). Nothing in it is a pickle. A directory that holds a bare ``TypingModel`` (the format before detectors) is
read as a detector without a topic model, with that model's own threshold.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import WirecoderError
from .classifier import TypingModel
from .corpus import NO_EVENT
from .topic import TopicModel

FORMAT = "wirecoder.detector/1"


def shipped_detector_path() -> Path:
    return Path(str(resources.files("wirecoder.typing") / "model"))


@dataclass
class DetectorModel:
    sentence: TypingModel
    topic: TopicModel | None
    threshold: float  # an event needs at least this probability for its best sub-type (after the topic's scaling)
    topic_saturation: float  # sentences keep all their probability in articles at least this likely to be conflict news
                             # news, and a share topic / topic_saturation below it (0: no topic model)
    meta: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels = list(self.sentence.labels)
        self.event_columns = [i for i, label in enumerate(self.labels) if label != NO_EVENT]
        if self.topic is None:
            self.topic_saturation = 0.0

    def sentence_probabilities(self, texts: list[str]) -> np.ndarray:
        return self.sentence.probabilities(texts)

    def topic_probability(self, text: str) -> float:
        return 1.0 if self.topic is None else self.topic.probability(text)

    def word_weights(self, words: list[str], label: str) -> list[float]:
        return self.sentence.word_weights(words, label)

    def save(self, directory: str | Path) -> Path:
        directory = Path(directory)
        self.sentence.save(directory / "sentence")
        if self.topic is not None:
            self.topic.save(directory / "topic")
        meta = {**self.meta, "format": FORMAT, "threshold": self.threshold,
                "topic_saturation": self.topic_saturation}
        try:
            (directory / "detector.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False), encoding="utf-8")
        except OSError as err:
            raise WirecoderError("W044", f"cannot write the model to {directory} ({err})") from err
        return directory

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "DetectorModel":
        directory = Path(directory) if directory is not None else shipped_detector_path()
        meta_path = directory / "detector.json"
        if not meta_path.is_file():
            sentence = TypingModel.load(directory)  # a bare sentence model, as `train` wrote before detectors
            return cls(sentence=sentence, topic=None, threshold=sentence.threshold, topic_saturation=0.0)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise WirecoderError("W040", f"cannot read {meta_path} ({err})") from err
        if meta.get("format") != FORMAT:
            raise WirecoderError("W040", f"{directory} holds a detector of format {meta.get('format')!r}, "
                                         f"this wirecoder reads {FORMAT!r}")
        topic = TopicModel.load(directory / "topic") if (directory / "topic").is_dir() else None
        extra = {k: v for k, v in meta.items() if k not in ("format", "threshold", "topic_saturation")}
        return cls(sentence=TypingModel.load(directory / "sentence"), topic=topic,
                   threshold=float(meta["threshold"]), topic_saturation=float(meta["topic_saturation"]), meta=extra)
