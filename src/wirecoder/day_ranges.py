"""Two days named as a range ("the night of 20/21 May", "May 20-21", "20 to 21 May 2026"): a window of those days.

News dates a night across midnight by both its days, and a raid or a siege by its first and last. spaCy tags only
the month of such a date ("May"), so the dates stage finds these forms itself (``day_range_spans``) and resolves
them here (``day_range``): the first and last day, at ACLED's time precision 2 (a window of days); a range with no
year is the latest one that began on or before the reference day. Only ranges of two to seven days in order count
("2-1" is a score, not a date).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping

from .geo.lexicon import words as geo_words

MAX_DAYS = 6  # the last day at most this many days after the first
_MONTHS = "|".join(re.escape(m) for m in sorted(geo_words("month_words"), key=lambda m: (-len(m), m)))
_SEP = r"\s*(?:/|-|–|to|and)\s*"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DAY_DAY_MONTH = rf"(\d{{1,2}}){_SEP}(\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?({_MONTHS})\.?"
_MONTH_DAY_DAY = rf"({_MONTHS})\.?\s+(\d{{1,2}}){_SEP}(\d{{1,2}}){_ORDINAL}"
_YEAR = r"(?:,?\s+((?:19|20)\d\d))?"
_FULL = tuple(re.compile(rf"^{form}{_YEAR}$", re.IGNORECASE) for form in (_DAY_DAY_MONTH, _MONTH_DAY_DAY))
_IN_TEXT = re.compile(rf"\b(?:{_DAY_DAY_MONTH}|{_MONTH_DAY_DAY})\b{_YEAR}", re.IGNORECASE)


def _parts(match: re.Match) -> tuple[int, int, str, str | None]:
    """(first day, last day, month word, year or None) of a match of either form."""
    words = [g for g in match.groups() if g is not None]
    month = next(g for g in words if not g.isdigit())
    numbers = [int(g) for g in words if g.isdigit()]
    year = str(numbers[2]) if len(numbers) > 2 else None
    return numbers[0], numbers[1], month, year


def _in_order(first: int, last: int) -> bool:
    return 0 < last - first <= MAX_DAYS


def day_range_spans(text: str) -> Iterator[re.Match]:
    """The ranges of two to seven days a text names, as regex matches (their span and words)."""
    for match in _IN_TEXT.finditer(text):
        first, last, _, _ = _parts(match)
        if _in_order(first, last):
            yield match


def day_range(text: str, reference: dt.date, months: Mapping[str, int]) -> tuple[dt.date, dt.date, int] | None:
    """The first and last day of a range ("20/21 May" told on 22 May 2026: 20-21 May 2026), precision 2; None when
    ``text`` is no such range. ``months`` maps a month word to its number."""
    match = next((m for m in (pattern.match(text.strip()) for pattern in _FULL) if m is not None), None)
    if match is None:
        return None
    first, last, month_word, year = _parts(match)
    month = months.get(month_word.lower())
    if month is None or not _in_order(first, last):
        return None
    try:
        if year is None:
            start_year = reference.year if dt.date(reference.year, month, first) <= reference else reference.year - 1
        else:
            start_year = int(year)
        return dt.date(start_year, month, first), dt.date(start_year, month, last), 2
    except ValueError:  # "30-31 February": no such days
        return None
