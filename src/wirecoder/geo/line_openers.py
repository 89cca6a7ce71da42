"""Names that open a line: the city of a news dateline ("SANAA, Jan 18 -", "KABUL (Reuters) -"), where the story
was filed from, and the label of a round-up's item ("Kharkiv: The toll from Thursday's missile strike ..."), where
the item happened. Read by recognition (geo/recognize.py) before any other candidate."""
from __future__ import annotations

from collections.abc import Callable

from .article_context import Candidate
from .cues import dateline_at, item_label_at
from .store import Entry
from .wording import HYPHENS, opens_line

MAX_WORDS = 5


def line_openers(doc, text: str, lookup: Callable[[int, int], tuple[Entry, ...]]) -> list[Candidate]:
    """Datelines (capitals opening a line, then a comma, an agency in brackets or a dash; label DATELINE) and
    round-up items' labels (a name opening a line, then a colon: accepted as cued places), each with the gazetteer
    entries ``lookup(start token, end token)`` gives."""
    out = []
    for tok in doc:
        if not (tok.is_alpha and tok.text[:1].isupper()) or not opens_line(text, tok.idx):
            continue
        upper = tok.is_upper and len(tok) >= 2
        end = tok.i
        while end < len(doc) and end - tok.i < MAX_WORDS and (
                (doc[end].is_alpha and (doc[end].is_upper if upper else doc[end].text[:1].isupper()))
                or doc[end].text in HYPHENS and end > tok.i and not doc[end - 1].whitespace_):
            end += 1  # a hyphen inside a name ("PORT-AU-PRINCE"), not the dateline's spaced dash ("KABUL - ")
        last = doc[end - 1].idx + len(doc[end - 1])
        dateline = upper and dateline_at(text, tok.idx, last)
        if not (dateline or item_label_at(text, tok.idx, last)):
            continue
        entries = lookup(tok.i, end)
        if entries:
            out.append(Candidate(tok.i, end, entries, "DATELINE" if dateline else "", accepted=True, cued=True))
    return out
