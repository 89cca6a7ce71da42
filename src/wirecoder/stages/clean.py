"""Clean: mark boilerplate lines and paragraphs in other languages, and decide the document's language.

Nothing is deleted: a boilerplate span stays in ``Article.text`` and is only left out of coding, so
every offset found later still points into the text the caller gave.
"""
from __future__ import annotations

import re

from ..article import Article, Boilerplate
from ..errors import WirecoderError
from ..language import LanguageIdentifier

# Lines that are page furniture rather than reporting, in the languages news sites commonly use.
_FURNITURE = re.compile(
    r"""^\W*(
        (share|tweet|email|print)(\s+(this|on|via)\b.*)?
      | (follow|like|join)\s+us\b.*
      | subscribe\b.* | sign\s+up\b.* | newsletter\b.*
      | read\s+(more|also)\b.* | related(\s+(articles?|stories|news))?\s*:?.* | see\s+also\b.*
      | click\s+here\b.* | advertisement | sponsored(\s+content)?
      | (all\s+rights\s+reserved|copyright|©).* | .*\ball\s+rights\s+reserved\b.*
      | (facebook|twitter|whatsapp|telegram|linkedin|instagram|youtube|x)(\s*[|/,·•]\s*\w+)*
      | photo(graph)?\s*:.* | image\s*:.* | source\s*:\s*\S+\s*$
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

_LINE = re.compile(r"[^\n]+")


class CleanStage:
    name = "clean"
    requires = ("text",)
    assigns = ("boilerplate", "language")

    def __init__(self, *, identifier: LanguageIdentifier, min_confidence: float = 0.9):
        self._identifier = identifier
        self._min_confidence = min_confidence

    def __call__(self, article: Article) -> Article:
        english_chars = other_chars = 0
        other_languages: dict[str, int] = {}
        for line in _LINE.finditer(article.text):
            text = line.group()
            stripped = text.strip()
            if not stripped:
                continue
            start = line.start() + (len(text) - len(text.lstrip()))
            span = article.span(start, start + len(stripped))
            if _FURNITURE.match(stripped):
                article.boilerplate.append(Boilerplate(span, "page furniture"))
                continue
            guess = self._identifier.detect(stripped)
            if guess.code and guess.code != "en" and guess.confidence >= self._min_confidence:
                article.boilerplate.append(Boilerplate(span, f"language:{guess.code}", guess.code))
                other_chars += len(stripped)
                other_languages[guess.code] = other_languages.get(guess.code, 0) + len(stripped)
            else:
                english_chars += len(stripped)
        if other_chars and not english_chars:
            language = max(other_languages, key=other_languages.get)
            raise WirecoderError("W004", f"the article is in another language ({language}), not English")
        article.language = "en"
        if other_chars:
            languages = ", ".join(sorted(other_languages))
            article.warn("W004", f"{other_chars} characters in other languages ({languages}) were left out of coding")
        return article
