"""Referenced events: an event the text names by its day is an event the article reports, marked as referenced.

Follow-up and reaction articles often tell an incident only by naming it: "The number of people killed in
Monday's bombing at a mosque in Peshawar has risen to 100", "Obama ... addressing Friday's attack in Munich",
"after Wednesday's attacks in San Bernardino". The detector, which reads whole sentences, finds no event in them
(the sentence is about a toll, a speech, a debate), and a definite mention that is the object of a reaction
("condemned Sunday's attack") is read as a reference to an event told elsewhere. Yet a day that names the event
says that it happened, when and (with its place) where: a report of that incident, as a merge of reports needs.

So an event noun (``lexicon/referenced_events.tsv``: "bombing", "shooting", "attack", ...) tied to a date of one
day in the past ("Monday's", "the Nov. 13 attacks", "the massacre Tuesday") is a detected event mention, however
its sentence reads, with ``referenced`` set: its evidence is the reference. A rule mention on that noun keeps its
sub-type ("Monday's suicide bombing"); a noun no rule types takes the lexicon's. Headlines are never events. A
noun with no such date ("the attack", "last year's attacks") stays what the earlier stages made of it.
"""
from __future__ import annotations

import datetime as dt

from ..article import Article, DateMention, EventMention
from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES

REFERENCE_RULE = "referenced"
REFERENCE_CONFIDENCE = 0.6  # the prior of a generic trigger ("attack"): a day says it happened, not how


class ReferencedEventsStage:
    name = "referenced_events"
    requires = ("doc", "sentences", "mentions", "dates", "headline", "published")
    assigns = ("mentions",)

    def __init__(self) -> None:
        words = load_lexicon("referenced_events")
        self._nouns = words.mapping("event_noun")
        self._links = words.words("date_link")
        self._of_words = words.words("date_preposition")
        self._occurring = words.words("occurring_verb")
        self._clause_date_links = words.words("clause_date_link")

    def __call__(self, article: Article) -> Article:
        days = [d for d in article.dates if self._one_past_day(d, article.published)]
        if not days or article.doc is None:
            return article
        doc = article.doc
        by_root: dict[int, EventMention] = {}
        for mention in article.mentions:
            span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            if span is not None:
                by_root.setdefault(span.root.i, mention)
        found: list[EventMention] = []
        for sentence in article.sentences:
            if article.is_heading(sentence):
                continue
            sent = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None:
                continue
            for token in sent:
                if token.pos_ != "NOUN" or token.lemma_.lower() not in self._nouns or not self._named_by_day(token, days):
                    continue
                mention = by_root.get(token.i)
                if mention is None:
                    sub = self._nouns[token.lemma_.lower()]
                    mention = EventMention(
                        trigger=article.span(token.idx, token.idx + len(token.text)), sentence=sentence.index,
                        event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, confidence=REFERENCE_CONFIDENCE,
                        rule=REFERENCE_RULE)
                    found.append(mention)
                mention.detected = True
                mention.hypothetical = mention.habitual = mention.reference = False
                mention.referenced = True
        if found:
            article.mentions = sorted([*article.mentions, *found], key=lambda m: m.trigger.start)
        return article

    @staticmethod
    def _one_past_day(date: DateMention, published: dt.date | None) -> bool:
        return date.precision == 1 and (date.date_end is None or date.date_end == date.date) and (
            published is None or date.date <= published)

    def _named_by_day(self, token, days: list[DateMention]) -> bool:
        """Whether a date of one day is tied to the noun: a possessive ("Monday's", "Sunday night's"), a modifier
        ("the Nov. 13 attacks"), a bare day after it ("the massacre Tuesday") or "of" a day ("the attacks of Nov.
        13") or the day a clause says it happened on ("the shooting, which occurred Tuesday"). A day "on" which something was done ("condemned the attack on Sunday") may be the reaction's."""
        def a_day(words) -> bool:
            return any(w.ent_type_ in ("DATE", "TIME") and any(d.span.start <= w.idx < d.span.end for d in days)
                       for w in words)

        for child in token.children:
            if child.dep_ in self._links and a_day(child.subtree):
                return True
            if child.dep_ == "prep" and child.lower_ in self._of_words and a_day(
                    w for w in child.children if w.dep_ == "pobj"):
                return True
            if child.dep_ == "relcl" and child.lemma_.lower() in self._occurring and a_day(
                    w for c in child.children if c.dep_ in self._clause_date_links for w in c.subtree):
                return True  # "the shooting itself, which occurred Tuesday afternoon"
        return False
