"""Actors: the parties an article names, normalised to ACLED-style names with a kind and a country.

Three sources: named groups from the project's table ("al-Shabaab"), force and group phrases built
around a head word ("the Armenian Armed Forces", "forces of Azerbaijan", "Azerbaijani civilians",
"gunmen"), and country names that stand for their state ("Armenia launched ..."). Which actor is
actor1 or actor2 of an event is decided later, by the assemble stage, from the syntax around the trigger.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

from ..article import ActorMention, Article
from ..geo.countries import CountryNames

# head lemma -> (role, kind)
HEADS = {
    "force": ("military", "state_forces"), "army": ("military", "state_forces"),
    "military": ("military", "state_forces"), "troop": ("military", "state_forces"),
    "soldier": ("military", "state_forces"), "serviceman": ("military", "state_forces"),
    "servicemen": ("military", "state_forces"), "navy": ("military", "state_forces"),
    "gendarmerie": ("police", "state_forces"), "gendarme": ("police", "state_forces"),
    "police": ("police", "state_forces"), "policeman": ("police", "state_forces"),
    "policemen": ("police", "state_forces"), "officer": ("police", "state_forces"), "government": ("government", "state_forces"),
    "ministry": ("government", "state_forces"), "authority": ("government", "state_forces"),
    "civilian": ("civilians", "civilians"), "resident": ("civilians", "civilians"),
    "villager": ("civilians", "civilians"), "inhabitant": ("civilians", "civilians"),
    "population": ("civilians", "civilians"), "worshipper": ("civilians", "civilians"),
    "pilgrim": ("civilians", "civilians"), "refugee": ("civilians", "civilians"),
    "farmer": ("civilians", "civilians"), "herder": ("civilians", "civilians"),
    "journalist": ("civilians", "civilians"), "passenger": ("civilians", "civilians"),
    "protester": ("protesters", "protesters"), "protestor": ("protesters", "protesters"),
    "demonstrator": ("protesters", "protesters"), "marcher": ("protesters", "protesters"),
    "rioter": ("rioters", "rioters"), "mob": ("rioters", "rioters"),
    "rebel": ("rebels", "rebels"), "insurgent": ("rebels", "rebels"), "separatist": ("rebels", "rebels"),
    "guerrilla": ("rebels", "rebels"), "jihadist": ("rebels", "rebels"), "islamist": ("rebels", "rebels"),
    "terrorist": ("rebels", "rebels"),  # what states call the armed groups fighting them, ACLED's rebels
    "militant": ("armed_group", "political_militia"), "gunman": ("armed_group", "political_militia"),
    "gunmen": ("armed_group", "political_militia"), "assailant": ("armed_group", "political_militia"),
    "attacker": ("armed_group", "political_militia"), "bandit": ("armed_group", "political_militia"),
    "militia": ("militia", "political_militia"), "coalition": ("military", "state_forces"),
    "gang": ("armed_group", "political_militia"), "gangster": ("armed_group", "political_militia"),
    "pirate": ("armed_group", "political_militia"), "kidnapper": ("armed_group", "political_militia"),
    "man": ("armed_group", "political_militia"), "men": ("armed_group", "political_militia"), "militiaman": ("militia", "political_militia"),
    "militiamen": ("militia", "political_militia"),
}
# Weapons and strikes that a nationality word makes the act of that state's military ("Russian drones",
# "an Israeli air strike"); without one they name no party.
WEAPON_HEADS = frozenset({"missile", "drone", "rocket", "shell", "shelling", "artillery", "airstrike", "strike",
                          "bomb", "bombing", "bombardment", "warplane", "jet", "aircraft", "helicopter", "tank",
                          "warship", "gunboat", "raid", "airstrikes", "strikes"})
STATE_WEAPON_QUALIFIERS = frozenset({"military", "army", "government", "regime", "junta", "navy", "naval"})
MADE_BY_WORDS = frozenset({"made", "built", "supplied", "designed", "manufactured", "produced", "provided"})
# Qualifiers that turn a force noun away from the state.
NON_STATE_QUALIFIERS = {
    "rebel": ("rebels", "rebels"), "opposition": ("rebels", "rebels"), "separatist": ("rebels", "rebels"),
    "insurgent": ("rebels", "rebels"), "militia": ("militia", "political_militia"),
    "paramilitary": ("militia", "political_militia"), "armed": None,
}
STATE_QUALIFIERS = {"government", "security", "state", "regime", "national", "federal", "pro-government",
                    "defense", "defence", "air", "special", "border", "armed"}
DEFINITE_COUNTRY_STARTS = ("United ", "Democratic Republic", "Central African", "Republic of", "Philippines",
                           "Netherlands", "Gambia", "Bahamas", "Maldives", "Comoros", "Czech Republic",
                           "Dominican Republic", "Solomon Islands", "Marshall Islands")
PLACE_HEADS = frozenset({"region", "province", "state", "district", "county", "city", "town", "village", "capital",
                         "border", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "coast", "territory", "area", "countryside", "oblast", "governorate", "camp",
                         "valley", "township", "neighbourhood", "neighborhood", "suburb", "outskirts", "municipality",
                         "island", "port"})  # nouns a place name qualifies as a place: "Mali's Mopti region"
MEMBER_WORDS = frozenset({"fighters", "fighter", "members", "member", "gunmen", "commanders", "commander", "forces",
                          "militants", "militant", "units", "unit", "cells", "cell"})
ARMED_MEN = {"armed", "masked", "unidentified", "unknown", "gun-wielding", "heavily-armed", "uniformed"}
ROLE_NAMES = {
    "military": "Military Forces of {country}", "police": "Police Forces of {country}",
    "government": "Government of {country}", "civilians": "Civilians ({country})",
    "protesters": "Protesters ({country})", "rioters": "Rioters ({country})",
    "armed_group": "Unidentified Armed Group ({country})", "rebels": "Rebels ({country})",
    "militia": "Unidentified Militia ({country})", "weapon": "Military Forces of {country}",
}
# the same names when the country is unknown: "Military Forces", "Civilians"
ROLE_NAMES_NO_COUNTRY = {role: re.sub(r" of \{country\}| \(\{country\}\)", "", name)
                         for role, name in ROLE_NAMES.items()}


def actor_name(role: str, country_name: str | None, fallback: str) -> str:
    """ACLED-style name for a role ("Military Forces of Armenia"); the fallback for named groups."""
    if role not in ROLE_NAMES:
        return fallback
    if country_name:
        if role in ("military", "police", "government") and country_name.startswith(DEFINITE_COUNTRY_STARTS):
            country_name = "the " + country_name  # "Military Forces of the United States"
        return ROLE_NAMES[role].format(country=country_name)
    return ROLE_NAMES_NO_COUNTRY[role]


@dataclass(frozen=True)
class NamedGroup:
    name: str
    kind: str
    country: str | None


def load_groups() -> dict[str, NamedGroup]:
    path = resources.files("wirecoder.taxonomy") / "actor_groups.tsv"
    forms: dict[str, NamedGroup] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            name, kind, country, surface = row[0], row[1], row[2] or None, row[3]
            for form in surface.split("|"):
                forms[form] = NamedGroup(name, kind, country)
    return forms


class ActorsStage:
    name = "actors"
    requires = ("doc", "sentences", "places")
    assigns = ("actors",)

    def __init__(self, *, countries: CountryNames, groups: dict[str, NamedGroup] | None = None):
        self._countries = countries
        self._groups = groups if groups is not None else load_groups()
        self._group_first_words = {form.split()[0] for form in self._groups}
        self._group_max_words = max((len(form.split()) for form in self._groups), default=1)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        found: list[ActorMention] = []
        taken: set[int] = set()
        for sentence in article.sentences:
            sent = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None:
                continue
            for mention in self._named_groups(article, sent, sentence.index):
                found.append(mention)
                taken.update(range(mention.span.start, mention.span.end))
            for token in sent:
                if token.idx in taken:
                    continue
                mention = self._head_phrase(article, token, sentence.index)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.span.start, mention.span.end))
            for token in sent:
                if token.idx in taken:
                    continue
                mention = self._country_as_state(article, token, sentence.index)
                if mention is not None:
                    found.append(mention)
                    taken.update(range(mention.span.start, mention.span.end))
        article.actors = sorted(found, key=lambda a: a.span.start)
        return article

    def _named_groups(self, article: Article, sent, index: int) -> list[ActorMention]:
        mentions = []
        i = sent.start
        doc = sent.doc
        while i < sent.end:
            match = None
            if doc[i].text not in self._group_first_words:
                i += 1
                continue
            for n in range(min(self._group_max_words, sent.end - i), 0, -1):
                span = doc[i:i + n]
                group = self._groups.get(span.text)
                if group is None:
                    continue
                # Two- and three-letter forms ("IS", "AA") are ordinary words unless tagged as names.
                if len(span.text) <= 3 and (span[0].pos_ != "PROPN" or span.text.isupper() and sent.text.isupper()):
                    continue
                match = (span, group)
                break
            if match is None:
                i += 1
                continue
            span, group = match
            after = doc[span.end] if span.end < sent.end else None
            if after is not None and span.root.head.i == after.i and (
                    after.lemma_.lower() in HEADS or after.lower_ in HEADS or after.lower_ in MEMBER_WORDS):
                span = doc[span.start:span.end + 1]  # "Hamas militants", "al-Shabaab fighters": the group
            mentions.append(ActorMention(article.span(span.start_char, span.end_char), group.name, group.kind,
                                         group.country, index, "group", span.root.idx))
            i = span.end
        return mentions

    def _qualifier_country(self, token) -> tuple[str | None, object]:
        """A country named by a demonym or possessive before the head, or by 'of X' after it."""
        lefts = list(token.lefts)
        if token.dep_ == "compound":  # "Saudi-led coalition air strikes": the qualifier hangs on the compound's head
            lefts += [t for t in token.head.lefts if t.i < token.i and t.dep_ in ("amod", "compound", "npadvmod")]
        for left in lefts:
            for t in left.subtree:
                text = t.text if t.text not in ("'s", "’s") else ""
                iso = self._countries.iso_for(text) if text else None
                if iso:
                    return iso, t
        for right in token.rights:
            if right.lower_ == "of":
                for t in right.subtree:
                    iso = self._countries.iso_for_name(t.text)
                    if iso is None and t.ent_type_ == "GPE":
                        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
                        iso = self._countries.iso_for_name(ent.text) if ent is not None else None
                    if iso:
                        return iso, t
        return None, None

    def _head_phrase(self, article: Article, token, index: int) -> ActorMention | None:
        lemma = token.lemma_.lower()
        lower = token.lower_
        if lemma not in HEADS and lower.endswith("s") and lower[:-1] in HEADS:
            lemma = lower[:-1]  # proper-noun plurals keep their form as lemma: "Armed Forces"
        entry = HEADS.get(lemma) or HEADS.get(lower)
        if entry is None and (lemma in WEAPON_HEADS or lower in WEAPON_HEADS) and token.pos_ == "NOUN":
            return self._weapon_of_a_state(article, token, index)
        if entry is None or token.pos_ not in ("NOUN", "PROPN"):
            return None
        if token.dep_ == "compound" and token.head.lemma_.lower() in HEADS:
            return None  # "army soldiers": the phrase is taken at its head
        if lemma == "military" and token.pos_ != "NOUN":
            return None
        role, kind = entry
        modifiers = {t.lower_ for t in token.lefts}
        for word, override in NON_STATE_QUALIFIERS.items():
            if word in modifiers and override is not None and kind == "state_forces":
                role, kind = override
        if lemma == "population" and "civilian" not in modifiers:
            return None
        if lemma in ("man", "men") and not modifiers & ARMED_MEN:
            return None  # only "armed men", "masked men", "unidentified men" are an armed group
        if lemma in ("government", "ministry", "authority") and token.dep_ == "compound":
            return None
        country, qualifier = self._qualifier_country(token)
        if kind == "state_forces" and country is None and not (modifiers & STATE_QUALIFIERS) \
                and lemma not in ("army", "police", "military", "soldier", "troop", "government", "officer"):
            return None  # bare "forces" with no owner named: too vague to call state forces
        start = min([t.idx for t in token.lefts if t.dep_ in ("amod", "compound", "poss", "nmod")]
                    + [token.idx] + ([qualifier.idx] if qualifier is not None and qualifier.idx < token.idx else []))
        end = token.idx + len(token.text)
        if qualifier is not None and qualifier.idx > token.idx:
            end = qualifier.idx + len(qualifier.text)
        country_name = self._countries.name(country) if country else None
        name = actor_name(role, country_name, token.text)
        return ActorMention(article.span(start, end), name, kind, country, index, role, token.idx)

    def _weapon_of_a_state(self, article: Article, token, index: int) -> ActorMention | None:
        """ "Russian drones", "an Israeli air strike": a weapon or strike a nationality word qualifies is that
        state's military acting, unless the word says who made it ("Iranian-made drones")."""
        if token.dep_ == "compound" and token.head.lemma_.lower() in WEAPON_HEADS:
            return None  # "air strike": the phrase is taken at its head
        country, qualifier = self._qualifier_country(token)
        if country is None or qualifier is None or qualifier.idx > token.idx:
            # "military aircraft", "government warplanes": a state's, the state where it happened (assemble)
            qualifier = next((t for t in token.lefts if t.lower_ in STATE_WEAPON_QUALIFIERS), None)
            if qualifier is None:
                return None
            country = None
        elif any(t.lower_.strip("-") in MADE_BY_WORDS for t in token.doc[qualifier.i:token.i]):
            return None
        name = actor_name("weapon", self._countries.name(country) if country else None, token.text)
        return ActorMention(article.span(qualifier.idx, token.idx + len(token.text)), name, "state_forces",
                            country, index, "weapon", token.idx)

    def _country_as_state(self, article: Article, token, index: int) -> ActorMention | None:
        """A country name in an actor's position: the state acting ('Armenia launched', 'Russia's mediation')."""
        if token.pos_ != "PROPN" or token.ent_type_ not in ("GPE", "PERSON", "ORG", "NORP", ""):
            return None
        if token.dep_ not in ("nsubj", "nsubjpass", "pobj", "poss", "conj", "appos", "compound"):
            return None
        if token.dep_ == "pobj" and token.head.lower_ not in ("by", "between", "with", "against"):
            return None  # "in Syria", "on Ganja" name a place, not a party
        if token.dep_ == "compound" and token.head.lemma_.lower() not in HEADS:
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
        return ActorMention(article.span(start, start + len(text)), actor_name("military", name, name),
                            "state_forces", iso, index, "state", token.idx)
