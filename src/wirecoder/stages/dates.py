"""Dates: resolve every DATE entity against the publication date, and infer that date when none is given.

With no publication date given, found or inferred (and no ``today`` set by the caller), only dates that name
their year are resolved: "on Saturday" or "October 17" stay unresolved (the events they date get no date and
time_precision 3) and the record carries warning W101, rather than a day of the week the coder runs in.

Precision follows ACLED's time_precision: 1 the day is known, 2 a window of about a week or a named part
of a month ("early October"), 3 a month or vaguer. A few relative words take their anchor from the text rather than
the publication date: "the following day" the day told before, "overnight" the night before the sentence's telling
day ("..., officials said on Tuesday"), a bare weekday told after "last week" that week's day. A date more than
two months before publication is background: history the article recounts, not news.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from collections import OrderedDict
from dataclasses import dataclass
from types import MappingProxyType

from dateparser.date import DateDataParser

from ..article import Article, DateMention
from ..geo.lexicon import words as geo_words
from ..lexicon import load_lexicon
from ..day_parts import DayParts
from ..day_forms import (DAY_MONTH as _DAY_MONTH, M as _M, MONTH_DAY as _MONTH_DAY, MONTH_NAMES as _MONTH_NAMES,
                         with_its_day)
from ..day_ranges import day_range, day_range_spans
from ..seasons import resolve_decade, resolve_season, resolve_week, tells_no_time
from ..syntax import SPEECH

# Older than this before publication, an event is history the article recounts (ACLED coded it when it happened).
BACKGROUND_AFTER = dt.timedelta(days=60)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_WORDS = load_lexicon("dates")
_DURATION = re.compile(  # "the past two weeks", "several months", "a couple of days long": a length of time
    rf"^(?:the\s+)?(?:{_WORDS.alternation('duration_prefix')}\s+)*"
    rf"(?:\d+|{_WORDS.alternation('duration_count')})\s+"
    rf"{_WORDS.alternation('duration_unit')}(?:\s+(?:of\s+\w+|long))?$",
    re.IGNORECASE)
_PART_OF_PERIOD = re.compile(rf"\b({_WORDS.alternation('early_part', 'middle_part', 'other_part')})\b", re.IGNORECASE)
_LEADING = re.compile(rf"^{_WORDS.alternation('leading_word')}\s+", re.IGNORECASE)
# month names and abbreviations have one home, the geoparser's word lists ("Dec 3" is a date, not Decatur)
_MONTH_FORMS = geo_words("month_words")
_MONTH_NUMBERS = MappingProxyType({form: _WORDS.numbers("month_stem")[form[:3]] for form in _MONTH_FORMS})  # sept: 9
_WEEKDAY_NUMBERS = _WORDS.numbers("weekday")  # "monday" -> 0


def _alternation(terms: frozenset[str]) -> str:
    """Terms as one regex alternation, longest first."""
    return "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))


_MONTH = re.compile(rf"\b({_MONTH_NAMES})\b\.?", re.IGNORECASE)
_DAY_IN_TIME = re.compile(rf"\b({_WORDS.alternation('weekday', 'day_word', space=' ')})\b", re.IGNORECASE)
_WEEKDAY_ANY = re.compile(rf"\b({_alternation(_WORDS.words('weekday'))})\b", re.IGNORECASE)
_PART_AND_WEEKDAY = re.compile(  # "before dawn on Sunday 10 March": told before a date that names its day
    rf"^(?:{_WORDS.alternation('day_part_lead')}\s+)?(?:{_alternation(_WORDS.words('weekday'))}),?\s+", re.IGNORECASE)
_NIGHT_WORDS = rf"(?:{_WORDS.alternation('night_qualifier')}\s+)?{_WORDS.alternation('night_word')}"
_OVERNIGHT = re.compile(rf"^{_NIGHT_WORDS}$", re.IGNORECASE)  # "late overnight"
_LAST_WEEK = re.compile(rf"^{_WORDS.alternation('last_word')}\s+week$", re.IGNORECASE)
_LAST_OR_PAST = re.compile(rf"\b{_WORDS.alternation('last_word')}\b", re.IGNORECASE)  # "last Tuesday": a week back
_NIGHT = re.compile(rf"\b{_NIGHT_WORDS}\b", re.IGNORECASE)
# "early this morning", "late last night": the day the words after the qualifier name
_QUALIFIED_DAY = re.compile(rf"^{_WORDS.alternation('night_qualifier')}\s+(?={_WORDS.alternation('day_word')}\b)", re.I)
_WEEKEND = re.compile(rf"^(?:{_WORDS.alternation('weekend_determiner')}\s+)?weekend(?:['’]s)?$", re.IGNORECASE)
_BARE_NUMBERS = re.compile(r"^(?!(?:1[89]|20)\d\d$)[\d\s,.and&-]+$")  # "15 and 17": ages, not a date
_AGE = re.compile(r"\byears?[- ]old\b|\baged\b", re.IGNORECASE)
_DAY_PARTS = DayParts()


_STORY_RELATIVE = re.compile(  # "the following day", "the day before", "two days later"
    rf"^(?:the\s+)?(?:({_WORDS.alternation('relative_day')})\s+{_WORDS.alternation('day_noun')}"
    rf"|day\s+({_WORDS.alternation('side_word')}))$"
    rf"|^({_WORDS.alternation('count_word')}|\d)\s+days?\s+({_WORDS.alternation('forward_word', 'backward_word')})$",
    re.IGNORECASE)
_COUNTS = _WORDS.numbers("count_word")
_RELATIVE_DAYS = _WORDS.numbers("relative_day")
_FORWARD, _EARLY, _MIDDLE = (_WORDS.words(name) for name in ("forward_word", "early_part", "middle_part"))


def _dates_a_telling(doc, mention: DateMention) -> bool:
    """ "the army said on Monday": the day of a telling, no anchor for "the same day"."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    head = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None
    return head is not None and head.lemma_.lower() in SPEECH


