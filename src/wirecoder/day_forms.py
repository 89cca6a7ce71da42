"""The written forms of a day of a month ("October 17", "17 October 2020", "Sept. 27", "the 26th of September"): one
home for the dates stage, which resolves them, and for the test that tells a date from a place named after one; and
the day a month spaCy tagged alone belongs to ("on the night of 19 September": "the night" a time, "September" a
date); and the "this" or "last" spaCy leaves out of a period it tags ("this morning's blast": "morning")."""
from __future__ import annotations

import re

from .geo.lexicon import words as geo_words
from .lexicon import load_lexicon

# month names and abbreviations have one home, the geoparser's word lists ("Dec 3" is a date, not Decatur)
MONTH_NAMES = "|".join(re.escape(t) for t in sorted(geo_words("month_words"), key=lambda t: (-len(t), t)))
M = rf"({MONTH_NAMES})\.?"  # a month name or abbreviation
MONTH_DAY = re.compile(rf"^{M}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{M}(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_MONTH_ONLY = re.compile(rf"^{M}$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)  # "19 September", "19th of"
_DAY_AFTER = re.compile(r"^\s+\d{1,2}(?:st|nd|rd|th)?\b(?![.,]?\s*\d)", re.IGNORECASE)  # "September 19", no year
_WORD_AFTER = re.compile(r"^\s+(\w+)")
_DATED_PLACES = load_lexicon("dates").words("dated_place_noun")  # "26 September Street": a place, not a day
_PERIODS = load_lexicon("dates").words("period_noun")  # "morning", "week"
_DEICTIC_BEFORE = re.compile(rf"\b{load_lexicon('dates').alternation('deictic_determiner')}\s+$", re.IGNORECASE)


def day_without_year(text: str) -> bool:
    """Whether the text is a day of a month and nothing more: no year ("July 7", "the 26 September")."""
    day = MONTH_DAY.match(_THE.sub("", text)) or DAY_MONTH.match(_THE.sub("", text))
    return day is not None and day.group(3) is None


def with_its_day(text: str, entity) -> tuple[int, int]:
    """The span of a month named alone widened to the day of the month told right before or after it ("the night of
    19 September", where spaCy tags "the night" a time and "September" a date: the month, for the 19th), unless the
    day and month name a place ("26 September Street"); else the entity's span (a spaCy span) as it is."""
    start, end = entity.start_char, entity.end_char
    deictic = _DEICTIC_BEFORE.search(text, max(0, start - 8), start)
    if deictic is not None and text[start:end].casefold().removesuffix("'s").removesuffix("’s") in _PERIODS:
        return deictic.start(), end  # "this morning's blast", "this week's attack": spaCy tags the noun alone
    if not _MONTH_ONLY.match(text[start:end]):
        return start, end
    before, after = _DAY_BEFORE.search(text, max(0, start - 12), start), _DAY_AFTER.match(text[end:end + 8])
    if before is None and after is None:
        return start, end
    first, last = (before.start(), end) if before is not None else (start, end + after.end())
    word = _WORD_AFTER.match(text[last:last + 30])
    return (start, end) if word is not None and word.group(1).lower() in _DATED_PLACES else (first, last)
