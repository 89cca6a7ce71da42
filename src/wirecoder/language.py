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
# Below these, plain ASCII words are too few to tell a language (trigram models err on short text: "order opens
# door for outsider" reads as Dutch); two words suffice when their letters are telling ("ə", "ş", Cyrillic).
MIN_WORDS = 5
MIN_PLAIN_CHARS = 60


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # ISO 639-1, None when the text is too short or too name-heavy to tell
    confidence: float
    words: int = 0  # the ordinary (not capitalised) words it was judged on


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
        plain_too_short = len(ordinary) < MIN_WORDS or len(" ".join(ordinary)) < MIN_PLAIN_CHARS
        if len(ordinary) < 2 or (not telling and plain_too_short):
            return LanguageGuess(None, 0.0)
        # Names mislead the detector: "Boko Haram fighters attacked Gajiram in Nganzai" reads as Yoruba whole,
        # as English without its names. The ordinary words decide; another language must also win on the whole
        # text, and its confidence is the lower of the two, so English full of foreign names is never refused.
        values = self._detector.compute_language_confidence_values(" ".join(ordinary)[:5000])
        if not values:
            return LanguageGuess(None, 0.0)
        best = values[0]
        confidence = float(best.value)
        if best.language != Language.ENGLISH:
            confidence = min(confidence, self._detector.compute_language_confidence(text[:5000], best.language))
        return LanguageGuess(best.language.iso_code_639_1.name.lower(), confidence, len(ordinary))