def _story_relative(text: str) -> int | None:
    """Days from the day told before: "the following day" +1, "the previous day" -1, "the same day" 0,
    "two days later" +2; None for any other expression."""
    match = _STORY_RELATIVE.match(text.strip())
    if match is None:
        return None
    word, side, count, direction = match.groups()
    if word:
        return _RELATIVE_DAYS[word.lower()]
    if side:
        return 1 if side.lower() == "after" else -1
    days = int(count) if count.isdigit() else _COUNTS[count.lower()]
    return days if direction.lower() in _FORWARD else -days


def _part_window(part: str, year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    part = part.lower()
    if part in _EARLY or part.startswith("first"):
        return dt.date(year, month, 1), dt.date(year, month, 10)
    if part in _MIDDLE:
        return dt.date(year, month, 11), dt.date(year, month, 20)
    if part == "second half":
        return dt.date(year, month, 16), dt.date(year, month, last)
    if part == "first half":
        return dt.date(year, month, 1), dt.date(year, month, 15)
    return dt.date(year, month, 21), dt.date(year, month, last)


_MONTH_YEAR = re.compile(rf"^{_M}(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(1[89]\d\d|20\d\d)$")


def _quick_absolute(text: str, reference: dt.date) -> tuple[dt.date, dt.date | None, int] | None:
    """The common absolute forms ("October 17", "17 October 2020", "Sept. 27", "October 2020", "1988") without
    dateparser; a date with no year is the latest such date not after the reference."""
    try:
        if m := _YEAR_ONLY.match(text):
            year = int(m.group(1))
            return dt.date(year, 1, 1), dt.date(year, 12, 31), 3
        if m := _MONTH_DAY.match(text):
            month, day, year = _MONTH_NUMBERS[m.group(1).lower()], int(m.group(2)), m.group(3)
        elif m := _DAY_MONTH.match(text):
            day, month, year = int(m.group(1)), _MONTH_NUMBERS[m.group(2).lower()], m.group(3)
        elif m := _MONTH_YEAR.match(text):
            month, year = _MONTH_NUMBERS[m.group(1).lower()], m.group(2)
            year = int(year) if year else (reference.year if month <= reference.month else reference.year - 1)
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last), 3
        else:
            return None
        if year:
            return dt.date(int(year), month, day), None, 1
        date = dt.date(reference.year, month, day)
        if date > reference:
            date = dt.date(reference.year - 1, month, day)
        return date, None, 1
    except ValueError:  # "February 30": not a date
        return None


