"""Actors: the parties an article names, normalised to ACLED-style names with a kind and a country.

Four sources, in this order (a word one of them takes is not read again): named actors of the actor lexicon
("al-Shabaab", "pro-Houthi forces", "GNA forces"; actors/groups.py), identity militias ("Fulani militias",
"Al Hayash tribesmen"; actors/communal.py), phrases built around a head word ("the Armenian Armed Forces",
"forces of Azerbaijan", "a policeman", "military police forces", "Azerbaijani civilians", "armed men", "drug
traffickers"), and country names that stand for their state ("Armenia launched ..."). Which actor is actor1 or
actor2 of an event is decided later, by the event_actors stage, from the syntax around the trigger; whether a state's
forces act abroad as external forces, after it (stages/interventions.py). The word lists are data:
taxonomy/actor_words.tsv and docs/actors.md.
"""
from __future__ import annotations

import dataclasses

from ..article import ActorMention, Article
from ..geo.countries import CountryNames
from ..taxonomy.actor_lexicon import ActorLexicon, load_actor_lexicon
from ..taxonomy.kinds import ActorKind, ActorRole
from ..actors.communal import IdentityFinder
from ..actors.groups import GroupFinder
from ..actors.names import PLACE_HEADS, actor_name
from ..lexicon import load_lexicon
from ..quoting.cues import load_cue_verbs

__all__ = ["ActorsStage", "PLACE_HEADS", "actor_name"]
_PARTY_PREPOSITIONS = load_lexicon("actor_groups").words("party_preposition")  # "by X", "between X and Y"


@dataclasses.dataclass(frozen=True)
class Head:
    role: str
    kind: str
    vague: bool  # "forces", "personnel": names no one without an owner, a state qualifier or a unit word
    armed: bool  # "men", "individuals", "youths": an armed group only with "armed", "unidentified", ...


