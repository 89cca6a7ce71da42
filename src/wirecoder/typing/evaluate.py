"""Scoring event typing against gold labels: accuracy, weighted and macro F1, per-class figures, confusions.

"Over the sub-types" figures count only the ACLED sub-types present in the gold (a negative called an
event still costs that event's precision); the "all labels" figures add "No event" as a label of its own.
Event-type accuracy compares the six types, with "No event" as a seventh.
"""
from __future__ import annotations

from dataclasses import dataclass

from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from ..taxonomy import SUB_EVENT_TYPES
from .corpus import NO_EVENT, Example
from .classifier import TypingModel


@dataclass(frozen=True)
class ClassFigures:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class EvaluationReport:
    items: int
    accuracy: float  # sub-type (or no event) exactly right
    event_type_accuracy: float
    weighted_f1: float  # over the sub-types in the gold
    macro_f1: float  # over the sub-types in the gold
    weighted_f1_all: float  # with "No event" as a label
    macro_f1_all: float
    per_class: list[ClassFigures]
    labels: list[str]  # rows and columns of the confusion matrix
    confusion: list[list[int]]

    def as_dict(self) -> dict:
        return {
            "items": self.items, "accuracy": self.accuracy, "event_type_accuracy": self.event_type_accuracy,
            "weighted_f1": self.weighted_f1, "macro_f1": self.macro_f1,
            "weighted_f1_all": self.weighted_f1_all, "macro_f1_all": self.macro_f1_all,
            "per_class": [c.__dict__ for c in self.per_class],
            "labels": self.labels, "confusion": self.confusion,
        }


def _event_type(label: str) -> str:
    return SUB_EVENT_TYPES.get(label, NO_EVENT)


def score(gold: list[str], predicted: list[str]) -> EvaluationReport:
    """Figures for paired gold and predicted labels (ACLED sub-type names or NO_EVENT)."""
    present = sorted({label for label in gold if label != NO_EVENT})
    every = sorted(set(gold) | set(predicted), key=lambda label: (label == NO_EVENT, label))
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=every, zero_division=0)
    per_class = [ClassFigures(label, round(float(p), 4), round(float(r), 4), round(float(f), 4), int(s))
                 for label, p, r, f, s in zip(every, precision, recall, f1, support)]
    position = {label: i for i, label in enumerate(every)}
    matrix = [[0] * len(every) for _ in every]
    for g, p in zip(gold, predicted):
        matrix[position[g]][position[p]] += 1

    def f1_over(labels: list[str], average: str) -> float:
        if not labels:
            return 0.0
        return round(float(f1_score(gold, predicted, labels=labels, average=average, zero_division=0)), 4)

    gold_labels_all = sorted(set(gold))
    return EvaluationReport(
        items=len(gold),
        accuracy=round(float(accuracy_score(gold, predicted)), 4),
        event_type_accuracy=round(float(accuracy_score([_event_type(g) for g in gold],
                                                       [_event_type(p) for p in predicted])), 4),
        weighted_f1=f1_over(present, "weighted"), macro_f1=f1_over(present, "macro"),
        weighted_f1_all=f1_over(gold_labels_all, "weighted"), macro_f1_all=f1_over(gold_labels_all, "macro"),
        per_class=per_class, labels=every, confusion=matrix)


def evaluate_model(model: TypingModel, examples: list[Example]) -> EvaluationReport:
    predictions = model.predict([example.text for example in examples])
    return score([example.label for example in examples],
                 [prediction.sub_event_type or NO_EVENT for prediction in predictions])


def _short(label: str, width: int) -> str:
    return label if len(label) <= width else label[: width - 1] + "."


def format_report(report: EvaluationReport) -> str:
    lines = [
        f"items                 {report.items}",
        f"accuracy              {report.accuracy:.4f}",
        f"event-type accuracy   {report.event_type_accuracy:.4f}",
        f"weighted F1           {report.weighted_f1:.4f}   (over the sub-types in the gold)",
        f"macro F1              {report.macro_f1:.4f}",
        f"weighted F1, all      {report.weighted_f1_all:.4f}   (with \"{NO_EVENT}\" as a label)",
        f"macro F1, all         {report.macro_f1_all:.4f}",
        "",
        f"{'label':<36} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}",
    ]
    for c in report.per_class:
        lines.append(f"{_short(c.label, 36):<36} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f} {c.support:>8d}")
    lines += ["", "confusion matrix (rows gold, columns predicted):"]
    codes = [f"{i:>3d}" for i in range(len(report.labels))]
    lines.append(" " * 28 + " ".join(codes))
    for i, (label, row) in enumerate(zip(report.labels, report.confusion)):
        lines.append(f"{i:>2d} {_short(label, 24):<24} " + " ".join(f"{v:>3d}" if v else "  ." for v in row))
    return "\n".join(lines)