_EXPLICIT = re.compile(rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_M},?\s+(?:1[89]|20)\d\d"
                       rf"|{_M}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:1[89]|20)\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _DateSpan:
    """A stretch of text naming a date: a spaCy DATE entity, or an explicit day, month and year it cut short."""
    start_char: int
    end_char: int
    text: str


def date_spans(article: Article) -> list[_DateSpan]:
    """spaCy's DATE entities (and TIME ones naming a day), widened or added where the text names a full date
    spaCy missed or cut ("Around 8 May 2020" tagged "May 2020"; "29 Apr 2020" a number and a year; "19 May" a month)."""
    widened = [(e, with_its_day(article.text, e)) for e in article.doc.ents if not tells_no_time(e)]
    entities = [_with_part(article.text, *span) for e, span in widened if e.label_ == "DATE" or e.label_ == "TIME"
                and _DAY_IN_TIME.search(article.text[span[0]:span[1]])]
    for match in (*_EXPLICIT.finditer(article.text), *day_range_spans(article.text)):
        start, end = match.span()
        entities = [e for e in entities if e.end_char <= start or e.start_char >= end]
        entities.append(_DateSpan(start, end, match.group(0)))
    for match in _NIGHT.finditer(article.text):  # "attacked the village overnight": spaCy often tags no entity
        start, end = match.span()
        if all(e.end_char <= start or e.start_char >= end for e in entities):
            entities.append(_DateSpan(start, end, match.group(0)))
    return sorted(entities, key=lambda e: e.start_char)


def _with_part(text: str, start: int, end: int) -> _DateSpan:
    """A weekday's span with the part of the day told before or after it ("late on Saturday", "Saturday night"):
    one report's night may be another's next day (day_parts.py)."""
    if _WEEKDAY_ANY.match(text[start:end]):  # "early on 9 August" would read as early August
        start, end = _DAY_PARTS.with_part(text, start, end)
    return _DateSpan(start, end, text[start:end])


