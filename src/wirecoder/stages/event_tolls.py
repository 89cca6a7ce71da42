"""Event tolls: the dead and the injured of each event report.

A report's toll is what its own sentence says, plus the groups the next sentences of its paragraph add ("7
militants were also killed"), else the first toll they tell, up to a sentence that tells another event ("In
another event, ...", an event of another type, a date of its own); a note that says how its toll was coded has the
last word. A toll a retelling gives ("Three others were wounded in the attack") fills what the report lacks, when
the report is one event (a toll cannot be split between the places of one report).
"""
from __future__ import annotations

import dataclasses
import re

from ..article import Article, Count, CountMention, EventMention, ReportTolls
from ..events.report_dates import sentence_dates
from ..events.told_after import OTHER_EVENT
from ..lexicon import load_lexicon

_WORDS = load_lexicon("counts")
ALSO = re.compile(rf"\b{_WORDS.alternation('also_word')}\b", re.IGNORECASE)
TOLL_OF = re.compile(rf"\b{_WORDS.alternation('toll_of')}\b", re.IGNORECASE)  # "the toll from Saturday's attack"


class EventTollsStage:
    name = "event_tolls"
    requires = ("reports", "report_places", "counts", "mentions", "dates", "sentences", "published", "text")
    assigns = ("report_tolls",)

    def __call__(self, article: Article) -> Article:
        dated = sentence_dates(article)
        article.report_tolls = []
        for report, places in zip(article.reports, article.report_places):
            mention = report.mention
            counts = [c for c in article.counts if c.sentence == mention.sentence
                      and not _anothers_toll(article, c, mention)]
            told_after = _counts_told_after(article, mention, dated)
            fatalities = _toll(article, "fatalities", counts, told_after)
            injured = _toll(article, "injured", counts, told_after)
            if len(places) == 1:
                for count in report.retold_counts:
                    if count.kind == "fatalities" and fatalities is None:
                        fatalities = count
                    elif count.kind == "injured" and injured is None:
                        injured = count
            article.report_tolls.append(ReportTolls(fatalities, injured))
        return article


def _anothers_toll(article: Article, count: CountMention, mention: EventMention) -> bool:
    """ "to protest against the killings, as the toll from Saturday night's attack rose to 21": a toll whose words
    name the act it counts belongs to that act, not to another the sentence tells."""
    def within(m: EventMention) -> bool:
        return count.span.start <= m.trigger.start < count.span.end and bool(
            TOLL_OF.search(article.text, count.span.start, m.trigger.start))
    return not within(mention) and any(m is not mention and m.sentence == count.sentence and within(m)
                                       for m in article.mentions)


def _counts_told_after(article: Article, mention: EventMention, sentence_dates) -> list[CountMention]:
    """The tolls of the sentences that go on telling the event: the rest of its paragraph, up to a sentence
    that tells another event ("In another event, ...", a sentence with an event of another type or a date of
    its own)."""
    told: list[CountMention] = []
    paragraph = article.sentences[mention.sentence].paragraph
    others = {m.sentence: m for m in article.mentions if m.detected and not (m.negated or m.hypothetical)}
    open_ = True
    for index in range(mention.sentence + 1, min(len(article.sentences), mention.sentence + 4)):
        sentence = article.sentences[index]
        if sentence.paragraph != paragraph:
            break
        other = others.get(index)
        if OTHER_EVENT.match(sentence.span.text) or sentence_dates.get(index) or (
                other is not None and other.event_type != mention.event_type):
            open_ = False
        told.extend(c for c in article.counts if c.sentence == index and (open_ or c.coded))
    return told


def _toll(article: Article, kind: str, counts: list[CountMention], told_after: list[CountMention]):
    """The event's toll: what its own sentence says, plus the groups the next sentences add ("7 militants were
    also killed"), else the first toll they tell; a note that says how its toll was coded has the last word."""
    own = [c for c in counts if c.kind == kind]
    after = [c for c in told_after if c.kind == kind]
    coded = [c for c in own + after if c.coded]
    if coded:
        return coded[-1]
    if not own:
        return after[0] if after else None
    added = [c for c in after if ALSO.search(article.sentences[c.sentence].span.text) and c.count.best]
    if not added:
        return own[0]
    parts = [own[0], *added]
    if any(c.count.best is None for c in parts):
        return own[0]
    low = None if any(c.count.low is None for c in parts) else sum(c.count.low for c in parts)
    high = None if any(c.count.high is None for c in parts) else sum(c.count.high for c in parts)
    return dataclasses.replace(own[0], count=Count(low, sum(c.count.best for c in parts), high))
