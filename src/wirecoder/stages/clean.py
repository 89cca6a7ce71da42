"""Clean: mark boilerplate lines, paragraphs in other languages and text that reads as no prose, and decide the
document's language.

Nothing is deleted: a boilerplate span stays in ``Article.text`` and is only left out of coding, so
every offset found later still points into the text the caller gave.
"""
from __future__ import annotations

import re

from ..article import Article, Boilerplate
from ..errors import WirecoderError
from ..language import LanguageIdentifier
from ..lexicon import load_lexicon

# Lines that are page furniture rather than reporting, in the languages news sites commonly use.
_CLEAN = load_lexicon("clean")
_FURNITURE = re.compile(  # the words are clean.tsv's; the pattern says how a line of them is built
    rf"""^\W*(
        {_CLEAN.alternation('share_verb')}(\s+{_CLEAN.alternation('share_object')}\b.*)?
      | {_CLEAN.alternation('follow_verb')}\s+us\b.*
      | {_CLEAN.alternation('furniture_opening')}\b.*
      | related(\s+{_CLEAN.alternation('related_noun')})?\s*:?.*
      | {_CLEAN.alternation('furniture_line')}
      | ({_CLEAN.alternation('rights_notice')}).* | .*\b{_CLEAN.alternation('rights_reserved')}\b.*
      | {_CLEAN.alternation('social_network')}(\s*[|/,·•]\s*\w+)*
      | {_CLEAN.alternation('caption_word')}\s*:.* | source\s*:\s*\S+\s*$
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)

_LINE = re.compile(r"[^\n]+")
FURNITURE_MAX_CHARS = 1_000  # page furniture is a short line (and the pattern backtracks on long runs of \W)
# No word of prose is longer, no sentence of prose runs longer without an end: text beyond these is no prose (a
# line of 10^6 repeated quote marks, a dump), left out of coding, which it would otherwise hold up for hours (the
# parse and the stages take time that grows with the square of a word's or a sentence's length).
MAX_WORD_CHARS = 500
MAX_SENTENCE_CHARS = 3_000
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
_SENTENCE_LIKE = re.compile(r"[^.!?…]+[.!?…]*")
# "BAMAKO, March 12 -", "NAIROBI (Reuters) -", "Kyiv, 3 May (AFP) —": the place and date a report was filed.
_UPPER = "A-ZÀ-ÖØ-Þ"  # "BOGOTÁ", "YAOUNDÉ", "CIUDAD OBREGÓN": capitals of Latin script, accented or not
_WORD = rf"[{_UPPER}][{_UPPER}a-zß-öø-ÿ'.-]+"
_DATELINE = re.compile(
    rf"^(?:{_WORD}(?:[ -]{_WORD}){{0,3}})(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}})?"  # "Burkina Faso"
    r"(?:,?\s*(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s*\d{4})?)?"
    r"\s*(?:\([A-Za-zÀ-ÖØ-öø-ÿ .&'-]+\))?\s*[-–—]+\s")  # "(Bajío Noticias)"
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
HEADLINE_MAX_WORDS = 25
REFUSE_SHARE = 0.8  # of the text whose language could be told with confidence or not, in another language
REFUSE_MIN_WORDS = 10  # ordinary words in another language before a whole text is refused as not English
# Lines thick with English function words are English: no need to ask the language model.
_ENGLISH_WORDS = _CLEAN.words("english_function_word")
_TOKEN = re.compile(r"[a-z']+")


class CleanStage:
    name = "clean"
    requires = ("text", "title")
    assigns = ("boilerplate", "language", "headline", "datelines")

    def __init__(self, *, identifier: LanguageIdentifier, min_confidence: float = 0.9):
        self._identifier = identifier
        self._min_confidence = min_confidence

    def __call__(self, article: Article) -> Article:
        english_chars = other_chars = uncertain_chars = other_words = 0
        other_languages: dict[str, int] = {}
        for line in _LINE.finditer(article.text):
            text = line.group()
            stripped = text.strip()
            if not stripped:
                continue
            start = line.start() + (len(text) - len(text.lstrip()))
            span = article.span(start, start + len(stripped))
            if len(stripped) <= FURNITURE_MAX_CHARS and _FURNITURE.match(stripped):
                article.boilerplate.append(Boilerplate(span, "page furniture"))
                continue
            if self._plainly_english(stripped):
                english_chars += len(stripped)
                continue
            guess = self._identifier.detect(stripped)
            if guess.code and guess.code != "en" and guess.confidence >= self._min_confidence \
                    and not self._holds_english_words(stripped):
                article.boilerplate.append(Boilerplate(span, f"language:{guess.code}", guess.code))
                other_chars += len(stripped)
                other_words += guess.words
                other_languages[guess.code] = other_languages.get(guess.code, 0) + len(stripped)
            elif guess.code == "en" or self._holds_english_words(stripped):
                english_chars += len(stripped)
            else:  # too short or too full of names to tell, or no language sure enough: coded, as English
                uncertain_chars += len(stripped)
        # Refused only when the text is surely in another language: no line reads as English, nearly all of it is
        # identified with confidence, and on enough words (the detector errs on a handful). Anything less is
        # coded, with a warning, rather than lost.
        if other_chars and not english_chars:
            if other_words >= REFUSE_MIN_WORDS and other_chars >= REFUSE_SHARE * (other_chars + uncertain_chars):
                language = max(other_languages, key=other_languages.get)
                raise WirecoderError("W004", f"the article is in another language ({language}), not English")
            # no English to set it apart from, and too little to be sure: all of it is coded
            article.boilerplate = [b for b in article.boilerplate if not b.reason.startswith("language:")]
            uncertain_chars, other_chars = uncertain_chars + other_chars, 0
        self._no_prose(article)
        self._headline_and_datelines(article)
        article.language = "en"
        if uncertain_chars and not english_chars:
            article.warn("W102", "no line could be identified as English with confidence (too short, or mostly "
                                 "names); the text was coded as English")
        if other_chars:
            languages = ", ".join(sorted(other_languages))
            article.warn("W100", f"{other_chars} characters in other languages ({languages}) were left out of coding")
        return article

    @staticmethod
    def _no_prose(article: Article) -> None:
        """Leave out of coding what reads as no prose: a stretch of more than MAX_SENTENCE_CHARS characters with no
        sentence end, a run of more than MAX_WORD_CHARS characters with no space (W161)."""
        blanked = [b.span for b in article.boilerplate]
        found = []
        for line in _LINE.finditer(article.text):
            if len(line.group()) <= MAX_WORD_CHARS or any(b.start <= line.start() < b.end for b in blanked):
                continue
            for part in _SENTENCE_LIKE.finditer(line.group()):
                text = part.group()
                start = line.start() + part.start() + (len(text) - len(text.lstrip()))
                end = start + len(text.strip())
                if end - start > MAX_SENTENCE_CHARS:
                    found.append((start, end))
                else:
                    found += [(start + m.start(), start + m.end()) for m in _LONG_WORD.finditer(text.strip())]
        for start, end in found:
            article.boilerplate.append(Boilerplate(article.span(start, end), "no prose"))
        if found:
            article.warn("W161", f"{sum(end - start for start, end in found)} characters that read as no prose (a "
                                 f"word of more than {MAX_WORD_CHARS} characters, or more than {MAX_SENTENCE_CHARS} "
                                 "without a sentence end) were left out of coding")

    @staticmethod
    def _plainly_english(text: str) -> bool:
        if not text.isascii():
            return False
        words = _TOKEN.findall(text.lower())
        return len(words) >= 8 and sum(w in _ENGLISH_WORDS for w in words) >= 0.25 * len(words)

    @staticmethod
    def _holds_english_words(text: str) -> bool:
        """Two or more English function words, a fifth of its words or more: English whatever the detector says
        of the rest ("Two former college punters died in a car wreck over the weekend" reads to it as Dutch)."""
        words = _TOKEN.findall(text.lower())
        hits = sum(w in _ENGLISH_WORDS for w in words)
        return hits >= 2 and hits >= 0.2 * len(words)

    @staticmethod
    def _headline_and_datelines(article: Article) -> None:
        blanked = [b.span for b in article.boilerplate]
        lines = [m for m in _LINE.finditer(article.text) if m.group().strip()
                 and not any(b.start <= m.start() < b.end for b in blanked)]
        if len(lines) > 1:
            first = lines[0]
            text = first.group().strip()
            same_as_title = article.title is not None and text.rstrip(".!? ").casefold() == \
                article.title.strip().rstrip(".!? ").casefold()  # "Title." as some extractions end it
            looks_like_headline = not _SENTENCE_END.search(text) and len(text.split()) <= HEADLINE_MAX_WORDS \
                and "\n" in article.text[first.end():lines[1].start()] or same_as_title
            if looks_like_headline:
                start = first.start() + (len(first.group()) - len(first.group().lstrip()))
                article.headline = article.span(start, start + len(text))
        for line in lines:
            body = line.group().lstrip()
            match = _DATELINE.match(body)
            if match and any(c.islower() for c in body[match.end():match.end() + 40]):
                start = line.start() + (len(line.group()) - len(body))
                article.datelines.append(article.span(start, start + match.end()))
