"""How a place name is turned into the key the gazetteer indexes, so that spellings news writes alike meet.

"Côte d'Ivoire", "Cote d’Ivoire" and "COTE D'IVOIRE" share one key; so do "St. Petersburg" and "St Petersburg",
and "Nagorno-Karabakh" and "Nagorno Karabakh". A leading "the" is dropped ("the Gaza Strip").
"""
from __future__ import annotations

import re
import unicodedata

from .lexicon import words

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


ARABIC_NAMING_COUNTRIES = words("arabic_naming_countries")
_ARABIC_ARTICLES = tuple(f"{w} " for w in sorted(words("arabic_articles")))
MIN_BARE_NAME = 4


def arabic_name_variants(key: str) -> list[str]:
    """The spelling news gives a transliterated Arabic place name: without its article ("Al-Hawija District" ->
    "Hawija District", "Ar Raqqah" -> "Raqqah")."""
    bare = next((key[len(a):] for a in _ARABIC_ARTICLES if key.startswith(a)), key)
    return [bare] if bare != key and len(bare) >= MIN_BARE_NAME else []


_HYPHENATED = re.compile(r"[-‐‑]")
_CENTRE_SUFFIX = re.compile(r"^(.+?)[-‐‑\s]+(?:centre|center)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(.+?)[-‐‑]\d{1,2}$")
_HYPHENED_ARTICLE = re.compile(r"^(?:" + "|".join(sorted(words("arabic_articles"), key=len, reverse=True))
                               + r")[-‐‑](?=\w{4})", re.IGNORECASE)


def written_variants(text: str) -> list[str]:
    """Other ways a name written in news may stand in a gazetteer: hyphenated parts joined ("Petion-Ville" ->
    "Petionville"), a town's centre named as the town ("Walikale-centre" -> "Walikale"), a numbered part named as
    the place it is numbered after ("Zolote-5" -> "Zolote"), and an Arabic name without its hyphened article
    ("Ar-Raqqa" -> "Raqqa")."""
    out = []
    if _HYPHENATED.search(text):
        out.append(_HYPHENATED.sub("", text))
    for suffixed in (_CENTRE_SUFFIX.match(text.strip()), _NUMBERED.match(text.strip())):
        if suffixed:
            out.append(suffixed.group(1))
    article = _HYPHENED_ARTICLE.match(text.strip())
    if article:
        out.append(text.strip()[article.end():])
    return out


def close_spellings(a: str, b: str, *, max_edits: int = 2) -> bool:
    """Whether two keys differ by at most ``max_edits`` letters (insertions, deletions or substitutions): the
    romanisations of one name ("kostiantynivka" and "kostyantynivka"), not two names."""
    if abs(len(a) - len(b)) > max_edits:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > max_edits:
            return False
        previous = current
    return previous[-1] <= max_edits


def written_as_abbreviation(text: str) -> bool:
    """ "US", "U.K.", "Ky.": only a name written this way may be read as an abbreviation ("us", "ill" may not)."""
    return text.isupper() or ("." in text and text[:1].isupper())
