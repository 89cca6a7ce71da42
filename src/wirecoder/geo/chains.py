"""Qualifier chains: a place's name followed by the areas that hold it, as news and analysts' notes write them.

"protested in Badah town (Larkana, Sindh)", "attacked Udawa (Chikun LGA, Kaduna)", "near Travneve, Donetsk",
"in the Uluk area of Dawlat Shah district, Laghman", "shelled Ftireh in Jabal al-Zawiya": a name, maybe a kind
word ("town", "LGA"), then the areas that hold it, narrowest first, in brackets, after commas, after "in" or after
"<kind word> of". The chain is strong evidence that its first name is a place even when no tagger or gazetteer
knows it, and the areas restrict which place it is (``geo/qualify.py`` weighs the chain against the gazetteer).

This module only reads text: a scan of words and marks over character offsets, no spaCy and no gazetteer, so it
costs a regular expression pass per article. Also found here: a name right after a cue ("the village of X",
"in the area of X", "near X"), a chain of one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, geo_lexicon, words
from .wording import AREA_PHRASES, BRACKETED_NAME_PARTS, PHRASED_AREA_WORD, WEEKDAY_WORDS

CHAIN_WORDS_FILE = "data/chain_words.tsv"
MAX_NAME_WORDS = 6
_TOKEN = re.compile(r"[A-Z]&[A-Z]\b|[^\W_][\w'’\-]*|[(),;:!?]|\.(?!\w)")
_PARTICLE_HYPHEN = re.compile(r"([^\W\d_]+)[-‐‑–](?=[A-Z])")  # "al-Zawiya": a particle, a hyphen, a capital


@dataclass(frozen=True)
class Link:
    """One name of a chain: its span (the name, with a kind word only when it is capitalised as part of it), and
    the kind word said of it ("town", "lga", "district"), lower case, if any."""

    start: int
    end: int
    text: str
    kind: str | None = None
    outer_end: int | None = None  # where the kind word after the name ends ("Badah town"), if one follows
    owner: "Link | None" = None  # the place whose part it is told to be: Beirut of "Beirut's Hamra district"


@dataclass(frozen=True)
class Chain:
    """A place's name and the areas that hold it, narrowest first. ``joins[i]`` says how link i+1 was joined to
    the one before it: "(" (brackets), "," (a comma), "in", "near", "of" ("the X village of Y"). ``cued``: the words
    before the first name call it a place ("in", "near", "the village of") or a kind word follows it."""

    links: tuple[Link, ...]
    joins: tuple[str, ...]
    cued: bool
    named_place: bool = False  # "the village of X", "near X": the first name is a place, known or not


def chain_lexicon() -> Lexicon:
    return geo_lexicon(CHAIN_WORDS_FILE)


@dataclass(frozen=True, slots=True)
class _Tok:
    """A word or mark of the text, with what the scan asks of it worked out once."""

    text: str
    start: int
    end: int
    lower: str
    capitalised: bool
    name: bool  # a word a place's name can be made of (see ChainReader._is_name)


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


class ChainReader:
    """Finds qualifier chains in a text (built once; holds only frozen word lists)."""

    def __init__(self) -> None:
        lex = chain_lexicon()
        self.kinds = lex.words("kind_words")
        self.modifiers = lex.words("kind_modifiers")  # "Ashulia industrial area": a word between a name and its kind
        self.adjective_endings = tuple(sorted(lex.words("adjective_endings")))  # "Shia-dominated", "Houthi-held"
        self.town_words = lex.words("town_of_words")  # "the West Bank city of Jenin": the city is the name after "of"
        self.cues = lex.words("cue_words")
        self.facilities = lex.words("facility_cue")
        self.head_cues = lex.words("head_cues")
        self.directions = lex.words("directions")
        self.particles = lex.words("particles")
        self.link_prepositions = words("qualifier_prepositions")  # "X, in Mali's Mopti region", "X near Y"
        self.list_joiners = lex.words("peer_joiners")
        self.articles = lex.words("chain_articles")
        self.near_words = lex.words("near_words")
        self.months = words("month_words")
        self.days = WEEKDAY_WORDS | self.months
        self.openers = lex.words("openers") | self.months | self.head_cues
        self.skipped = self.directions | {"the"}
        self.area_phrases = AREA_PHRASES  # "Bassa Local Government Area": words that say the kind "lga"

    def find(self, text: str) -> list[Chain]:
        toks = []
        for m in _TOKEN.finditer(text):
            word = m.group()
            toks.append(_Tok(word, m.start(), m.end(), word.casefold(), word[:1].isupper(), self._is_name(word)))
        chains: list[Chain] = []
        i = 0
        while i < len(toks):
            if not toks[i].name or self._inside_name(toks, i):
                i += 1
                continue
            chain, stop = self._chain_at(toks, text, i)
            if chain is None:
                i += 1
                continue
            chains.append(chain)
            i = max(stop, i + 1)
        return chains

    # -- names ----------------------------------------------------------------------------------------------

    def _is_name(self, word: str) -> bool:
        """A capitalised word, or one that opens with a particle hyphened to a capitalised part ("al-Zawiya")."""
        first = word[0]
        if first.isupper():
            return len(word) > 1 and first.isalpha()
        if len(word) < 2 or not first.islower():
            return False
        if word[1].isupper():
            return True  # "iLembe", "eThekwini"
        hyphened = _PARTICLE_HYPHEN.match(word) if len(word) > 3 and not word.isalpha() else None
        return hyphened is not None and hyphened.group(1).casefold() in self.particles

    @staticmethod
    def _name_word(toks: list[_Tok], i: int) -> bool:
        return toks[i].name

    def _inside_name(self, toks: list[_Tok], i: int) -> bool:
        """Whether token i goes on a name begun before it ("Aldama" of "Leon de los Aldama")."""
        k = i - 1
        while k >= 0 and toks[k].lower in self.particles and not toks[k].capitalised:
            k -= 1
        return k >= 0 and self._name_word(toks, k)

    def _name(self, toks: list[_Tok], i: int, *, head: bool = True) -> tuple[int, int] | None:
        """The run of name words from token i: capitalised words, with lower-case particles between them
        ("Bahr el Ghazal"), at most MAX_NAME_WORDS; words that open sentences ("On", "In", "The") and months are
        stripped from its front."""
        while head and i < len(toks) and self._name_word(toks, i) and toks[i].lower in self.openers:
            i += 1
        while i + 1 < len(toks) and toks[i].lower.endswith(self.adjective_endings) and self._name_word(toks, i + 1):
            i += 1  # "Kabul's Shia-dominated Dasht-e-Barchi area": the name after its adjective
        if i >= len(toks) or not self._name_word(toks, i) or _days_own(toks[i].lower) in self.days:
            return None  # "the neighborhood of Saturday's gun battle": a day, whatever place some source calls so
        j = i + 1
        while j < len(toks) and j - i < MAX_NAME_WORDS:
            if self._name_word(toks, j) and toks[j].lower not in self.months and not self._acronym(toks[j]):
                j += 1
            elif toks[j].lower in self.directions and _days_own(toks[j - 1].lower) != toks[j - 1].lower \
                    and j + 1 < len(toks) and self._name_word(toks, j + 1):
                j += 1  # "Nigeria's northwestern Zamfara state": a direction between a country and its part
            elif toks[j].lower in self.particles:
                k = j
                while k < len(toks) and toks[k].lower in self.particles and not toks[k].capitalised and k - j < 3:
                    k += 1  # "Leon de los Aldama", "Khabb wa ash Shaaf"; a capital ends them ("Zamboanga del Sur")
                if k < len(toks) and self._name_word(toks, k):
                    j = k + 1
                else:
                    break
            else:
                break
        if head and self._acronym(toks[i]) and j == i + 1:
            return None  # "(ANR)", "ELN": initials name organisations far more often than places (an area after
            # another, "(Kurnool, AP)", may be initials)
        return i, j

    @staticmethod
    def _acronym(tok: _Tok) -> bool:
        return len(tok.text) >= 2 and tok.text.isupper() and sum(c.isalpha() for c in tok.text) >= 2

    def _link(self, toks: list[_Tok], text: str, i: int, *, head: bool = False) -> tuple[Link, int] | None:
        """A name of a chain from token i: [direction] [the] Name [kind word], or "<Kind> Name" when the kind word
        opens it in capitals ("Village Malakal" is left alone: the kind word goes with the name)."""
        while i < len(toks) and toks[i].lower in self.skipped and not toks[i].capitalised:
            i += 1
        if not head and i + 1 < len(toks) and toks[i + 1].lower == "of" and (toks[i].lower in self.cues | self.kinds
                                                                             or self._facility(toks[i])):
            i += 2  # "in the northern countryside of Idleb", "in the outskirts of X"
        span = self._name(toks, i, head=head)
        if span is None:
            return None
        start, end = span
        owner_end = next((k for k in range(end - 2, start - 1, -1) if toks[k].lower.endswith(("'s", "’s"))), None)
        owner = None
        modified = end + 1 < len(toks) and toks[end].lower in self.modifiers and toks[end + 1].lower in self.kinds \
            and not toks[end + 1].capitalised  # "Ashulia industrial area", "Jenin refugee camp"
        told_kind = modified or end < len(toks) and toks[end].lower in self.kinds and not toks[end].capitalised
        if owner_end is not None and (not head or told_kind):  # "Mali's Mopti region", "Beirut's Hamra district"
            last_owner = toks[owner_end]  # (a chain's first name only before its kind word): the part, then its whole
            owner = Link(toks[start].start, last_owner.end - 2, text[toks[start].start:last_owner.end - 2])
            start = owner_end + 1
            while start + 1 < end and (toks[start].lower.endswith(self.adjective_endings)
                                       or toks[start].lower in self.directions):
                start += 1
        kind = None
        inner = self._phrase_ending(toks, start, end)
        if inner or self._phrase_at(toks, end):  # "Bassa Local Government Area", "Bassa local government area"
            end_link = end - inner if inner else end
            kind, end = PHRASED_AREA_WORD, end if inner else end + self._phrase_at(toks, end)
        elif end < len(toks) and toks[end].lower in self.kinds and toks[end].text.isupper() and len(toks[end].text) > 1:
            kind, end_link, end = toks[end].lower, end, end + 1  # "Chikun LGA": the initials are the kind word
        elif modified:
            kind, end_link, end = toks[end + 1].lower, end, end + 2  # "Ashulia industrial area"
        elif end < len(toks) and toks[end].lower in self.kinds and not toks[end].capitalised:
            kind, end_link, end = toks[end].lower, end, end + 1  # "Badah town": the kind word is said of the name
            while end < len(toks) and toks[end].lower in self.kinds and not toks[end].capitalised:
                end += 1  # "Naushera sector area": the first kind word says what the place is
        elif end - start >= 2 and toks[end - 1].lower in self.kinds:
            kind, end_link = toks[end - 1].lower, end  # "Dawei District": capitalised, part of the name
        else:
            end_link = end
        last = toks[end_link - 1]
        outer_end = toks[end - 1].end if end > end_link else None
        link = Link(toks[start].start, last.end, text[toks[start].start:last.end], kind, outer_end, owner)
        return link, end

    def _phrase_at(self, toks: list[_Tok], k: int) -> int:
        """The number of tokens of an area phrase starting at token k, or 0."""
        for phrase in self.area_phrases:
            if k + len(phrase) <= len(toks) and all(toks[k + n].lower == w for n, w in enumerate(phrase)):
                return len(phrase)
        return 0

    def _phrase_ending(self, toks: list[_Tok], start: int, end: int) -> int:
        """The number of tokens of an area phrase that ends a run of name words after a name word, or 0."""
        return next((len(p) for p in self.area_phrases
                     if end - start > len(p) and self._phrase_at(toks, end - len(p)) == len(p)), 0)

    # -- chains ---------------------------------------------------------------------------------------------

    def _chain_at(self, toks: list[_Tok], text: str, i: int) -> tuple[Chain | None, int]:
        first = self._link(toks, text, i, head=True)
        if first is None:
            return None, i + 1
        head, j = first
        head_start = next(k for k in range(i, j) if toks[k].start == head.start)
        cued = head.kind is not None or self._cued(toks, head_start)
        links, joins = ([head, head.owner], ["in"]) if head.owner is not None else ([head], [])
        before = toks[head_start - 2].lower if head_start >= 2 else ""
        listed = bool(before) and toks[head_start - 1].lower == "of" and _plural(before) and before[:-1] in self.cues
        while j < len(toks) and not (head.kind and _plural(head.kind) and head.kind[:-1] in self.kinds):
            # "the Ichen villages of A, B, C and D": a list of places, not a chain
            step = self._next_links(toks, text, j, links[-1])
            if step is None or (listed and step[1][0] == ","):
                break
            new_links, new_joins, j = step
            for link, join in zip(new_links, new_joins):
                links.extend((link, link.owner) if link.owner is not None else (link,))
                joins.extend((join, "in") if link.owner is not None else (join,))
        named = self._cue_of(toks, head_start)
        if len(links) == 1:
            return (Chain((head,), (), True, True), j) if named else (None, j)
        return Chain(tuple(links), tuple(joins), cued, named), j

    def _next_links(self, toks: list[_Tok], text: str, j: int, last: Link):
        tok = toks[j]
        if tok.text == "(":
            members, k = [], j + 1
            if k + 1 < len(toks) and toks[k + 1].text == ")" and (
                    self._acronym(toks[k]) or toks[k].text in BRACKETED_NAME_PARTS):
                return None  # "(ANR)": an organisation's initials; "Kamrup (Metro)": a word of the name
            while k < len(toks):
                found = self._link(toks, text, k)
                if found is None:
                    return None
                members.append(found[0])
                k = found[1]
                if k < len(toks) and toks[k].text == ",":
                    k += 1
                    continue
                if k < len(toks) and toks[k].text == ")":
                    return members, ["("] * len(members), k + 1
                return None
            return None
        if tok.text == "," and j + 2 < len(toks) and toks[j + 1].lower in self.link_prepositions and toks[j + 2].name:
            found = self._link(toks, text, j + 2)  # "raided X, in Mali's Mopti region": X lies in the region
            return ([found[0]], [toks[j + 1].lower], found[1]) if found is not None else None
        if tok.text == "," and j + 1 < len(toks):
            found = self._link(toks, text, j + 1)
            if found is None:
                return None
            link, k = found
            if k < len(toks) and toks[k].lower in self.list_joiners:
                return None  # "Ganja, Mingachevir and Tovuz": a list of peers, not a chain
            return [link], [","], k
        if tok.lower in self.link_prepositions and j + 1 < len(toks):
            found = self._link(toks, text, j + 1)
            if found is None or toks[j + 1].lower in self.months:
                return None
            return [found[0]], [tok.lower], found[1]  # "Ftireh in Jabal al-Zawiya", "X village near Y town (Z)"
        if tok.lower == "of" and last.kind is not None and last.kind in self.kinds and j + 1 < len(toks):
            found = self._link(toks, text, j + 1)  # "the Sabzi Kar village of Charbolak district"
            town_named_after = found is not None and found[0].kind is None and last.kind in self.town_words
            if found is None or (town_named_after and self._after_the(toks, last)):
                return None  # "the West Bank city of Jenin": the city is Jenin, the name before it its area
            return [found[0]], ["of"], found[1]
        return None

    def _after_the(self, toks: list[_Tok], link: Link) -> bool:
        """Whether "the" (and maybe direction words) opens the link ("the northern West Bank town of ..."), as
        it opens a name used as an area's adjective, not a town's own ("Ipekyolu town of Van")."""
        i = next((k for k, t in enumerate(toks) if t.start == link.start), 0) - 1
        while i >= 0 and toks[i].lower in self.directions:
            i -= 1
        return i >= 0 and toks[i].lower == "the"

    def _cued(self, toks: list[_Tok], i: int) -> bool:
        """A preposition or verb of place right before the name, or "<cue word> of" ("the village of X")."""
        k = i - 1
        while k >= 0 and (toks[k].lower in self.articles or toks[k].lower in self.directions
                          or toks[k].lower in self.particles and toks[k].lower not in self.head_cues):
            k -= 1
        return k >= 0 and (toks[k].lower in self.head_cues or self._cue_of(toks, i))

    def _cue_of(self, toks: list[_Tok], i: int) -> bool:
        """ "the village of X", "in the area of X", "the outskirts of X", "the market of X", "near X"."""
        if i >= 1 and toks[i - 1].lower in self.near_words:
            return True
        return i >= 2 and toks[i - 1].lower == "of" and (toks[i - 2].lower in self.cues or self._facility(toks[i - 2]))

    def _facility(self, tok: _Tok) -> bool:
        """ "the market of X", "the police station of X": a facility word in lower case ("Port of Spain" is a name)."""
        return tok.lower in self.facilities and not tok.capitalised


def _days_own(word: str) -> str:
    """A word without its possessive ending ("saturday's": saturday)."""
    return word[:-2] if word.endswith(("'s", "’s")) else word
