from __future__ import annotations

import json

import numpy as np
import pytest

from wirecoder.errors import WirecoderError
from wirecoder.typing import NO_EVENT, Example, TrainingOptions, TypingModel, train_model

OPTIONS = TrainingOptions(seed=3, folds=3)


def test_train_learns_the_labels_it_was_given(small_examples):
    model, report = train_model(small_examples, options=OPTIONS)
    assert model.labels == ["Peaceful protest", "Shelling/artillery/missile attack", NO_EVENT]
    assert report.examples == len(small_examples)
    assert report.label_counts == {"Peaceful protest": 7, "Shelling/artillery/missile attack": 7, NO_EVENT: 7}
    predictions = model.predict([
        "Heavy artillery shelled the outskirts of the town all night.",
        "Teachers marched peacefully to demand their salaries.",
    ])
    assert predictions[0].sub_event_type == "Shelling/artillery/missile attack"
    assert predictions[0].event_type == "Explosions/Remote violence"
    assert predictions[1].sub_event_type == "Peaceful protest"
    assert all(0.0 < p.confidence <= 1.0 for p in predictions)


def test_train_probabilities_are_a_distribution(small_examples):
    model, _ = train_model(small_examples, options=OPTIONS)
    probabilities = model.probabilities(["Rockets hit the depot.", "The bank kept rates unchanged."])
    assert probabilities.shape == (2, 3)
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_train_same_data_and_seed_give_the_same_model(small_examples):
    first, first_report = train_model(small_examples, options=OPTIONS)
    second, second_report = train_model(small_examples, options=OPTIONS)
    assert np.array_equal(first.coef, second.coef)
    assert first.temperature == second.temperature
    assert first_report.cv_weighted_f1 == second_report.cv_weighted_f1


def test_train_cuts_the_feature_space_to_max_features(small_examples):
    model, report = train_model(small_examples, options=TrainingOptions(seed=3, folds=3, max_features=50))
    assert model.space.size == 50 == report.features
    assert model.coef.shape == (3, 50)


def test_train_refuses_a_single_label(small_examples):
    only_one = [e for e in small_examples if e.sub_event_type == "Peaceful protest"]
    with pytest.raises(WirecoderError) as caught:
        train_model(only_one, options=OPTIONS)
    assert caught.value.code == "W043"


def test_train_refuses_a_label_with_too_few_examples(small_examples):
    scarce = small_examples + [Example("Police arrested a journalist.", "Arrests")]
    with pytest.raises(WirecoderError) as caught:
        train_model(scarce, options=OPTIONS)
    assert caught.value.code == "W043" and "Arrests" in caught.value.detail


def test_model_saves_and_loads_without_change(small_examples, tmp_path):
    model, _ = train_model(small_examples, options=OPTIONS)
    model.save(tmp_path / "m")
    loaded = TypingModel.load(tmp_path / "m")
    texts = ["Shells fell on the market.", "Students rallied outside the gates.", "The team won 3-1."]
    assert loaded.labels == model.labels
    assert np.allclose(loaded.probabilities(texts), model.probabilities(texts), atol=1e-6)
    meta = json.loads((tmp_path / "m" / "meta.json").read_text())
    assert meta["options"]["seed"] == 3 and "training" in meta


def test_model_load_refuses_a_missing_or_foreign_directory(tmp_path):
    with pytest.raises(WirecoderError) as caught:
        TypingModel.load(tmp_path)
    assert caught.value.code == "W040"
    (tmp_path / "meta.json").write_text('{"format": "something/9"}')
    (tmp_path / "vocab.json").write_text('{}')
    np.savez(tmp_path / "weights.npz", coef=np.zeros((1, 1)))
    with pytest.raises(WirecoderError) as caught:
        TypingModel.load(tmp_path)
    assert caught.value.code == "W040" and "format" in caught.value.detail


def test_model_word_weights_point_to_the_label(small_examples):
    model, _ = train_model(small_examples, options=OPTIONS)
    shelled, marched, unseen = model.word_weights(["artillery", "peacefully", "zzzqx"],
                                                  "Shelling/artillery/missile attack")
    assert shelled > marched
    assert unseen == 0.0


def test_shipped_model_loads_and_covers_the_taxonomy():
    from wirecoder.taxonomy import SUB_EVENT_TYPES
    model = TypingModel.load()
    assert set(model.labels) - {NO_EVENT} <= set(SUB_EVENT_TYPES)
    assert NO_EVENT in model.labels
    assert model.meta["training"]["examples"] > 0


def test_features_mask_names_inside_a_sentence_but_not_acronyms_or_openers():
    from wirecoder.typing.features import normalise
    text = "Gunmen attacked Tessit on 3 May. Militants from Boko Haram planted an IED near the UN camp."
    assert normalise(text) == ("Gunmen attacked Xx on 0 Xx. Militants from Xx Xx planted an IED near the UN camp.")


@pytest.mark.parametrize("text, sub_event_type", [
    ("Fighter jets bombed a rebel convoy on the highway north of the city on Tuesday.", "Air/drone strike"),
    ("Police fired tear gas to break up a march by opposition supporters in the capital.",
     "Protest with intervention"),
    ("Gunmen on motorbikes stormed a village market and shot dead eleven traders.", "Attack"),
    ("The two armed groups signed a ceasefire deal after talks mediated by church leaders.", "Agreement"),
    ("Hundreds of nurses marched peacefully through the city centre to demand better pay.", "Peaceful protest"),
    ("A roadside bomb struck a police pickup truck, killing three officers.", "Remote explosive/landmine/IED"),
    ("The central bank cut interest rates by a quarter point on Thursday.", None),
    ("The home side won the derby 3-1 with two late goals.", None),
])
def test_shipped_model_types_plain_sentences(text, sub_event_type):
    [prediction] = TypingModel.load().predict([text])
    assert prediction.sub_event_type == sub_event_type
