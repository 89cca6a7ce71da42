"""Names that look like a place's but are not one where they stand: a group's initials, a currency.

Recognition asks these before it weighs a candidate's cues; each test reads the candidate's own words and the word
after it, and the gazetteer entries the name has.
"""
from __future__ import annotations

from .store import Entry, NameKind
from .wording import CURRENCY_WORDS


def initials_of_no_place(text: str, entries: tuple[Entry, ...]) -> bool:
    """ "IS", "GAO": a short word in capitals that is only some place's own name written otherwise ("Is", "Gao"),
    and no place's initials or other name ("US", "UK", "NSW" are), is a group's or an office's initials."""
    letters = text.replace(".", "")
    if not (letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 3) or not entries:
        return False
    return all(e.kind == NameKind.PRIMARY and e.name.replace(".", "") != letters for e in entries)


def names_a_currency(doc, end_token: int) -> bool:
    """ "the US dollar exchange rate": a currency named after its country, not a place."""
    return end_token < len(doc) and doc[end_token].lower_ in CURRENCY_WORDS
