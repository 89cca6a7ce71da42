"""Named actors in a sentence: the actor lexicon's forms (taxonomy/actor_groups.tsv) found as token sequences, with
the side a phrase names ("pro-Houthi forces", "forces loyal to Haftar", "Hadi-aligned fighters"), never the one it
opposes ("anti-Houthi", "Iran-backed"), and the members' noun or the head of "fighters of X" taken into the mention.

A form two actors share is read as the one whose theatre the article names ("al-Shabaab" in a story from
Mozambique); a short acronym, or an actor whose form is a common word, needs its country in the article; an
actor's coding holds for its period (the Taliban as rebels until August 2021, as Afghanistan's state forces after).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..article import ActorMention, Article
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..taxonomy.actor_lexicon import ActorLexicon, GroupForm, squash
from ..taxonomy.kinds import ARMED_KINDS, ActorRole
from .names import actor_name

# a state's own forces named in the lexicon keep the role the other stages read ("the Israeli military said")
STATE_ROLES = (("Military Forces of ", ActorRole.MILITARY), ("Police Forces of ", ActorRole.POLICE),
               ("Government of ", ActorRole.GOVERNMENT))
_WORDS = load_lexicon("actor_groups")
BACK_LINKS = _WORDS.words("back_link")
BACK_VERBS = _WORDS.words("back_verb")
ALLEGIANCE_WORDS = _WORDS.words("allegiance_word")  # "forces loyal to X"


@dataclass(frozen=True)
class Match:
    start: int  # token indexes, end exclusive
    end: int
    form: GroupForm
    needs_context: bool = False  # an acronym whose country the article does not name


class GroupFinder:
    def __init__(self, lexicon: ActorLexicon, countries: CountryNames):
        self._lx = lexicon
        self._countries = countries
        self._members = lexicon.word_set("member")
        self._side_before = lexicon.word_set("side_before")
        self._side_after = lexicon.word_set("side_after")
        self._opposed = lexicon.word_set("opposed")
        self._heads = frozenset(w for w, v in lexicon.value_map("head").items() if v.split(" ")[1] in ARMED_KINDS)

    def find(self, article: Article, sent, index: int, *, countries: frozenset[str],
             day: dt.date | None) -> list[ActorMention]:
        doc = sent.doc
        mentions: list[ActorMention] = []
        i = sent.start
        while i < sent.end:
            match = self._longest(doc, i, sent.end, countries, day)
            if match is None:
                i += 1
                continue
            i = match.end
            if self._opposed_side(doc, match, sent):
                continue
            start, end = self._extend(doc, match, sent)
            if match.form.side_only and (start, end) == (match.start, match.end):
                continue  # "Haftar" alone is a man, not his forces
            if match.needs_context and end == match.end:
                continue  # "FC", "ADF" in a story naming none of their countries: only with "fighters" after
            if match.form.exact and len(match.form.text) <= 2 and end == match.end and (
                    doc[match.start].pos_ != "PROPN" or sent.text.isupper()):
                continue  # "IS", "AA", "HM": ordinary words unless tagged as names or followed by "militants"
            while mentions and mentions[-1].span.end > doc[start].idx:
                mentions.pop()  # "pro-Turkey rebel factions, operating under OPS": the longer reading stands
            span = doc[start:end]
            entry = match.form.entry
            if entry.role == ActorRole.GROUP:
                role = next((r for prefix, r in STATE_ROLES if entry.name.startswith(prefix)), ActorRole.GROUP)
                name = entry.name
            else:  # "@military": a role, named for the country the row gives, else for the event's (events stage)
                role = entry.role
                name = actor_name(role, self._countries.name(entry.country) if entry.country else None, "")
            mentions.append(ActorMention(article.span(span.start_char, span.end_char), name, entry.kind,
                                         entry.country, index, role, span.root.idx))
            i = max(i, end)
        return mentions

    def home_countries(self, doc, *, day: dt.date | None) -> frozenset[str]:
        """The home countries of the actors an article names by a form only one actor has ("the ELN", "Boko
        Haram"; not "ADF", which two actors share), read before its places are resolved: a town named in a story
        about them is more likely theirs."""
        found: set[str] = set()
        i = 0
        while i < len(doc):
            match = self._longest(doc, i, len(doc), frozenset(), day)
            if match is None:
                i += 1
                continue
            i = match.end
            key = "".join(squash(doc[j].text, keep_case=True) for j in range(match.start, match.end))
            entries = {f.entry for f in self._lx.folded.get(key.lower(), ()) + self._lx.exact.get(key, ())
                       if f.entry.holds_on(day)}
            if len(entries) == 1 and not match.needs_context and match.form.entry.country:
                found.add(match.form.entry.country)
        return frozenset(found)

    def _longest(self, doc, i: int, end: int, countries: frozenset[str], day) -> Match | None:
        if doc[i].is_punct or doc[i].is_space:
            return None
        lx = self._lx
        exact_key = ""
        best = None
        for j in range(i, end):
            piece = squash(doc[j].text, keep_case=True)
            if not piece:
                if doc[j].is_space:
                    break
                continue
            exact_key += piece
            folded_key = exact_key.lower()
            if folded_key not in lx.prefixes:
                break
            forms = lx.folded.get(folded_key, ()) + lx.exact.get(exact_key, ())
            if forms:
                chosen = self._choose(forms, countries, day)
                if chosen is not None:
                    best = Match(i, j + 1, *chosen)
        return best

    @staticmethod
    def _choose(forms: tuple[GroupForm, ...], countries: frozenset[str], day) -> tuple[GroupForm, bool] | None:
        """The form's actor for this article (the one whose theatre it names, else the first listed), and whether
        it still needs a members' noun after it: a short acronym ("BLA", "FC") whose country is not named."""
        usable = []
        for form in forms:
            entry = form.entry
            if not entry.holds_on(day):
                continue
            if entry.context and not entry.context & countries:
                continue  # a common word ("settlers", "Rangers"): only in a story from its countries
            letters = len([c for c in form.text if c.isalnum()]) if form.exact and entry.country else 0
            elsewhere = entry.country not in countries and not entry.theatre & countries
            # "FC", "RR": without their country, only before a members' noun; "BLA", "ADF": so too when the
            # article names other countries
            usable.append((form, bool(0 < letters <= 2 and elsewhere or 0 < letters <= 4 and countries and elsewhere)))
        if len(usable) > 1:
            usable.sort(key=lambda f: (not (f[0].entry.theatre & countries), f[1]))
        return usable[0] if usable else None

    def _opposed_side(self, doc, match: Match, sent) -> bool:
        """ "anti-Houthi forces", "Iran-backed militias", "Turkish-trained": the side opposed or the backer."""
        before = [t.lower_ for t in doc[max(sent.start, match.start - 2):match.start]]
        if before[-2:] == ["anti", "-"] or (before and before[-1] == "anti"):
            return True
        after = [t.lower_ for t in doc[match.end:min(sent.end, match.end + 2)]]
        return len(after) == 2 and after[0] == "-" and after[1] in self._opposed

    def _extend(self, doc, match: Match, sent) -> tuple[int, int]:
        """Widen a match over the words that make it an actor phrase: "pro-" before, "-aligned" and a members'
        noun after ("pro-Houthi forces", "Al shabaab militants"), and the head of "fighters of X",
        "rebels under OPS", "forces loyal to Haftar"."""
        start, end = match.start, match.end
        if start - 2 >= sent.start and doc[start - 1].text == "-" and doc[start - 2].lower_ in self._side_before:
            start -= 2
        elif start - 1 >= sent.start and doc[start - 1].lower_ in self._side_before:
            start -= 1  # "pro Houthi" or spaCy keeping "pro-" whole
        elif start - 1 >= sent.start and doc[start - 1].lower_.rstrip("-") in self._side_before:
            start -= 1
        if end + 1 < sent.end and doc[end].text == "-" and doc[end + 1].lower_ in self._side_after:
            end += 2  # "Houthi-aligned"
        if end < sent.end and doc[end].lower_ in ("'s", "’s") and end + 1 < sent.end and \
                doc[end + 1].lower_ in self._members:
            end += 2  # "Haftar's forces"
        elif end < sent.end and doc[end].lower_ in self._members:
            end += 1  # "Hamas militants", "LNA forces"
        head = self._head_before(doc, start, sent)
        if head is not None:
            start = head
        return start, end

    def _head_before(self, doc, start: int, sent) -> int | None:
        """The first token of "[opposition] rebels [operating] under", "fighters of the", "forces loyal to"."""
        k = start - 1
        if k >= sent.start and doc[k].lower_ == "the":
            k -= 1
        if k >= sent.start and doc[k].lower_ == "to" and k - 1 >= sent.start and doc[k - 1].lower_ in ALLEGIANCE_WORDS:
            k -= 2
        elif k >= sent.start and doc[k].lower_ in BACK_LINKS:
            k -= 1
            if k >= sent.start and doc[k].lower_ in BACK_VERBS:
                k -= 1
        else:
            return None
        if k >= sent.start and doc[k].text == ",":
            k -= 1  # "JWS factions, operating under OPS"
        if k < sent.start:
            return None
        token = doc[k]
        if token.lower_ not in self._members and token.lemma_.lower() not in self._heads:
            return None
        first = min([t.i for t in token.lefts if t.dep_ in ("amod", "compound", "nummod", "det")] + [k])
        return first
