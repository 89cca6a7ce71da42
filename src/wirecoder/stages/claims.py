"""The claims stage: who asserts each event.

An event is claimed by every quoted source whose statement holds its evidence: the trigger, or the figure of its
fatalities or injured, lies inside the content of a quote with a speaker (a date or a place that happens to sit in
a quotation does not make its speaker assert the event). When no one is quoted on it, the outlet asserts it: the
article's ``source``, else an outlet the text names ("..., Trend reports", "Reuters reported"), else
"unknown outlet".

Counts stay with their source. When another source gives a different figure for the same kind of count in a
sentence about the same place, that figure is added to the event's evidence (field "fatalities" or "injured") and
its source to ``claimed_by``; the event's own count is left as it was, never averaged (docs/quotes.md).
"""
from __future__ import annotations

import re

from ..article import Article, Claimant, Event, Evidence, Quote, Speaker
from ..lexicon import load_lexicon
from ..quoting.speaker_kinds import (GOVERNMENT_WORDS, MILITARY_WORDS, ORGANISATION_WORDS, REPORT_CUES,
                                     UNRESOLVED_PRONOUNS, WORD, speaker_kind)

# "..., Trend reports." closing a sentence: the form in which an outlet names itself as the source
_WORDS = load_lexicon("speaker_kinds")
_NAMED_OUTLET = re.compile(r"[,;—–-]\s*((?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*)\s+"
                           + _WORDS.alternation("outlet_closing_verb") + r"\s*(?:[.\n]|$)")
_ASSERTING_FIELDS = frozenset({"trigger", "fatalities", "injured"})
RESPONSIBILITY = re.compile(rf"\b{_WORDS.alternation('responsibility_word')}\b", re.IGNORECASE)


def names_a_person(article: Article, speaker: Speaker) -> bool:
    """Whether the speaker is a person's full name: two words or more that the parser reads as a PERSON. A single
    word it calls a person is as often a masthead ("Politico reported") as a surname, and a surname alone was
    resolved to the full name where the text gives it."""
    if article.doc is None or speaker.span.end <= speaker.span.start or len(speaker.name.split()) < 2:
        return False
    span = article.doc.char_span(speaker.span.start, speaker.span.end, alignment_mode="expand")
    return span is not None and any(token.ent_type_ == "PERSON" for token in span)


def kind_of(article: Article, quote: Quote) -> str:
    """The kind of a quote's speaker, in its article (see speaker_kind)."""
    assert quote.speaker is not None
    return speaker_kind(quote.speaker, quote.cue.text, named_person=names_a_person(article, quote.speaker))


def named_outlet(article: Article) -> str | None:
    """An outlet the text itself names as its source: a reporting cue with a named speaker, or "X reports"."""
    for quote in article.quotes:
        if quote.speaker is not None and quote.cue.text.lower() in REPORT_CUES and kind_of(article, quote) == "outlet":
            return quote.speaker.name
    text = article.doc.text if article.doc is not None else article.text
    for match in _NAMED_OUTLET.finditer(text):
        name = match.group(1)
        if not set(WORD.findall(name.lower())) & (GOVERNMENT_WORDS | MILITARY_WORDS | ORGANISATION_WORDS):
            return name
    return None


class ClaimsStage:
    name = "claims"
    # counts: other sources' figures for an event; source: the outlet that asserts what no one quoted does
    requires = ("events", "quotes", "counts", "sentences", "doc", "text", "source")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        outlet = Claimant(article.source or named_outlet(article) or "unknown outlet", "outlet", None)
        for event in article.events:
            event.claimed_by = self._claimants(article, event) or [outlet]
            self._other_counts(article, event, outlet)
        return article

    def _claimants(self, article: Article, event: Event) -> list[Claimant]:
        # the trigger, or a figure of the event: a date or place that happens to sit in a quote asserts nothing
        spans = [event.mention.trigger] + [e.span for e in event.evidence if e.field in _ASSERTING_FIELDS]
        claimants: list[Claimant] = []
        for quote in article.quotes:
            if quote.speaker is None or not any(quote.content.contains(s) for s in spans):
                continue
            if not self._names_a_source(quote, article):
                continue
            claimant = self._claimant(article, quote)
            if all(c.name != claimant.name for c in claimants):
                claimants.append(claimant)
        return claimants

    @staticmethod
    def _names_a_source(quote: Quote, article: Article) -> bool:
        """Whether the speaker is a source one can name: not a pronoun left unresolved ("they said"), not a
        fragment the parser cut, and not a group claiming responsibility for an attack (that is the attack's
        actor1, with the claim's words as evidence, not a source of the report)."""
        name = quote.speaker.name.strip()
        if not name or not name[0].isalnum() or name.lower() in UNRESOLVED_PRONOUNS:
            return False
        sentence = article.text[quote.cue.start:quote.content.end] if quote.content.end > quote.cue.start \
            else article.text[quote.content.start:quote.cue.end]
        return not (quote.cue.text.lower().startswith("claim") and RESPONSIBILITY.search(sentence))

    @staticmethod
    def _claimant(article: Article, quote: Quote) -> Claimant:
        return Claimant(quote.speaker.name, kind_of(article, quote), quote.id)

    def _other_counts(self, article: Article, event: Event, outlet: Claimant) -> None:
        """Different figures for the same event from other sources: kept beside the event's own, with their source."""
        place = event.location.name.lower() if event.location is not None else None
        if place is None or not article.counts:
            return
        own = {(e.field, e.span.start) for e in event.evidence}
        for field, count in (("fatalities", event.fatalities), ("injured", event.injured)):
            if count is None:
                continue
            own_spans = [e.span for e in event.evidence if e.field == field]
            own_source = self._source_of(article, own_spans[0], outlet).name if own_spans else outlet.name
            for other in article.counts:
                if other.kind != field or other.count.best == count.best or (field, other.span.start) in own:
                    continue
                sentence = article.sentences[other.sentence].span if other.sentence < len(article.sentences) \
                    else None
                if sentence is None or place not in sentence.text.lower():
                    continue
                source = self._source_of(article, other.span, outlet)
                if source.name == own_source:
                    continue  # the same source giving another figure speaks of another event
                event.evidence.append(Evidence(field, other.span))
                if all(c.name != source.name for c in event.claimed_by):
                    event.claimed_by.append(source)

    def _source_of(self, article: Article, span, outlet: Claimant) -> Claimant:
        quote = next((q for q in article.quotes if q.speaker is not None and q.content.contains(span)
                      and self._names_a_source(q, article)), None)
        return self._claimant(article, quote) if quote is not None else outlet
