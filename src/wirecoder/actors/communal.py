"""Identity militias in a sentence, named as ACLED names them:

- an ethnic, tribal, clan or caste name of taxonomy/communal_groups.tsv before a militia noun: "Fulani militias",
  "Tiv militiamen", "suspected Fulani herdsmen", "Fellata and Rizeigat communal militias" -> "Fulani Ethnic
  Militia (Nigeria)", one militia for each name;
- "members of the Koli caste" as the subject of a verb -> "Koli Caste Militia (India)";
- names the lexicon does not know, before a tribe or clan noun: "Al Hayash tribesmen", "clashes between the Al
  Salih and Al Tlais families" -> "Al Hayash Tribal Militia (Yemen)", "Al Salih Clan Militia (Lebanon)";
- a name before "militia(s)" that is none of these: a place's militia is a communal militia ("Tonj South
  militia"), another name a militia of its own ("Kamuina Nsapu militia").

The country is the identity's country the sentence or the article names, else its only country, else none (the
events stage then gives the country where the event happened).
"""
from __future__ import annotations

from ..article import ActorMention, Article
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..taxonomy.actor_lexicon import ActorLexicon, Identity, squash
from ..taxonomy.kinds import ActorKind, ActorRole
from .names import actor_name

_WORDS = load_lexicon("communal_names")
JOINERS = _WORDS.words("joiner")
NAME_PARTICLES = _WORDS.words("name_particle")
MILITIA_NOUNS = _WORDS.mapping("militia_noun")
TYPE_NAMES = _WORDS.mapping("type_name")
GROUP_NOUNS = _WORDS.words("group_noun")
OPENING_PARTICLES = _WORDS.words("opening_particle")
MEMBER_NOUNS = _WORDS.words("member_noun")
PEOPLE_WORDS = _WORDS.words("people_word")


