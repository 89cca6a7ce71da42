"""Training the event detector: the sentence model (``train.train_model``) and the document-topic model.

The topic model learns from whole documents of the corpus (``documents_*.jsonl``: short articles whose ``topic``
is "conflict" or an everyday kind) and from bundles of one to eight of its lines, drawn with a fixed seed:
bundles of event lines (with conflict-reporting context lines mixed in) are conflict news, bundles of everyday
negatives (whose ``negative_kind`` the corpus's ``topics.tsv`` marks as off-topic) are not. Bundles of one line
teach it that a one-sentence note is judged by that sentence. Same data and seed, same model.
"""
from __future__ import annotations

import csv
import random
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from ..errors import WirecoderError
from .corpus import Document, Example
from .detector import DetectorModel
from .features import normalise
from .topic import OPTIONS, TopicModel
from .train import TrainingOptions, TrainingReport, train_model

BUNDLES = 6000  # per side
# where a line of several sentences is cut, as the coder's sentence splitter cuts it: after a full stop before a
# capital, digit, quote or bracket, and before a bracketed remark ("... in Tondo. [size=no report]")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\[\"“'‘A-Z0-9])|\s+(?=\[[a-z]+=)")
MAX_BUNDLE = 8


@dataclass(frozen=True)
class DetectorOptions:
    sentence: TrainingOptions = TrainingOptions()
    # chosen on the development figures (docs/typing.md): the event bar, and the topic probability from which an
    # article's sentences keep all their probability (below it they keep topic / topic_saturation of it)
    threshold: float = 0.5
    topic_saturation: float = 0.8
    topic_c: float = 4.0
    min_df: int = 2


@dataclass(frozen=True)
class DetectorReport:
    sentence: TrainingReport
    topic_documents: int
    topic_cv_accuracy: float | None
    seconds: float

    def as_dict(self) -> dict:
        return {"sentence": self.sentence.as_dict(), "topic_documents": self.topic_documents,
                "topic_cv_accuracy": self.topic_cv_accuracy, "seconds": self.seconds}


def read_topic_kinds(path: Path) -> dict[str, bool]:
    """``topics.tsv`` of a corpus folder: kind<TAB>conflict (1) or not (0), one a line; {} when absent."""
    if not path.is_file():
        return {}
    kinds: dict[str, bool] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter="\t"), start=1):
            if not row or row[0].startswith("#") or row[0] == "kind":
                continue
            if len(row) != 2 or row[1] not in ("0", "1") or row[0] in kinds:
                raise WirecoderError("W041", f"{path.name} line {number}: want kind<TAB>0|1, each kind once")
            kinds[row[0]] = row[1] == "1"
    return kinds


def topic_examples(lines: list[Example], documents: list[Document], kinds: dict[str, bool], *,
                   seed: int) -> tuple[list[str], list[int]]:
    texts = [d.text for d in documents]
    gold = [int(d.conflict) for d in documents]
    events = [e.text for e in lines if e.sub_event_type is not None]
    context = [e.text for e in lines if e.sub_event_type is None and kinds.get(e.kind or "") is True]
    everyday = [e.text for e in lines if e.sub_event_type is None and kinds.get(e.kind or "") is False]
    if not everyday or not events:
        return texts, gold
    rng = random.Random(seed)
    for _ in range(BUNDLES):
        size = rng.randint(1, MAX_BUNDLE)
        bundle = [rng.choice(events)] + [rng.choice(events if rng.random() < 0.5 or not context else context)
                                         for _ in range(size - 1)]
        rng.shuffle(bundle)
        texts.append(" ".join(bundle))
        gold.append(1)
        texts.append(" ".join(rng.choice(everyday) for _ in range(rng.randint(1, MAX_BUNDLE))))
        gold.append(0)
    return texts, gold


def train_topic(texts: list[str], gold: list[int], *, options: DetectorOptions) -> tuple[TopicModel, float | None]:
    labels = np.array(gold)
    if len(set(gold)) < 2:
        raise WirecoderError("W043", "the topic model needs conflict and everyday documents (or lines of "
                                     "negative kinds listed in topics.tsv)")
    normalised = [normalise(t) for t in texts]
    accuracy = None
    if min(np.bincount(labels)) >= 5:
        right = 0
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=options.sentence.seed)
        for train_rows, test_rows in folds.split(normalised, labels):
            model, vectorizer = _fit_topic([normalised[i] for i in train_rows], labels[train_rows], options)
            right += int((model.predict(vectorizer.transform([normalised[i] for i in test_rows]))
                          == labels[test_rows]).sum())
        accuracy = round(right / len(labels), 4)
    model, vectorizer = _fit_topic(normalised, labels, options)
    topic = TopicModel(vectorizer=vectorizer, coef=model.coef_[0].astype(np.float32),
                       intercept=float(model.intercept_[0]), meta={"documents": len(texts), "cv_accuracy": accuracy})
    return topic, accuracy


def _fit_topic(texts: list[str], labels: np.ndarray, options: DetectorOptions):
    vectorizer = TfidfVectorizer(min_df=options.min_df, **OPTIONS).fit(texts)
    model = LogisticRegression(C=options.topic_c, max_iter=2000, random_state=options.sentence.seed)
    model.fit(vectorizer.transform(texts), labels)
    return model, vectorizer


def first_sentence(example: Example) -> Example:
    """A line is labelled with the event of its first sentence; the coder reads one sentence at a time, so the
    detector learns from that sentence alone (what follows, a toll or a source, is told of an event, not one)."""
    head = _SENTENCE_BREAK.split(example.text.strip(), maxsplit=1)[0]
    return example if head == example.text else replace(example, text=head)


def train_detector(lines: list[Example], documents: list[Document], *, kinds: dict[str, bool],
                   options: DetectorOptions = DetectorOptions()) -> tuple[DetectorModel, DetectorReport]:
    started = time.perf_counter()
    # the detector finds current events: a sentence that tells one as history is no event for it (the dates
    # stage flags history in the coder; here it teaches the detector what a retold event sounds like)
    told = [replace(s, sub_event_type=None, event_type=None) if s.background else s
            for d in documents for s in d.sentences]
    examples = [first_sentence(e) for e in lines] + told
    sentence, sentence_report = train_model(examples, options=options.sentence)
    texts, gold = topic_examples(lines, documents, kinds, seed=options.sentence.seed)
    topic, topic_accuracy = (train_topic(texts, gold, options=options) if len(set(gold)) == 2 else (None, None))
    report = DetectorReport(sentence=sentence_report, topic_documents=len(texts), topic_cv_accuracy=topic_accuracy,
                            seconds=round(time.perf_counter() - started, 1))
    model = DetectorModel(sentence=sentence, topic=topic, threshold=options.threshold,
                          topic_saturation=options.topic_saturation if topic is not None else 0.0,
                          meta={"options": {"threshold": options.threshold, "topic_saturation": options.topic_saturation,
                                            "topic_c": options.topic_c},
                                "training": report.as_dict()})
    return model, report


def corpus_kinds(data: Path) -> dict[str, bool]:
    folder = data if data.is_dir() else data.parent
    for candidate in (folder / "topics.tsv", folder.parent / "topics.tsv"):
        if candidate.is_file():
            return read_topic_kinds(candidate)
    return {}
