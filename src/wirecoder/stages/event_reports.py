"""Event reports: which mentions report an event of their own, and which only tell more of one told before.

A mention that is negated, hypothetical or habitual reports nothing. A definite mention with no date of its own
("Three others were wounded in the attack") tells more of the latest event already reported that it can name: its
trigger becomes that event's evidence, its toll fills what the event lacks (see event_tolls). A mention the
detector found no event for may still tell more of one when its sentence gives a toll. Every other detected
mention is a report; a definite one that has no date, toll or place of its own ("the attack", "attacks in
Turkey") is none.
"""
from __future__ import annotations

from ..article import Article, CountMention, EventMention, EventReport
from ..events.actor_roles import VIOLENT_TYPES
from ..events.report_dates import sentence_dates


class EventReportsStage:
    name = "event_reports"
    requires = ("mentions", "counts", "dates", "places", "sentences", "published")
    assigns = ("reports",)

    def __call__(self, article: Article) -> Article:
        reports: list[EventReport] = []
        dated = sentence_dates(article)
        for mention in article.mentions:
            if mention.negated or mention.hypothetical or mention.habitual:
                continue
            counts = [c for c in article.counts if c.sentence == mention.sentence]
            if not mention.detected:
                if mention.reference and counts:
                    _tell_more(reports, mention, counts)
                continue  # the detector found no event in its sentence
            if mention.reference and not dated.get(mention.sentence) and _tell_more(reports, mention, counts):
                continue  # "Three others were wounded in the attack": more about an event already reported
            if mention.reference and not dated.get(mention.sentence) and not counts and not any(
                    article.sentence_at(p.span.start) == mention.sentence for p in article.places):
                continue  # "the attack", "attacks in Turkey": nothing here that reports an event of its own
            reports.append(EventReport(mention))
        article.reports = reports
        return article


def _tell_more(reports: list[EventReport], mention: EventMention, counts: list[CountMention]) -> bool:
    """Attach a definite mention ("the attack") to the latest event already reported that it can name. False when
    there is no such event."""
    def compatible(other: EventMention) -> bool:
        return other.sub_event_type == mention.sub_event_type or (
            other.event_type in VIOLENT_TYPES and mention.event_type in VIOLENT_TYPES)

    earlier = [r for r in reports if r.mention.trigger.start < mention.trigger.start and compatible(r.mention)]
    if not earlier:
        return False
    earlier[-1].retellings.append(mention)
    earlier[-1].retold_counts.extend(counts)
    return True
