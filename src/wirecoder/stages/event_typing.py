"""Event typing: the trained classifier reads every sentence and settles what the trigger rules leave open.

Rules are precise where news is explicit ("missile attack", "agreed a ceasefire"); the classifier knows
the endless other ways of saying it ("rained shells on", "took to the streets"). So, per sentence:

- a strong rule mention (prior confidence >= ``strong_rule_confidence``) stands; if the classifier agrees
  its confidence rises to the classifier's;
- a weak rule mention is re-typed when the classifier is confident (>= ``retype_confidence``) of another
  sub-type that no other mention in the sentence carries; when the classifier is very confident
  (>= ``doubt_confidence``) that the sentence reports no event, the mention keeps its type but loses up to
  40% of its confidence (not more, and it is never dropped: on news unlike its training lines the classifier
  calls some real events "no event", so it may lower a rule's confidence but not overrule it);
- a sentence without any mention gets one when the classifier is very confident (>= ``add_confidence``)
  and the sentence has a verb that the model, on its own, ties to that sub-type: that verb is the trigger.
  Only verbs: a sentence that merely names women, a bomb or a suicide note is not yet telling of an act,
  and the rules already catch the event nouns ("airstrike", "ambush") that make verbless headlines. Never
  a verb of speech ("says", "announced"): the saying is not the event.
"""
from __future__ import annotations

from pathlib import Path

from ..article import Article, EventMention
from ..typing import Prediction, TypingModel
from .cues import load_cue_verbs
from .syntax import is_reaction_object, modality

TRIGGER_POS = ("VERB",)
CLASSIFIER_RULE = "classifier"
MIN_TRIGGER_WEIGHT = 0.5  # the trigger must point to the label on its own, not merely be present


class EventTypingStage:
    name = "event_typing"
    requires = ("sentences", "mentions", "headline")
    assigns = ("mentions",)

    def __init__(self, *, model_path: str | Path | None = None, model: TypingModel | None = None,
                 strong_rule_confidence: float = 0.85, retype_confidence: float = 0.8,
                 add_confidence: float = 0.9, doubt_confidence: float = 0.9):
        self.model = model if model is not None else TypingModel.load(model_path)
        self.strong_rule_confidence = strong_rule_confidence
        self.retype_confidence = retype_confidence
        self.add_confidence = add_confidence
        self.doubt_confidence = doubt_confidence
        self._speech_verbs = frozenset(load_cue_verbs())

    def __call__(self, article: Article) -> Article:
        if not article.sentences:
            return article
        texts = [article.text[s.span.start:s.span.end] for s in article.sentences]
        predictions = self.model.predict(texts)
        by_sentence: dict[int, list[EventMention]] = {}
        for mention in article.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        added = []
        for sentence, prediction in zip(article.sentences, predictions):
            mentions = by_sentence.get(sentence.index, [])
            if mentions:
                self._settle(mentions, prediction)
            elif not article.is_heading(sentence):  # headlines retell the body; events come from the body
                mention = self._add(article, sentence.index, prediction)
                if mention is not None:
                    added.append(mention)
        if added:
            article.mentions = sorted(article.mentions + added, key=lambda m: m.trigger.start)
        return article

    def _settle(self, mentions: list[EventMention], prediction: Prediction) -> None:
        carried = {m.sub_event_type for m in mentions}
        for mention in mentions:
            if prediction.sub_event_type == mention.sub_event_type:
                mention.confidence = round(max(mention.confidence, prediction.confidence), 3)
                continue
            if mention.confidence >= self.strong_rule_confidence:
                continue
            if prediction.sub_event_type is None:
                if prediction.confidence >= self.doubt_confidence:
                    doubt = 0.6 + 0.4 * prediction.best_event_probability
                    mention.confidence = round(mention.confidence * doubt, 3)
                continue
            if prediction.confidence >= self.retype_confidence and prediction.sub_event_type not in carried:
                mention.event_type = prediction.event_type
                mention.sub_event_type = prediction.sub_event_type
                mention.confidence = round(prediction.confidence, 3)
                mention.rule = f"{mention.rule}+{CLASSIFIER_RULE}"
                carried.add(prediction.sub_event_type)

    def _add(self, article: Article, index: int, prediction: Prediction) -> EventMention | None:
        if prediction.sub_event_type is None or prediction.confidence < self.add_confidence:
            return None
        if article.doc is None:
            return None
        span = article.sentences[index].span
        sent = article.doc.char_span(span.start, span.end, alignment_mode="expand")
        if sent is None:
            return None
        candidates = [t for t in sent if t.pos_ in TRIGGER_POS and t.lower_ not in self._speech_verbs
                      and t.lemma_.lower() not in self._speech_verbs]
        if not candidates:
            return None
        weights = self.model.word_weights([t.text for t in candidates], prediction.sub_event_type)
        lemma_weights = self.model.word_weights([t.lemma_ for t in candidates], prediction.sub_event_type)
        scored = [(max(w, lw), t) for w, lw, t in zip(weights, lemma_weights, candidates)]
        weight, trigger = max(scored, key=lambda pair: (pair[0], -pair[1].i))
        if weight < MIN_TRIGGER_WEIGHT:
            return None
        negated, hypothetical, habitual = modality(trigger)
        if is_reaction_object(trigger):
            hypothetical = True
        return EventMention(
            trigger=article.span(trigger.idx, trigger.idx + len(trigger.text)), sentence=index,
            event_type=prediction.event_type, sub_event_type=prediction.sub_event_type,
            confidence=round(prediction.confidence, 3), rule=CLASSIFIER_RULE, negated=negated,
            hypothetical=hypothetical, habitual=habitual)
