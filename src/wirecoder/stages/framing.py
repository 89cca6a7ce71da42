"""The framing stage: wording that takes a side, from the project's lexicon, and who is heard on contested claims.

Terms are matched on the words as written (a trailing * in the lexicon covers inflections), longest term first, so
"flagrantly violating" is one flag, not two. A term is skipped when a word of its ``unless`` list stands within two
words before or three after it: "occupied the office" is literal, "occupied 20 percent of the country" is not.
Words inside quotations are flagged too: the record says what the report carries, and the quotes say whose words
they are.

Sourcing is a count, not a verdict: a contested claim is a sentence that reports violence or blame; its side is the
country its speaker speaks for (read from the speaker's name and role: "Turkey's Minister of National Defense"),
or the speaker's own name when no country is given. See docs/framing.md for what this can and cannot tell.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import countryinfo

from ..article import Article, Framing, Sourcing
from ..lexicon import lexicon_error, package_path, read_rows
from ..lexicon import load_lexicon as load_word_lists
from ..quoting.speaker_kinds import speaker_kind
from ..quoting.speakers import ORG_WORDS

CATEGORIES = ("loaded term", "euphemism", "dehumanising", "intensifier")
CONTESTED = re.compile(rf"\b{load_word_lists('speakers').alternation('contested_word', space=' ')}\b", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*")


@dataclass(frozen=True)
class LexiconEntry:
    term: str
    category: str
    note: str
    unless: frozenset[str]


def load_lexicon() -> list[LexiconEntry]:
    entries = []
    for number, cells in read_rows(package_path("wirecoder.taxonomy", "framing_lexicon.tsv"), header="term\t"):
        if len(cells) < 3 or cells[1] not in CATEGORIES:
            raise lexicon_error("framing_lexicon.tsv", number, f"expected term, category (one of "
                                f"{', '.join(CATEGORIES)}), note[, unless]")
        unless = frozenset(w.strip().lower() for w in cells[3].split(",")) if len(cells) > 3 and cells[3] else \
            frozenset()
        entries.append(LexiconEntry(cells[0].strip(), cells[1], cells[2], unless))
    return entries


def _pattern(term: str) -> str:
    words = []
    for word in term.split():
        stem = re.escape(word.rstrip("*")).replace(r"\-", "[-‐–]")
        words.append(stem + (r"[\w-]*" if word.endswith("*") else ""))
    return r"\s+".join(words) + r"\b"


class FramingStage:
    name = "framing"
    # sourcing reads who is quoted; the terms need only the doc (and the boilerplate they skip)
    requires = ("doc", "sentences", "quotes", "text", "boilerplate")
    assigns = ("framing", "sourcing")

    def __init__(self):
        entries = sorted(load_lexicon(), key=lambda e: (-len(e.term.split()), -len(e.term)))
        self.entries = entries
        # one regex per term, tried only at words sharing the term's first three letters (one big alternation
        # tried at every position costs a tenth of a spaCy parse)
        self.by_prefix: dict[str, list[tuple[LexiconEntry, re.Pattern]]] = {}
        for entry in entries:
            compiled = re.compile(_pattern(entry.term), re.IGNORECASE)
            self.by_prefix.setdefault(entry.term[:3].lower(), []).append((entry, compiled))
        self.countries = _country_words()
        self.longest_country = max(len(name.split()) for name in self.countries)

    def __call__(self, article: Article) -> Article:
        text = article.text  # sentences and spans cover coded text only; boilerplate matches are dropped below
        boilerplate = [b.span for b in article.boilerplate]
        article.framing = [f for f in self.flag(article, text) if not any(b.overlaps(f.span) for b in boilerplate)]
        article.sourcing = self.sourcing(article, text)
        return article

    def flag(self, article: Article, text: str) -> list[Framing]:
        found = []
        covered = 0
        for word in _WORD.finditer(text):
            if word.start() < covered:
                continue
            for entry, compiled in self.by_prefix.get(word.group()[:3].lower(), ()):
                match = compiled.match(text, word.start())
                if match is None:
                    continue
                if entry.unless and self._literal(text, match.start(), match.end(), entry.unless):
                    break
                found.append(Framing(article.span(match.start(), match.end()), entry.category))
                covered = match.end()
                break
        return found

    @staticmethod
    def _literal(text: str, start: int, end: int, unless: frozenset[str]) -> bool:
        before = _WORD.findall(text[max(0, start - 60):start])[-2:]
        after = _WORD.findall(text[end:end + 80])[:3]
        return any(w.lower() in unless for w in before + after)

    def side_of(self, name: str, role: str | None) -> str:
        """The country a speaker speaks for, when the name or role gives one; else the speaker's name."""
        for text in (role or "", name):
            words = [w.removesuffix("'s").removesuffix("’s") for w in _CAPITALISED.findall(text)]
            for size in range(min(self.longest_country, len(words)), 0, -1):
                for i in range(len(words) - size + 1):
                    country = self.countries.get(" ".join(words[i:i + size]))
                    if country is not None:
                        return country
        return name

    @staticmethod
    def _side_of_body(role: str | None, bodies: list[tuple[str, str]]) -> str | None:
        """"ministry spokesman Vagif Dargahli" after "Azerbaijan's Defense Ministry" was quoted: the ministry's side."""
        for word in (role or "").lower().split():
            if word in ORG_WORDS:
                for name, country in reversed(bodies):
                    if word in name.split():
                        return country
        return None

    def sourcing(self, article: Article, text: str) -> Sourcing:
        hits = [m.start() for m in CONTESTED.finditer(text)]
        contested = [s.span for s in article.sentences
                     if bisect.bisect_left(hits, s.span.start) < bisect.bisect_left(hits, s.span.end)]
        if not article.sentences and hits:
            contested = [article.span(0, len(text))]
        sides: list[str] = []
        bodies: list[tuple[str, str]] = []  # (speaker name in lower case, country) of earlier quotes
        for quote in article.quotes:
            if quote.speaker is None or quote.speaker.role is None and quote.speaker.name.lower() == \
                    quote.speaker.span.text.lower() and quote.speaker.span.text.lower() in _PRONOUNS:
                continue
            on_claim = CONTESTED.search(quote.content.text) or any(s.overlaps(quote.content) for s in contested)
            if speaker_kind(quote.speaker, quote.cue.text) == "outlet":
                continue  # an outlet relaying news is the report itself, not a party heard in it
            side = self.side_of(quote.speaker.name, quote.speaker.role)
            if side == quote.speaker.name:
                side = self._side_of_body(quote.speaker.role, bodies) or side
            else:
                bodies.append((quote.speaker.name.lower(), side))
            if on_claim and side not in sides:
                sides.append(side)
        return Sourcing(sides=sides, contested_claims=len(contested))


_SPEAKERS = load_word_lists("speakers")
_PRONOUNS = _SPEAKERS.words("speaking_pronoun")


def _country_words() -> dict[str, str]:
    """Country names and demonyms (as written, capitalised) -> the country's name."""
    words: dict[str, str] = {}
    for country in countryinfo.all_countries():
        name = country.name()
        if not name:
            continue
        words.setdefault(name, name)
        demonym = country.demonym()
        if demonym:
            words.setdefault(demonym, name)
    return words
