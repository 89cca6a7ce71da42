"""Calendar dates as users type them: checked, never guessed.

A date that does not exist (2019-13-45) or that reads two ways (05/06/2020: 5 June or May 6?) is refused with
W008 and the form expected, rather than silently ignored or read the American way.
"""
from __future__ import annotations

import datetime as dt
import re

from .errors import WirecoderError

_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NUMERIC = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\s*$")


def iso_day(value: str, *, what: str) -> dt.date:
    """A day written YYYY-MM-DD, or W008 naming ``what`` (an option or a field) and the form expected."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise WirecoderError("W008", f"{what} {value!r} is not a day written YYYY-MM-DD",
                         fix="write the date as YYYY-MM-DD, e.g. 2020-06-05 for 5 June 2020")


def iso_prefix(value: str, *, what: str) -> str:
    """A day, a month or a year (YYYY-MM-DD, YYYY-MM or YYYY) that exists on the calendar, as given."""
    match = _ISO_PREFIX.match(value.strip())
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            dt.date(year, month or 1, day or 1)
            return value.strip()
        except ValueError:
            pass
    raise WirecoderError("W008", f"{what} {value!r} is not a date on the calendar",
                         fix="write YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2024-03-01, 2024-03 or 2024")


def numeric_day(value: str, *, what: str) -> dt.date | None:
    """A day written with numbers only (25/06/2020, 06.25.2020): read when only one order makes a date, W008
    when both do (05/06/2020), None when ``value`` is not written that way."""
    match = _NUMERIC.match(value)
    if not match:
        return None
    first, second, year = (int(g) for g in match.groups())
    year += 2000 if year < 100 else 0
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(dt.date(year, month, day))
        except ValueError:
            continue
    if len(readings) == 1:
        return readings.pop()
    problem = "reads two ways" if readings else "is not a date on the calendar"
    raise WirecoderError("W008", f"{what} {value!r} {problem}",
                         fix="write the date as YYYY-MM-DD, e.g. 2020-06-05 for 5 June 2020")