class IdentityFinder:
    def __init__(self, lexicon: ActorLexicon, countries: CountryNames):
        self._lx = lexicon
        self._countries = countries
        self._militia_words = lexicon.value_map("identity_word")
        self._type_words = lexicon.word_set("identity_type_word")
        self._feud = lexicon.value_map("feud_word")
        self._suspect = lexicon.word_set("suspect")
        self._members = lexicon.word_set("member")
        self._not_names = lexicon.word_set("not_a_name")

    def find(self, article: Article, sent, index: int, *, taken: set[int], near: list[str],
             countries: frozenset[str]) -> list[ActorMention]:
        """``near``: the countries of the sentence's places, in order; ``countries``: those the article names."""
        found: list[ActorMention] = []
        doc = sent.doc
        i = sent.start
        while i < sent.end:
            if doc[i].idx in taken:
                i += 1
                continue
            made = self._known(article, sent, i, index, near, countries)
            if made:
                found.extend(made)
                taken.update(range(made[0].span.start, max(m.span.end for m in made)))
                i = max(doc.char_span(m.span.start, m.span.end, alignment_mode="expand").end for m in made)
                continue
            i += 1
        for token in sent:
            if token.idx in taken:
                continue
            made = self._feud_or_named(article, sent, token, index, near, countries, taken)
            for mention in made:
                found.append(mention)
                taken.update(range(mention.span.start, mention.span.end))
        return found

    # -- identities the lexicon knows -------------------------------------------------------------------
    def _identity_at(self, doc, i: int, end: int) -> tuple[int, Identity] | None:
        lx = self._lx
        key, best = "", None
        for j in range(i, end):
            piece = squash(doc[j].text)
            if not piece:
                if doc[j].text in ("'", "’", "-"):
                    continue
                break
            key += piece
            identity = lx.identities.get(key) or (lx.identities.get(key[:-1]) if key.endswith("s") else None)
            if identity is not None:
                best = (j + 1, identity)
            if key not in lx.identity_prefixes and key[:-1] not in lx.identity_prefixes:
                break
        return best

    def _known(self, article: Article, sent, i: int, index: int, near, countries) -> list[ActorMention]:
        doc = sent.doc
        first = self._identity_at(doc, i, sent.end)
        if first is None or not doc[i].text[:1].isupper():
            return []
        names = [(i, first[0], first[1])]
        k = first[0]
        while k + 1 < sent.end and doc[k].lower_ in JOINERS:
            nxt = self._identity_at(doc, k + 1, sent.end) if doc[k + 1].text[:1].isupper() else None
            if nxt is None and doc[k].text == "," and k + 2 < sent.end and doc[k + 1].lower_ == "and":
                nxt = self._identity_at(doc, k + 2, sent.end)
                k += 1
            if nxt is None:
                break
            names.append((k + 1, nxt[0], nxt[1]))
            k = nxt[0]
        typed = False
        while k < sent.end and doc[k].lower_ in self._type_words:
            typed = typed or doc[k].lower_ != "self-defense"
            k += 1
        before = doc[i - 1].lower_ if i > sent.start else ""
        if k < sent.end and doc[k].lower_ in self._militia_words:
            if self._militia_words[doc[k].lower_] == "armed" and before not in self._suspect and not typed:
                return []
            last = k
        elif k < sent.end and doc[k - 1].lower_ in GROUP_NOUNS | {"caste"} and self._members_subject(doc, i, sent):
            last = k - 1  # "members of the Koli caste surrounded ...": the caste's armed men
        else:
            return []
        start = i - 1 if before in self._suspect else i
        if self._members_subject(doc, i, sent):
            start = self._members_start(doc, i)
        mentions = []
        head = doc[last]
        for n, (a, b, identity) in enumerate(names):
            span_start = doc[start].idx if n == 0 else doc[a].idx
            span_end = doc[last].idx + len(doc[last].text) if n == len(names) - 1 else doc[b - 1].idx + len(
                doc[b - 1].text)
            country = self._country(identity.countries, near, countries)
            base = f"{identity.name.split(' (')[0]} {identity.type} Militia"
            name = actor_name(ActorRole.IDENTITY, self._countries.name(country) if country else None, base)
            mentions.append(ActorMention(article.span(span_start, span_end), name, ActorKind.IDENTITY_MILITIA, country,
                                         index, ActorRole.IDENTITY, head.idx if n == 0 else doc[a].idx))
        return mentions

    @staticmethod
    def _members_subject(doc, i: int, sent) -> bool:
        """ "members of the Koli caste" as a verb's subject: the militia acting, not a community harmed."""
        k = i - 1
        if k >= sent.start and doc[k].lower_ == "the":
            k -= 1
        return k - 1 >= sent.start and doc[k].lower_ == "of" and doc[k - 1].lower_ in MEMBER_NOUNS \
            and doc[k - 1].dep_ in ("nsubj", "conj")

    @staticmethod
    def _members_start(doc, i: int) -> int:
        k = i - 1
        if doc[k].lower_ == "the":
            k -= 1
        return k - 1

    def _country(self, own: tuple[str, ...], near: list[str], countries: frozenset[str]) -> str | None:
        for pool in (near, countries):
            for iso in own:
                if iso in pool:
                    return iso
        return own[0] if len(own) == 1 else None

    # -- tribes, clans and families by name; named militias --------------------------------------------
    def _feud_or_named(self, article: Article, sent, token, index: int, near, countries,
                       taken: set[int]) -> list[ActorMention]:
        doc = sent.doc
        word = token.lower_
        if word in self._feud:
            kind_of = self._feud[word]
            after = doc[token.i + 1].lower_ if token.i + 1 < sent.end else ""
            if word in PEOPLE_WORDS and after not in self._militia_words and after not in self._members:
                return []  # "the X tribe" names a people; "X clan militia", "X tribe fighters" its armed men
            names = [n for n in self._names_before(doc, token.i, sent, taken) if self._is_name(doc[n[0]:n[1]])]
            if not names or word == "families" and len(names) < 2:
                return []
            last = token.i + 1 if after in self._militia_words else token.i
            country = _main_country(near, countries)
            mentions = []
            for n, (a, b) in enumerate(names):
                end_token = doc[last] if n == len(names) - 1 else doc[b - 1]
                base = f"{doc[a:b].text} {kind_of} Militia"
                name = actor_name(ActorRole.IDENTITY, self._countries.name(country) if country else None, base)
                mentions.append(ActorMention(article.span(doc[a].idx, end_token.idx + len(end_token.text)), name,
                                             ActorKind.IDENTITY_MILITIA, country, index, ActorRole.IDENTITY,
                                             doc[last].idx if n == 0 else doc[a].idx))
            return mentions
        if word in MILITIA_NOUNS:
            typed = TYPE_NAMES.get(doc[token.i - 1].lower_) if token.i - 1 >= sent.start else None
            names = self._names_before(doc, token.i - (typed is not None), sent, taken, joined=False)
            if not names:
                return []
            a, b = names[0]
            text = doc[a:b].text
            if not self._is_name(doc[a:b]):
                return []
            if typed is not None:  # "the Al Humayqani tribal militia"
                country = _main_country(near, countries)
                name = actor_name(ActorRole.IDENTITY, self._countries.name(country) if country else None,
                                  f"{text} {typed} Militia")
                return [ActorMention(article.span(doc[a].idx, token.idx + len(token.text)), name,
                                     ActorKind.IDENTITY_MILITIA, country, index, ActorRole.IDENTITY, token.idx)]
            place = next((p for p in article.places if p.span.start <= doc[a].idx < p.span.end), None)
            country = place.country if place is not None and place.country else _main_country(near, countries)
            noun = MILITIA_NOUNS[word]
            role, kind, base = (ActorRole.IDENTITY, ActorKind.IDENTITY_MILITIA, f"{text} Communal Militia") \
                if place is not None and noun == "Militia" else \
                (ActorRole.NAMED_MILITIA, ActorKind.POLITICAL_MILITIA, f"{text} {noun}")
            name = actor_name(role, self._countries.name(country) if country else None, base)
            return [ActorMention(article.span(doc[a].idx, token.idx + len(token.text)), name, kind, country, index,
                                 role, token.idx)]
        return []

    def _is_name(self, span) -> bool:
        """A tribe's, clan's or militia's own name: not a nationality ("Yemeni tribesmen"), a creed or an
        adjective ("Sunni", "Unidentified")."""
        return not any(self._countries.iso_for(t.text) or t.lower_ in self._not_names for t in span)

    @staticmethod
    def _names_before(doc, k: int, sent, taken: set[int], *, joined: bool = True) -> list[tuple[int, int]]:
        """The capitalised names before token ``k``, joined by "and" or commas: [(start, end), ...] in order."""
        names: list[tuple[int, int]] = []
        end = k
        while True:
            start = end
            while start - 1 >= sent.start and doc[start - 1].idx not in taken and (
                    doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
                    or doc[start - 1].lower_ in NAME_PARTICLES and start - 1 > sent.start
                    and start < end):
                start -= 1
            while start < end and doc[start].lower_ in NAME_PARTICLES - OPENING_PARTICLES:
                start += 1
            if start == end or start == sent.start and doc[start].text[:1].isupper() and doc[start].pos_ != "PROPN":
                break
            names.insert(0, (start, end))
            if not joined or start - 1 < sent.start or doc[start - 1].lower_ not in JOINERS:
                break
            end = start - 1
            if end - 1 >= sent.start and doc[end].lower_ == "and" and doc[end - 1].text == ",":
                end -= 1
        return names


def _main_country(near: list[str], countries: frozenset[str]) -> str | None:
    """The country of a sentence: the one most of its places lie in (the later on a tie: "Baalbek, Lebanon"), else
    the article's only country."""
    if near:
        return max(near, key=lambda c: (near.count(c), max(i for i, x in enumerate(near) if x == c)))
    return next(iter(countries)) if len(countries) == 1 else None
