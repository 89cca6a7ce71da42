"""Data and measures for bench/detector_models.py: the training examples the detector's sentence model learns
from, the ACLED notes' first sentences and the general-news sentences it is measured on, and the figures."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np


def training_examples(data: Path) -> tuple[list[str], list[str]]:
    """Texts and labels exactly as train_detector gives them to the sentence model."""
    from wirecoder.typing.corpus import read_corpus
    from wirecoder.typing.train_detector import first_sentence

    lines, documents = read_corpus(data)
    told = [replace(s, sub_event_type=None, event_type=None) if s.background else s
            for d in documents for s in d.sentences]
    examples = [first_sentence(e) for e in lines] + told
    return [e.text for e in examples], [e.label for e in examples]


def label_order(gold: list[str]) -> list[str]:
    from wirecoder.typing.corpus import NO_EVENT

    return sorted(set(gold) - {NO_EVENT}) + [NO_EVENT]


def note_sentences(path: Path) -> tuple[list, list[str]]:
    """ACLED's notes and the first sentence of each, cut as the training lines are cut."""
    from wirecoder.scoring.acled import read_acled_notes
    from wirecoder.typing.corpus import Example
    from wirecoder.typing.train_detector import first_sentence

    notes = read_acled_notes(path)
    return notes, [first_sentence(Example(text=n.text, sub_event_type=None)).text for n in notes]


def general_sentences(folder: Path) -> tuple[list[str], list[int], list[str]]:
    """Sentences of the general-news pages (paragraphs cut as training lines are cut), the page of each, and
    each page's text (for the topic model)."""
    from wirecoder.scoring.general import extraction_pages
    from wirecoder.typing.train_detector import _SENTENCE_BREAK

    sentences, page_of, pages = [], [], []
    for page in extraction_pages(folder):
        for paragraph in page["text"].split("\n"):
            for sentence in _SENTENCE_BREAK.split(paragraph.strip()):
                if len(sentence.split()) >= 3:  # headings and bylines of one or two words tell no event
                    sentences.append(sentence)
                    page_of.append(len(pages))
        pages.append(page["text"])
    return sentences, page_of, pages


def event_decisions(probabilities: np.ndarray, labels: list[str]) -> tuple[list[str | None], np.ndarray, np.ndarray]:
    """The coder's rule: an event when the event sub-types' probabilities sum to >= 0.5, of the most probable one.
    Returns the sub-type (None for no event), the event probability and the sub-type's probability."""
    from wirecoder.typing.corpus import NO_EVENT

    events = [i for i, label in enumerate(labels) if label != NO_EVENT]
    p_event = probabilities[:, events].sum(axis=1)
    best = np.array(events)[probabilities[:, events].argmax(axis=1)]
    subs = [labels[b] if p >= 0.5 else None for b, p in zip(best, p_event)]
    return subs, p_event, probabilities[np.arange(len(best)), best]


def acled_figures(notes: list, probabilities: np.ndarray, labels: list[str]) -> dict:
    from sklearn.metrics import f1_score

    from wirecoder.scoring.acled import NO_EVENT, reliability_table
    from wirecoder.taxonomy import SUB_EVENT_TYPES

    subs, _, confidence = event_decisions(probabilities, labels)
    gold = [n.sub_event_type for n in notes]
    predicted = [s or NO_EVENT for s in subs]
    classes = sorted(set(gold))
    recall = {}
    for event_type in sorted(set(n.event_type for n in notes)):
        rows = [i for i, n in enumerate(notes) if n.event_type == event_type]
        recall[event_type] = round(sum(subs[i] is not None and SUB_EVENT_TYPES[subs[i]] == event_type
                                       for i in rows) / len(rows), 3)
    _, ece = reliability_table([(float(c), s == g) for s, g, c in zip(subs, gold, confidence) if s is not None])
    n = len(notes)
    return {
        "no_event": round(sum(s is None for s in subs) / n, 3),
        "event_type_accuracy": round(sum(s is not None and SUB_EVENT_TYPES[s] == note.event_type
                                         for s, note in zip(subs, notes)) / n, 3),
        "sub_event_accuracy": round(sum(p == g for p, g in zip(predicted, gold)) / n, 3),
        "weighted_f1": round(float(f1_score(gold, predicted, labels=classes, average="weighted", zero_division=0)), 3),
        "macro_f1": round(float(f1_score(gold, predicted, labels=classes, average="macro", zero_division=0)), 3),
        "calibration_error": ece, "event_type_recall": recall}


def topic_weight(topic: float, saturation: float) -> float:
    """The weight the event_detection stage gives a page's sentences: min(1, topic / saturation), at least 0.05."""
    return max(min(1.0, topic / saturation), 0.05) if saturation > 0.0 else 1.0


def weighed(probabilities: np.ndarray, labels: list[str], weights: np.ndarray) -> np.ndarray:
    """Each event sub-type's probability raised to 1 / weight, as the event_detection stage does in an article
    the topic model calls off-topic (weight 1: unchanged)."""
    from wirecoder.typing.corpus import NO_EVENT

    out = probabilities.copy()
    events = [i for i, label in enumerate(labels) if label != NO_EVENT]
    out[:, events] = probabilities[:, events] ** (1.0 / weights[:, None])
    return out


def general_figures(probabilities: np.ndarray, labels: list[str], page_of: list[int], weights: np.ndarray) -> dict:
    """Sentences of general news flagged as events, alone and with their page's topic weight applied."""
    _, p_event, _ = event_decisions(probabilities, labels)
    _, p_weighed, _ = event_decisions(weighed(probabilities, labels, weights[np.array(page_of)]), labels)
    return {"flagged": int((p_event >= 0.5).sum()), "pages": len({page_of[i] for i in np.flatnonzero(p_event >= 0.5)}),
            "flagged_with_topic": int((p_weighed >= 0.5).sum())}