class DatesStage:
    name = "dates"
    requires = ("doc", "sentences", "datelines", "text")
    assigns = ("dates", "published", "published_from")

    def __init__(self, *, today: dt.date | None = None, parser_cache_size: int = 64):
        self._today = today
        self._parsers: OrderedDict[dt.date, DateDataParser] = OrderedDict()
        self._cache_size = parser_cache_size

    def _parser(self, reference: dt.date) -> DateDataParser:
        if reference in self._parsers:
            self._parsers.move_to_end(reference)
            return self._parsers[reference]
        parser = DateDataParser(languages=["en"], settings={
            "RELATIVE_BASE": dt.datetime.combine(reference, dt.time(23, 59)),
            "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"})
        self._parsers[reference] = parser
        if len(self._parsers) > self._cache_size:
            self._parsers.popitem(last=False)
        return parser

    def __call__(self, article: Article) -> Article:
        # spaCy files "Sunday night" and "last night" under TIME: those name a day too
        entities = date_spans(article)
        in_dateline = [e for e in entities if any(d.start <= e.start_char < d.end for d in article.datelines)]
        entities = [e for e in entities if e not in in_dateline]
        if article.published is None:
            self._infer_published(article, in_dateline or entities)
        reference = article.published or self._today or dt.date.today()
        anchored = article.published is not None or self._today is not None
        if not anchored:
            article.warn("W101", "no publication date given or found in the text: dates without a year ('on "
                                 "Saturday', 'October 17') were left unresolved; pass published= to resolve them")
        mentions: list[DateMention] = []
        modifiers = []
        for ent in entities:
            sentence = article.sentence_at(ent.start_char)
            if sentence is None:
                continue
            relative = _story_relative(ent.text)
            if relative is not None:  # "the following day": counted from the day told before it, not from today;
                # a day back from the telling its sentence dates ("said on Wednesday that a strike the previous day")
                anchor = next((m for m in reversed(mentions) if m.sentence == sentence and m.date_end is None
                               and relative < 0 and _dates_a_telling(article.doc, m)), None) or next(
                    (m for m in reversed(mentions) if m.date_end is None and not m.background
                     and not _dates_a_telling(article.doc, m)), None)
                if anchor is not None:
                    mentions.append(DateMention(article.span(ent.start_char, ent.end_char), sentence,
                                                anchor.date + dt.timedelta(days=relative), None, anchor.precision,
                                                False))
                continue
            if not anchored and not _YEAR.search(ent.text):
                continue  # "on Saturday" with no publication date: unknown, not a day of the week we are in
            resolved = self._resolve(ent.text, reference)
            if resolved is None:
                part = _PART_OF_PERIOD.search(ent.text)
                if part and not _MONTH.search(ent.text) and not _YEAR.search(ent.text):
                    modifiers.append((ent, sentence, part.group(1)))
                continue
            date, date_end, precision = resolved
            # with no publication date, a day without a year was placed in the year before today: too weak a
            # reference to call it history
            background = (date_end or date) < reference - BACKGROUND_AFTER and (
                article.published is not None or bool(_YEAR.search(ent.text)))
            mentions.append(DateMention(article.span(ent.start_char, ent.end_char), sentence, date, date_end,
                                        precision, background))
        mentions.extend(self._refine_parts(article, mentions, modifiers))
        mentions = self._nights_before_telling(article, mentions)
        mentions = self._weekdays_of_last_week(article, mentions)
        article.dates = sorted(mentions, key=lambda m: (m.span.start, m.precision))
        return article

    def _infer_published(self, article: Article, entities) -> None:
        """The dateline's date, else the latest day-precise date the article reports, its year taken from the
        years it names."""
        years = [int(y) for e in entities for y in _YEAR.findall(e.text)]
        today = self._today or dt.date.today()
        years = [y for y in years if y <= today.year]
        if not years:
            return
        anchor = dt.date(max(years), 12, 31)
        days = []
        for ent in entities:
            if not _MONTH.search(ent.text):
                continue  # "Sunday", "yesterday": relative to the date being inferred
            resolved = self._resolve(ent.text, anchor)
            if resolved and resolved[2] == 1 and resolved[0].year == anchor.year:
                days.append(resolved[0])
        if days:
            article.published = max(days)
            article.published_from = "inferred"

    def _resolve(self, text: str, reference: dt.date) -> tuple[dt.date, dt.date | None, int] | None:
        cleaned = _LEADING.sub("", text.strip().rstrip(".,;:")).strip()
        while _LEADING.match(cleaned):
            cleaned = _LEADING.sub("", cleaned)
        cleaned = _QUALIFIED_DAY.sub("", cleaned)
        if not cleaned or _DURATION.match(cleaned) or _AGE.search(cleaned) or _BARE_NUMBERS.match(cleaned):
            return None
        part = _PART_OF_PERIOD.search(cleaned)
        month = _MONTH.search(cleaned)
        year = _YEAR.search(cleaned)
        if part and year and not month:
            # "late 2021", "early 2019": a third of the year, month precision at best
            y, word = int(year.group(1)), part.group(1).lower()
            first, last = (1, 4) if word in _EARLY or word.startswith("first") else \
                (5, 8) if word in _MIDDLE else (9, 12)
            return dt.date(y, first, 1), dt.date(y, last, calendar.monthrange(y, last)[1]), 3
        if part and month:
            without_part = (cleaned[:part.start()] + cleaned[part.end():]).replace(" of ", " ").strip(" ,")
            base = self._parser(reference).get_date_data(without_part)
            if base.date_obj is None:
                return None
            start, end = _part_window(part.group(1), base.date_obj.year, base.date_obj.month)
            return start, end, 2
        if (period := resolve_season(cleaned, reference) or resolve_week(cleaned, reference)
                or resolve_decade(cleaned, reference)) is not None:
            return period
        weekday_told = _PART_AND_WEEKDAY.match(cleaned)
        quick = _quick_absolute(cleaned, reference) or day_range(cleaned, reference, _MONTH_NUMBERS) or (
            _quick_absolute(cleaned[weekday_told.end():], reference) if weekday_told else None)
        if quick is not None:
            return quick
        if _OVERNIGHT.match(cleaned):
            return reference - dt.timedelta(days=1), reference, 2  # the night before the report
        if _WEEKEND.match(cleaned):
            saturday = reference - dt.timedelta(days=(reference.weekday() - 5) % 7)
            return saturday, min(saturday + dt.timedelta(days=1), reference), 2
        days = _WEEKDAY_ANY.findall(cleaned)
        if days and not _MONTH.search(cleaned) and not re.search(r"\d", cleaned) and len(cleaned.split()) <= 6:
            # "late on Sunday", "Sunday night", "overnight on Saturday", "on Sunday and Monday"; "on Tuesday" in a
            # report filed on a Tuesday is that day, not a week before
            dates = []
            for day in days:
                back = (reference.weekday() - _WEEKDAY_NUMBERS[day.lower()]) % 7
                if back == 0 and _LAST_OR_PAST.search(cleaned):
                    back = 7
                dates.append(reference - dt.timedelta(days=back))
            first, last = min(dates), max(dates)
            return (first, None, 1) if first == last else (first, last, 2)
        data = self._parser(reference).get_date_data(cleaned)
        if data.date_obj is None:
            return None
        day = data.date_obj.date()
        if data.period in ("day", "time", "part_of_day"):
            return day, None, 1
        if data.period == "week":
            return day, min(day + dt.timedelta(days=6), reference), 2
        if data.period == "month":
            last = calendar.monthrange(day.year, day.month)[1]
            return day.replace(day=1), day.replace(day=last), 3
        if data.period == "year":
            return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), 3
        return None

    @staticmethod
    def _nights_before_telling(article: Article, mentions: list[DateMention]) -> list[DateMention]:
        """ "attacked the village overnight, killing seven, officials said on Tuesday": the night before the day
        the sentence's telling is dated (Monday to Tuesday), not the night before publication."""
        out = []
        for mention in mentions:
            if _OVERNIGHT.match(_LEADING.sub("", mention.span.text.strip())):
                told = [m for m in mentions if m.sentence == mention.sentence and m is not mention
                        and m.precision == 1 and m.date_end is None and _dates_a_telling(article.doc, m)]
                if len(told) == 1:
                    day = told[0].date
                    mention = dataclasses.replace(mention, date=day - dt.timedelta(days=1), date_end=day,
                                                  background=told[0].background)
            out.append(mention)
        return out

    @staticmethod
    def _weekdays_of_last_week(article: Article, mentions: list[DateMention]) -> list[DateMention]:
        """ "Last week, it went a step further. ... minutes before the shootings occurred on Wednesday.": a bare
        weekday told after "last week" (in its sentence or the two before, in one paragraph) is that week's, not
        the one of the week of publication."""
        out: list[DateMention] = []
        for mention in mentions:
            text = _LEADING.sub("", mention.span.text.strip())
            days = _WEEKDAY_ANY.findall(text)
            if mention.precision == 1 and len(days) == 1 and not re.search(r"\d", text) and not _MONTH.search(text):
                paragraph = article.sentences[mention.sentence].paragraph
                weeks = [m for m in out if _LAST_WEEK.match(_LEADING.sub("", m.span.text.strip())) and m.date_end
                         and 0 <= mention.sentence - m.sentence <= 2
                         and article.sentences[m.sentence].paragraph == paragraph]
                if weeks and not weeks[-1].date <= mention.date <= weeks[-1].date_end:
                    week = weeks[-1]
                    wanted = _WEEKDAY_NUMBERS[days[0].lower()]
                    inside = [week.date + dt.timedelta(days=k) for k in range((week.date_end - week.date).days + 1)
                              if (week.date + dt.timedelta(days=k)).weekday() == wanted]
                    if len(inside) == 1:
                        mention = dataclasses.replace(mention, date=inside[0], background=week.background)
            out.append(mention)
        return out

    @staticmethod
    def _refine_parts(article: Article, mentions: list[DateMention], modifiers) -> list[DateMention]:
        """'October 2020, in the early days of which ...': a bare 'early days' narrows the sentence's month."""
        refined = []
        for ent, sentence, part in modifiers:
            months = [m for m in mentions if m.sentence == sentence and m.precision == 3 and m.date_end
                      and (m.date_end - m.date).days < 32]
            if not months:
                continue
            month = min(months, key=lambda m: abs(m.span.start - ent.start_char))
            start, end = _part_window(part, month.date.year, month.date.month)
            lo, hi = min(month.span.start, ent.start_char), max(month.span.end, ent.end_char)
            refined.append(DateMention(article.span(lo, hi), sentence, start, end, 2, month.background))
        return refined
