from __future__ import annotations

from wirecoder.typing import NO_EVENT
from wirecoder.typing.evaluate import evaluate_model, format_report, score


def test_evaluate_score_counts_what_it_is_given():
    gold = ["Armed clash", "Armed clash", "Air/drone strike", NO_EVENT]
    predicted = ["Armed clash", "Air/drone strike", "Air/drone strike", "Armed clash"]
    report = score(gold, predicted)
    assert report.items == 4
    assert report.accuracy == 0.5
    # event types: Battles, Battles, Explosions, none vs Battles, Explosions, Explosions, Battles
    assert report.event_type_accuracy == 0.5
    figures = {c.label: c for c in report.per_class}
    assert figures["Armed clash"].support == 2
    assert figures["Armed clash"].precision == 0.5 and figures["Armed clash"].recall == 0.5
    assert figures["Air/drone strike"].precision == 0.5 and figures["Air/drone strike"].recall == 1.0
    assert report.labels[-1] == NO_EVENT
    row = report.confusion[report.labels.index("Armed clash")]
    assert row[report.labels.index("Air/drone strike")] == 1
    assert sum(map(sum, report.confusion)) == 4
    # over the sub-types only: the negative is not a class of its own
    assert report.macro_f1 == round((0.5 + 2 / 3) / 2, 4)


def test_evaluate_perfect_predictions_score_one():
    gold = ["Peaceful protest", "Grenade", NO_EVENT]
    report = score(gold, list(gold))
    assert report.accuracy == report.weighted_f1 == report.macro_f1 == report.event_type_accuracy == 1.0


def test_evaluate_report_prints_every_class_and_the_matrix(small_examples):
    from wirecoder.typing import TrainingOptions, train_model
    model, _ = train_model(small_examples, options=TrainingOptions(seed=1, folds=3))
    report = evaluate_model(model, small_examples)
    text = format_report(report)
    assert "weighted F1" in text and "confusion matrix" in text
    for label in report.labels:
        assert label[:20] in text
