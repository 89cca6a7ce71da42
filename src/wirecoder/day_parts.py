"""Parts of a day that reach across midnight: "late on Saturday", "Saturday night", "early on Sunday".

A night attack is one report's Saturday ("late on Saturday", "Saturday night") and another's Sunday ("early on
Sunday", "before dawn on Sunday"). The dates stage keeps the words of the part with the day they qualify
(``with_part``: the date's span, and so its evidence, reads "late on Saturday" and "Saturday night", not
"Saturday"); merging reads them back (``spill``) to let such a day meet the day after or the day before it. The
words are data (lexicon/dates.tsv: day_part_lead, day_part_trail, spill_to_next_day, spill_to_day_before).
"""
from __future__ import annotations

import re

from .lexicon import load_lexicon


class DayParts:
    """The word lists, compiled once."""

    def __init__(self) -> None:
        words = load_lexicon("dates")
        self._lead = re.compile(rf"\b{words.alternation('day_part_lead')}\s+$", re.IGNORECASE)
        self._trail = re.compile(rf"[ \t]+{words.alternation('day_part_trail')}\b", re.IGNORECASE)
        self._next = re.compile(rf"\b{words.alternation('spill_to_next_day')}\b", re.IGNORECASE)
        self._before = re.compile(rf"\b{words.alternation('spill_to_day_before')}\b", re.IGNORECASE)

    def with_part(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A day's span once the part of the day told right before it ("late on Saturday", "before dawn on Monday",
        "in the early hours of Sunday") or right after it ("Saturday night", "Sunday afternoon") is taken in."""
        lead = self._lead.search(text, max(0, start - 40), start)
        trail = self._trail.match(text, end)
        return (lead.start() if lead else start), (trail.end() if trail else end)

    def spill(self, told: str) -> tuple[int, int]:
        """How many days a day told with these words may lie from the day it names: (before, after). "Saturday
        night" and "late on Saturday" may be another report's Sunday (0, 1); "early on Sunday" and "before dawn on
        Sunday" another's Saturday (1, 0); a plain day neither (0, 0)."""
        return (1 if self._before.search(told) else 0, 1 if self._next.search(told) else 0)
