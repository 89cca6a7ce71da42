"""The dates each sentence gives, as the event stages read them."""
from __future__ import annotations

import re

from ..article import Article, DateMention
from ..lexicon import load_lexicon

COUNT_DATE = re.compile(rf"\b(?:{load_lexicon('dates').alternation('count_date_lead')})\s+$", re.IGNORECASE)


def sentence_dates(article: Article) -> dict[int, list[DateMention]]:
    """The dates of each sentence, leaving out days after publication ("fresh elections on 2 July": a day after
    the report dates no event it tells) and the day a count stood ("records as of 29 February")."""
    by_sentence: dict[int, list[DateMention]] = {}
    for date in article.dates:
        if article.published is not None and date.date > article.published:
            continue
        if COUNT_DATE.search(article.text, max(0, date.span.start - 12), date.span.start):
            continue
        by_sentence.setdefault(date.sentence, []).append(date)
    return by_sentence


def a_day_in(words, days: list[DateMention]) -> bool:
    """Whether one of the words is in one of the dates given."""
    return any(w.ent_type_ in ("DATE", "TIME") and any(d.span.start <= w.idx < d.span.end for d in days) for w in words)
