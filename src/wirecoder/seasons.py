"""Seasons and weeks as dates: "last fall", "this spring", "the summer of 2004", "winter", "earlier this week",
resolved against a reference day.

A season is three months from the month ``season_start`` names (data in lexicon/dates.tsv: the northern hemisphere's
seasons, as wire copy uses them; winter runs from December into the next year). The result is a window of month
precision (ACLED's time_precision 3). A week told against the day of telling ("this week", "the past week") is the
calendar week so far, the days up to it or the calendar week before (``week_so_far``, ``week_past``,
``week_before``), of about a week's precision (2). A decade ("the 1990s", "the late '80s") is its ten years, or the
first, middle or last few of them, of the least precision (3).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from .day_forms import day_without_year
from .lexicon import load_lexicon

_WORDS = load_lexicon("dates")
_STARTS = _WORDS.numbers("season_start")
_SO_FAR, _PAST = _WORDS.numbers("week_so_far"), _WORDS.numbers("week_past")
_BEFORE = _WORDS.words("week_before")
_DATED_PLACES = _WORDS.words("dated_place_noun")  # "the 14 October neighbourhood": a place named after a day
_SEASON = re.compile(
    rf"^(?:(?:the|{_WORDS.alternation('last_word', 'this_word')})\s+)?({'|'.join(sorted(_STARTS))})"
    rf"(?:\s+(?:of\s+)?(\d{{4}}))?$", re.IGNORECASE)


def _window(start_year: int, start_month: int) -> tuple[dt.date, dt.date]:
    end_month, end_year = (start_month + 2 - 1) % 12 + 1, start_year + (start_month + 2 - 1) // 12
    last_day = calendar.monthrange(end_year, end_month)[1]
    return dt.date(start_year, start_month, 1), dt.date(end_year, end_month, last_day)


def resolve_season(text: str, reference: dt.date) -> tuple[dt.date, dt.date, int] | None:
    """The window a season names, or None when ``text`` is not a season. "Last fall" told in March 2005 is
    September-November 2004: the latest one over before the reference day; "this summer" the one the day is in,
    else this year's; a bare season the latest one begun by the reference day."""
    match = _SEASON.match(text.strip())
    if match is None:
        return None
    month = _STARTS[match.group(1).lower()]
    if match.group(2):
        start, end = _window(int(match.group(2)), month)
        return start, end, 3
    qualifier = text.strip().split()[0].lower()
    windows = [_window(reference.year + shift, month) for shift in (-2, -1, 0)]
    if qualifier in _WORDS.words("last_word"):
        start, end = max(w for w in windows if w[1] < reference)
    elif qualifier in _WORDS.words("this_word"):
        start, end = next((w for w in windows if w[0] <= reference <= w[1]), None) or next(
            (w for w in reversed(windows) if w[0] <= reference and w[1].year == reference.year),
            _window(reference.year, month))  # "this winter" told in March: the one just over
    else:
        start, end = max(w for w in windows if w[0] <= reference)
    return start, end, 3


def resolve_week(text: str, reference: dt.date) -> tuple[dt.date, dt.date, int] | None:
    """The days a week told against the reference day names, or None when ``text`` is no such week: "this week" its
    calendar week from Monday up to the reference day, "earlier this week" up to the day before (the day before at
    least), "the past week" the seven days up to it, "last week" the calendar week before, Monday to Sunday."""
    phrase = " ".join(text.lower().split())
    if phrase in _BEFORE:
        monday = reference - dt.timedelta(days=reference.weekday())
        return monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), 2
    if phrase in _PAST:
        return reference - dt.timedelta(days=_PAST[phrase]), reference, 2
    if phrase not in _SO_FAR:
        return None
    last = reference - dt.timedelta(days=_SO_FAR[phrase])
    return min(reference - dt.timedelta(days=reference.weekday()), last), last, 2


_DECADE_PARTS = _WORDS.numbers("decade_part")  # "early" -> 0: the first of the four years of its decade it covers
_ONE_DECADE = rf"(?:({'|'.join(sorted(_DECADE_PARTS))})[- ]?)?(?:(1[89]\d0|20\d0)|['’]?(\d0))s"
_DECADE = re.compile(rf"^{_ONE_DECADE}(?:\s+(?:and|or|to)(?:\s+(?:the\s+)?{_ONE_DECADE})?)?$", re.IGNORECASE)


def resolve_decade(text: str, reference: dt.date) -> tuple[dt.date, dt.date, int] | None:
    """The years a decade names ("1990s", "the '90s", "mid-1980s", "the 1990s and 2000s"; a two-digit one the last
    such decade up to the reference day), or None when ``text`` is no decade. Left to the general parser, "the
    1990s" was taken for the day of telling, and an act told of that decade for news."""
    match = _DECADE.match(" ".join(text.split()))
    if match is None:
        return None
    groups = match.groups()
    years = [_decade_years(*groups[k:k + 3], reference) for k in (0, 3) if groups[k + 1] or groups[k + 2]]
    return dt.date(years[0][0], 1, 1), dt.date(years[-1][1], 12, 31), 3


def _decade_years(part: str | None, full: str | None, short: str | None, reference: dt.date) -> tuple[int, int]:
    start = int(full) if full else 2000 + int(short or 0)
    if not full and start > reference.year:
        start -= 100
    if not part:
        return start, start + 9
    first = _DECADE_PARTS[part.lower()]
    return start + first, start + min(first + 3, 9)


def tells_no_time(entity) -> bool:
    """A date entity (a spaCy span) that tells no time: a lone season word that qualifies a noun names a kind of
    thing ("a short summer session", "the winter storm"), and a day and month with no year right before a place's
    noun name the place, as streets, squares and neighbourhoods named after a national day are ("fired shells at
    the 14 October neighbourhood", "26 September Street")."""
    root = entity.root
    if len(entity) == 1 and root.lower_ in _STARTS and root.dep_ in ("compound", "amod", "nmod") \
            and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN"):
        return True
    after = entity.doc[entity.end] if entity.end < len(entity.doc) else None
    return after is not None and after.lemma_.lower() in _DATED_PLACES and day_without_year(entity.text)
