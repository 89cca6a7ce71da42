"""Language identification with lingua, on a fixed set of news languages, offline.

lingua's low-accuracy mode (trigram models) keeps the detector at ~50 MB and well under a millisecond a
paragraph; it is reliable on sentences, not on a handful of words, so text with too few ordinary
words to judge (a list of names, a dateline) is reported as undetermined rather than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lingua import Language, LanguageDetectorBuilder

NEWS_LANGUAGES = (
    "ENGLISH", "AZERBAIJANI", "TURKISH", "RUSSIAN", "UKRAINIAN", "ARABIC", "FRENCH", "SPANISH", "GERMAN",
    "PORTUGUESE", "ITALIAN", "PERSIAN", "ARMENIAN", "CHINESE", "JAPANESE", "KOREAN", "HINDI", "URDU",
    "INDONESIAN", "SWAHILI", "SOMALI", "HEBREW", "DUTCH", "POLISH", "GEORGIAN", "KAZAKH", "SERBIAN",
    "CROATIAN", "ROMANIAN", "GREEK", "BENGALI", "TAGALOG", "VIETNAMESE", "THAI", "YORUBA",
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
MIN_WORDS = 3


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # ISO 639-1, None when the text is too short or too name-heavy to tell
    confidence: float


class LanguageIdentifier:
    def __init__(self, *, languages: tuple[str, ...] = NEWS_LANGUAGES):
        chosen = [getattr(Language, name) for name in languages]
        self._detector = LanguageDetectorBuilder.from_languages(*chosen).with_low_accuracy_mode().build()

    def detect(self, text: str) -> LanguageGuess:
        words = _WORD.findall(text)
        # Capitalised words are mostly names and say little about the language around them.
        ordinary = [w for w in words if not w[0].isupper()]
        # A short run of plain ASCII words fits too many languages; letters outside ASCII ("ə", "ş", Cyrillic)
        # make even two words telling.
        telling = any(not w.isascii() for w in ordinary)
        if len(ordinary) < (2 if telling else MIN_WORDS):
            return LanguageGuess(None, 0.0)
        values = self._detector.compute_language_confidence_values(text[:5000])
        if not values:
            return LanguageGuess(None, 0.0)
        best = values[0]
        return LanguageGuess(best.language.iso_code_639_1.name.lower(), float(best.value))
