"""The written forms of a day of a month ("October 17", "17 October 2020", "Sept. 27", "the 26th of September"): one
home for the dates stage, which resolves them, and for the test that tells a date from a place named after one."""
from __future__ import annotations

import re

from .geo.lexicon import words as geo_words

# month names and abbreviations have one home, the geoparser's word lists ("Dec 3" is a date, not Decatur)
MONTH_NAMES = "|".join(re.escape(t) for t in sorted(geo_words("month_words"), key=lambda t: (-len(t), t)))
M = rf"({MONTH_NAMES})\.?"  # a month name or abbreviation
MONTH_DAY = re.compile(rf"^{M}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{M}(?:,?\s+(\d{{4}}))?$", re.IGNORECASE)
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def day_without_year(text: str) -> bool:
    """Whether the text is a day of a month and nothing more: no year ("July 7", "the 26 September")."""
    day = MONTH_DAY.match(_THE.sub("", text)) or DAY_MONTH.match(_THE.sub("", text))
    return day is not None and day.group(3) is None