class ActorsStage:
    name = "actors"
    requires = ("doc", "sentences", "places", "published", "datelines")
    assigns = ("actors",)

    def __init__(self, *, countries: CountryNames, lexicon: ActorLexicon | None = None):
        self._countries = countries
        self._lx = lexicon if lexicon is not None else load_actor_lexicon()
        self._groups = GroupFinder(self._lx, countries)
        self._identities = IdentityFinder(self._lx, countries)
        heads = {}
        for word, value in self._lx.value_map("head").items():
            role, kind, *flags = value.split()
            heads[word] = Head(role, kind, "vague" in flags, "armed" in flags)
        self._heads = heads
        self._unit_roles = self._lx.value_map("unit_role")
        self._non_state = {w: tuple(v.split()) for w, v in self._lx.value_map("non_state_qualifier").items()}
        self._state_qualifiers = self._lx.word_set("state_qualifier")
        self._owners = load_lexicon("event_actors").words("self_possessive")  # "its forces": the speaker's
        self._speech_verbs = frozenset(load_cue_verbs())
        self._armed_qualifiers = self._lx.word_set("armed_qualifier")
        self._weapon_heads = self._lx.word_set("weapon_head")
        self._state_weapon = self._lx.word_set("state_weapon_qualifier")
        self._opposed = self._lx.word_set("opposed")
        self._air = self._lx.word_set("unattributed_air")
        self._state_bodies = self._lx.word_set("state_body")
        self._own_name_heads = self._lx.word_set("own_name_head")
        self._unknown = self._lx.word_set("unknown_qualifier")

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        found: list[ActorMention] = []
        sentences = [(sentence, doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand"))
                     for sentence in article.sentences]
        sentences = [(sentence, sent) for sentence, sent in sentences if sent is not None]
        countries, groups_of = self._named_actors(article, sentences)
        for sentence, sent in sentences:
            near = [p.country for p in article.places if p.country and sentence.span.start <= p.span.start
                    < sentence.span.end]
            # "IMPHAL, India, Aug 31 (Wire) - ...": a dateline's country is where the copy was filed, no party
            taken = {i for d in article.datelines if sentence.span.start <= d.start < sentence.span.end
                     for i in range(d.start, d.end)}
            groups = groups_of[sentence.index]
            for mention in groups:
                found.append(mention)
                taken.update(range(mention.span.start, mention.span.end))
            found.extend(self._identities.find(article, sent, sentence.index, taken=taken, near=near,
                                               countries=countries))
            for finder in (self._head_phrase, self._country_as_state):
                for token in sent:
                    if token.idx in taken:
                        continue
                    mention = finder(article, token, sentence.index)
                    if mention is None:
                        continue
                    taken.update(range(mention.span.start, mention.span.end))
                    if mention.role != ActorRole.WEAPON and any(g.span.overlaps(mention.span) for g in groups):
                        continue  # "a suspected NPA finance officer": one of the group, which stands for him
                    found.append(self._weapon_of_a_group(mention, groups))
                    if finder == self._head_phrase:
                        found.extend(self._other_states(article, token, mention))
        article.actors = sorted(found, key=lambda a: (a.span.start, a.span.end))
        return article

    def _named_actors(self, article: Article, sentences) -> tuple[frozenset[str], dict[int, list[ActorMention]]]:
        """The countries the article names and its named actors by sentence. An actor named in full ("Houthi
        forces", "Hayat Tahrir al-Sham") names its country too, for the short or common forms elsewhere in the
        article ("National Resistance forces" in a story about the Houthis; "SNA" where the HTS is named)."""
        countries = self._article_countries(article)
        for _ in range(2):
            groups_of = {sentence.index: self._groups.find(article, sent, sentence.index, countries=countries,
                                                           day=article.published) for sentence, sent in sentences}
            named = {m.country for found in groups_of.values() for m in found
                     if m.country and len(m.span.text) > 5 and not m.span.text.isupper()}
            if named <= countries:
                break
            countries = countries | named
        return countries, groups_of

    def _article_countries(self, article: Article) -> frozenset[str]:
        """The countries the article names: its places' and its country names' and nationality words'."""
        named = {p.country for p in article.places if p.country}
        named.update(iso for ent in article.doc.ents if ent.label_ in ("GPE", "NORP")
                     for iso in [self._countries.iso_for(ent.text)] if iso)
        return frozenset(named)

    # -- head phrases -----------------------------------------------------------------------------------
    def _head_of(self, token) -> tuple[str, Head] | None:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma not in self._heads and lower.endswith("s") and lower[:-1] in self._heads:
            lemma = lower[:-1]  # proper-noun plurals keep their form as lemma: "Armed Forces"
        head = self._heads.get(lemma) or self._heads.get(lower)
        return (lemma if lemma in self._heads else lower, head) if head is not None else None

    def _unit_role(self, words: list[str]) -> str | None:
        """The role the words before a head give it: a pair first ("military police", "border police",
        "security guard"), else the first unit word ("police forces", "prison guards")."""
        pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
        return next((self._unit_roles[w] for w in pairs + words[:-1] if w in self._unit_roles), None)

    def _qualifier_country(self, token) -> tuple[str | None, object]:
        """A country named by a demonym or possessive before the head, or by 'of X' after it; not a backer
        ("Iran-backed militias") or a maker ("Iranian-made drones")."""
        lefts = list(token.lefts)
        if token.dep_ == "compound":  # "Saudi-led coalition air strikes": the qualifier hangs on the compound's head
            lefts += [t for t in token.head.lefts if t.i < token.i and t.dep_ in ("amod", "compound", "npadvmod")]
        for left in lefts:
            for t in left.subtree:
                iso = self._iso_of(t) if t.text not in ("'s", "’s") else None
                if iso:
                    between = token.doc[t.i + 1:token.i]
                    if any(b.lower_.strip("-") in self._opposed for b in between):
                        return None, None
                    return iso, t
        for right in token.rights:
            if right.lower_ == "of":
                for t in right.subtree:
                    iso = self._iso_of(t, names_only=True)
                    if iso:
                        return iso, t
        return None, None

    def _speaker_country(self, token) -> str | None:
        """The country in the words of the sentence's speaker, whose forces "its forces" are ("Russia's defence
        ministry said ...", "the Israeli military said ..."); None when the speaker names none ("the group")."""
        root = token.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or root.lemma_.lower() not in self._speech_verbs:
            return None
        return next((iso for t in subject.subtree if (iso := self._iso_of(t))), None)

    def _iso_of(self, token, *, names_only: bool = False) -> str | None:
        """The country a token names, read on the whole entity it sits in first ("the army of South Sudan", "the
        United States air force"), else on the token ("Afghan forces")."""
        find = self._countries.iso_for_name if names_only else self._countries.iso_for
        if token.ent_type_ in ("GPE", "NORP", "LOC"):
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and len(ent) > 1:
                iso = find(ent.text)
                if iso:
                    return iso
        doc = token.doc
        for start, end in ((token.i - 1, token.i + 1), (token.i, token.i + 2)):  # "South Sudan People's Defence
            if 0 <= start and end <= len(doc):  # Forces": a country of two words inside another entity's name
                iso = self._countries.iso_for_name(doc[start:end].text)
                if iso:
                    return iso
        return find(token.text)

    def _head_phrase(self, article: Article, token, index: int) -> ActorMention | None:
        found = self._head_of(token)
        if found is None and token.pos_ == "NOUN" and (token.lemma_.lower() in self._weapon_heads
                                                       or token.lower_ in self._weapon_heads):
            return self._weapon_of_a_state(article, token, index)
        if found is None or token.pos_ not in ("NOUN", "PROPN"):
            return None
        lemma, head = found
        if token.dep_ == "compound" and self._head_of(token.head) is not None:
            return None  # "army soldiers", "police officer": the phrase is taken at its head
        if lemma == "military" and token.pos_ != "NOUN":
            return None
        if lemma in self._state_bodies and token.dep_ == "compound":
            return None
        role, kind = head.role, head.kind
        lefts = [t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "nummod", "det", "poss", "npadvmod")]
        modifiers = {t.lower_ for t in token.lefts} | {t.lemma_.lower() for t in lefts}
        unit = self._unit_role([t.lower_ for t in lefts if t.i < token.i] + [lemma])
        if unit is not None and (kind == ActorKind.STATE_FORCES or role in (ActorRole.MILITIA, ActorRole.ARMED_GROUP)):
            role = unit
            kind = ActorKind.POLITICAL_MILITIA if unit == ActorRole.GANG else ActorKind.EXTERNAL_FORCES \
                if unit == ActorRole.PRIVATE_SECURITY else ActorKind.STATE_FORCES
        for word in modifiers:
            override = self._non_state.get(word)
            if override is not None and kind in (ActorKind.STATE_FORCES, ActorKind.POLITICAL_MILITIA) and unit not in (
                    ActorRole.POLICE, ActorRole.MILITARY):
                role, kind = override
        if lemma == "population" and "civilian" not in modifiers:
            return None
        if head.armed and not modifiers & self._armed_qualifiers:
            return None  # only "armed men", "masked men", "unidentified individuals" are an armed group
        country, qualifier = self._qualifier_country(token)
        own = self._own_name(token, lefts) if head.role == ActorRole.MILITARY and country is None else None
        if own is not None:  # "Sharqiya Army": a named armed group the lexicon does not know, not a state's army
            return ActorMention(article.span(own.start_char, own.end_char), own.text, ActorKind.REBELS, None,
                                index, ActorRole.GROUP, token.idx)
        owned = any(c.dep_ == "poss" and c.lower_ in self._owners for c in token.children)
        if head.vague and country is None and owned:
            country = self._speaker_country(token)  # "Russia's defence ministry said its forces had struck ..."
        if head.vague and role == head.role and kind == head.kind and country is None and \
                not modifiers & self._state_qualifiers:
            return None  # bare "forces" with no owner named: too vague to call state forces
        start = min([t.idx for t in lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
                    + [token.idx] + ([qualifier.idx] if qualifier is not None and qualifier.idx < token.idx else []))
        end = token.idx + len(token.text)
        if qualifier is not None and qualifier.idx > token.idx:
            ent = next((e for e in token.doc.ents if e.start <= qualifier.i < e.end), None)
            end = ent.end_char if ent is not None else qualifier.idx + len(qualifier.text)
        country_name = self._countries.name(country) if country else None
        name = actor_name(role, country_name, token.text)
        return ActorMention(article.span(start, end), name, kind, country, index, role, token.idx)

    def _other_states(self, article: Article, token, mention: ActorMention) -> list[ActorMention]:
        """The other states of a force phrase that names two ("military forces of India and Pakistan"): each its own
        force, sharing the phrase's head word (the stage reading the event's sides takes them as the two sides of a
        clash)."""
        if mention.country is None or mention.kind != ActorKind.STATE_FORCES:
            return []
        _, qualifier = self._qualifier_country(token)
        out = []
        for other in (qualifier.conjuncts if qualifier is not None else ()):
            iso = self._iso_of(other)
            if iso and iso != mention.country and all(a.country != iso for a in out):
                ent = next((e for e in other.doc.ents if e.start <= other.i < e.end), None)
                start, end = (ent.start_char, ent.end_char) if ent is not None else (other.idx, other.idx + len(other))
                out.append(dataclasses.replace(mention, span=article.span(start, end), country=iso, name=actor_name(
                    mention.role, self._countries.name(iso), token.text)))
        return out

    def _own_name(self, token, lefts):
        """ "Sharqiya Army", "Zintan Brigade Forces": capitalised names before a capitalised "Army" or "Forces"
        that are no country, nationality, state word or unit: the group's own name, as a span."""
        if not token.text[:1].isupper() or token.lower_ not in self._own_name_heads:
            return None
        names = [t for t in lefts if t.dep_ in ("compound", "amod") and t.i < token.i]
        if not names or not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in names) or any(
                t.lower_ in self._state_qualifiers or t.lower_ in self._unit_roles or self._iso_of(t) for t in names):
            return None
        return token.doc[min(t.i for t in names):token.i + 1]

    def _weapon_of_a_state(self, article: Article, token, index: int) -> ActorMention | None:
        """ "Russian drones", "an Israeli air strike": a weapon or strike a nationality word qualifies is that
        state's military acting, unless the word says who made it ("Iranian-made drones")."""
        if token.dep_ == "compound" and (token.head.lemma_.lower() in self._weapon_heads):
            return None  # "air strike": the phrase is taken at its head
        country, qualifier = self._qualifier_country(token)
        if country is None or qualifier is None or qualifier.idx > token.idx:
            # "military aircraft", "government warplanes": a state's, the state where it happened (events stage)
            qualifier = next((t for t in token.lefts if t.lower_ in self._state_weapon), None)
            unknown = next((t for t in token.lefts if t.lower_ in self._unknown), None)
            if qualifier is None and unknown is not None and (token.lemma_.lower() in self._air or
                                                              token.lower_ in self._air):
                return ActorMention(article.span(unknown.idx, token.idx + len(token.text)),
                                    actor_name(ActorRole.UNIDENTIFIED_MILITARY, None, token.text),
                                    ActorKind.EXTERNAL_FORCES, None, index, ActorRole.UNIDENTIFIED_MILITARY, token.idx)
            if qualifier is None:
                return None
            country = None
        name = actor_name(ActorRole.WEAPON, self._countries.name(country) if country else None, token.text)
        return ActorMention(article.span(qualifier.idx, token.idx + len(token.text)), name, ActorKind.STATE_FORCES,
                            country, index, ActorRole.WEAPON, token.idx)

    def _country_as_state(self, article: Article, token, index: int) -> ActorMention | None:
        """A country name in an actor's position: the state acting ('Armenia launched', 'Russia's mediation')."""
        if token.pos_ != "PROPN" or token.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP", ""):
            return None
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss", "conj", "appos", "compound"):
            return None
        if token.dep_ == "pobj" and token.head.lower_ not in _PARTY_PREPOSITIONS:
            return None  # "in Syria", "on Ganja" name a place, not a party
        if token.dep_ == "compound" and self._head_of(token.head) is None:
            return None
        if token.dep_ == "poss" and (token.head.lemma_.lower() in PLACE_HEADS or any(
                p.span.start <= token.head.idx < p.span.end for p in article.places)):
            return None  # "central Mali's Mopti region", "Nigeria's Zamfara state": a place, not a party
        # Multi-word names ("Saudi Arabia"): take the whole entity when the token sits in one.
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        text = ent.text if ent is not None and ent.label_ in ("GPE", "PERSON", "ORG") else token.text
        start = ent.start_char if ent is not None and text == ent.text else token.idx
        iso = self._countries.iso_for_name(text)
        if iso is None or token.i != (ent.root.i if ent is not None and text == ent.text else token.i):
            return None
        name = self._countries.name(iso)
        return ActorMention(article.span(start, start + len(text)), actor_name(ActorRole.MILITARY, name, name),
                            ActorKind.STATE_FORCES, iso, index, ActorRole.STATE, token.idx)

    @staticmethod
    def _weapon_of_a_group(mention: ActorMention, groups: list[ActorMention]) -> ActorMention:
        """ "Saudi-led coalition airstrikes": a weapon whose qualifier is a named actor is that actor's."""
        if mention.role != ActorRole.WEAPON:
            return mention
        owner = next((g for g in groups if g.span.start <= mention.span.start < g.span.end), None)
        if owner is None:
            return mention
        return dataclasses.replace(mention, name=owner.name, kind=owner.kind, country=owner.country, role=owner.role)
