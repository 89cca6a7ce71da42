"""Direct quotations found by their marks, on the surface of the text.

Curly marks say which side they are on; a straight mark opens when it follows a space, a bracket or a dash and
closes otherwise. A quotation that runs over paragraphs follows the printing convention: every paragraph opens
with a mark and only the last one closes; a quotation left open at a paragraph end that the next paragraph does not
continue is closed at that paragraph end. Single marks (‘…’) are read only outside double ones, and a closing ’
only counts after or before punctuation (otherwise it is an apostrophe: "Turkey’s", "residents’ homes").
"""
from __future__ import annotations

from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:")


@dataclass(frozen=True)
class MarkedQuote:
    """Where a quotation sits: ``start``/``end`` bound its words (marks excluded); ``open_at``/``close_at`` are
    the offsets of its first opening and last closing marks (``close_at`` is None when it was never closed)."""

    start: int
    end: int
    open_at: int
    close_at: int | None


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch in OPENING:
        return True
    if ch == SINGLE_OPEN:
        return i + 1 < len(text) and text[i + 1].isupper()
    if ch == STRAIGHT:
        return i == 0 or text[i - 1] in _OPEN_CONTEXT
    return False


def _closes(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if opener == SINGLE_OPEN:  # ’ is mostly an apostrophe ("residents’ routines"): close only after punctuation
        return ch == SINGLE_CLOSE and (text[i - 1] in ".,!?" or (i + 1 < len(text) and text[i + 1] in ".,;:!?)"))
    if ch in CLOSING:
        return True
    return ch == STRAIGHT


def _paragraph_end(text: str, i: int) -> int | None:
    """If a paragraph break starts at ``i``, the offset of the first character after it."""
    if text[i] != "\n":
        return None
    j = i
    while j < len(text) and text[j] in " \t\r\n":
        j += 1
    return j


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    # Plain-text feeds write double marks as two single ones (``...'' or ''...''): read them as one mark, keeping
    # every offset (the second character becomes a space, which the quote's edges are trimmed of).
    text = text.replace("``", "“ ").replace("''", '" ')
    quotes: list[MarkedQuote] = []
    i, n = 0, len(text)
    while i < n:
        if not _opens(text, i):
            i += 1
            continue
        opener, open_at = text[i], i
        start = i + 1
        j = start
        closed = None
        while j < n:
            if _closes(text, j, opener) and j > start:
                closed = j
                break
            after_break = _paragraph_end(text, j)
            if after_break is not None:
                if after_break < n and _opens(text, after_break) and text[after_break] != SINGLE_OPEN:
                    j = after_break + 1  # the quotation goes on in the next paragraph
                    continue
                break
            if opener != SINGLE_OPEN and text[j] in OPENING:
                break  # an unbalanced mark: a new quotation starts here
            j += 1
        end = closed if closed is not None else j
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            quotes.append(MarkedQuote(start, end, open_at, closed))
        i = closed + 1 if closed is not None else max(j, i + 1)
    return quotes
