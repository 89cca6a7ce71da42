"""How a place name is turned into the key the gazetteer indexes, so that spellings news writes alike meet.

"Côte d'Ivoire", "Cote d’Ivoire" and "COTE D'IVOIRE" share one key; so do "St. Petersburg" and "St Petersburg",
and "Nagorno-Karabakh" and "Nagorno Karabakh". A leading "the" is dropped ("the Gaza Strip").
"""
from __future__ import annotations

import re
import unicodedata

_DROPPED = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "´": None, ".": None, "ʼ": None, "ʻ": None})
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,;:()\"“”]+")
_LATIN = re.compile(r"[a-z]")
_SPECIAL_LETTERS = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
                                  "ð": "d", "ə": "a", "ŀ": "l", "ħ": "h"})


def name_key(name: str) -> str:
    """The lookup key of a name: case-folded, without diacritics, apostrophes or full stops, one space apart."""
    folded = name.casefold().translate(_SPECIAL_LETTERS)
    stripped = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    key = _SEPARATORS.sub(" ", stripped.translate(_DROPPED)).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def is_latin_key(key: str) -> bool:
    """Whether a key can appear in English text at all (keys in other scripts only bloat the gazetteer)."""
    return bool(_LATIN.search(key)) and key.isascii()
