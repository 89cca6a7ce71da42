"""Toponym recognition: which stretches of an article name places.

spaCy's small English model finds many places but tags many towns as persons and some areas as nationalities,
so recognition takes every named entity and every run of capitalised words that the gazetteer knows, and keeps
one when the evidence says it is a place: spaCy calls it GPE, LOC or FAC, or it names a country, continent or
well-known region; the words around it say so (a locative word before it, "attack on X", "in X"; an area word
after or before it, "X district", "the outskirts of X"); it is listed with a place ("cities of X, Y and Z"); it
is a proper noun naming a sizeable town or an area of a country the article names; it is a prominent place
hyphenated to what it qualifies ("U.S.-led"), or the town an institution bears ("the University of Eldoret").

Dropped: a nationality word, part of a person's name found elsewhere ("Hulusi Akar", then "Akar"), a name after a
title ("Mr"), lower case, a lone stop word, a disease ("West Nile virus"), a name capitalised only by a title-case
headline or opening a name spaCy split ("Colonia" + "Hogar Moderno"). "in Congress", "from Obama": not enough.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import load_lexicon
from .countries import COUNTRY_CODES
from .article_context import Candidate, countries_of_nationality_words, read_in_article, strong, without_nested
from .cues import apposition_after, based_after, cue_before
from .line_openers import line_openers
from .mistagged import after_place_preposition, mistagged_place
from .names import name_key, written_as_abbreviation, written_variants
from .name_runs import name_past_entity, names_joined_by_and, opens_a_longer_name, opens_a_split_name
from .entry_tests import prominent, with_areas_of_the_bare_name
from .evidence import ORG_MIN_POPULATION, PLACE_LABELS, has_evidence
from .not_places import (NATURAL_AREA_WORDS, initials_of_no_place, inside_a_group_name, labels_a_field,
                         names_a_countrys_land, names_a_currency, part_of_a_name_in_brackets)
from .store import Entry, Gazetteer, NameKind
from .wording import (AREA_WORDS, ARTICLES, COMMON_WORDS, COMMUNITY_WORDS, DIRECTION_WORDS, DISEASE_WORDS, HYPHENS,
                      MONTH_WORDS, NOT_PLACE_ABBREVIATIONS, QUALIFIER_PREPOSITIONS, SETTLEMENT_WORDS,
                      SWALLOWED_PREPOSITIONS, TOWN_INSTITUTIONS, TITLE_WORDS, area_phrase_ending, area_word_after,
                      area_word_before, capitalised_in_name, dated_name, hint_of_word, is_name_run, is_part_direction,
                      list_parts, locative_before, people_adjective, previous_word, route_ends,
                      settlement_word_before, title_case_tokens, trim_articles_and_punctuation, without_kind_word)

NEVER_PLACE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW"})
MAX_WORDS = 5
FACILITY_WORDS = load_lexicon("place_names").words("facility_word")
NAME_ARTICLES = load_lexicon("place_names").words("name_article")


@dataclass(frozen=True)
class Toponym:
    """A stretch of text taken for a place name, with every gazetteer entry its name matches."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    hint: str | None = None  # "settlement" or "area" when the words around it say which
    label: str = ""
    area_word: str | None = None  # the word after it that says what it is ("district", "city")


class Recognizer:
    """Finds the toponyms of a spaCy Doc, using the gazetteer for membership."""

    def __init__(self, *, gazetteer: Gazetteer, organisation_names: frozenset[str] = frozenset()):
        self.gazetteer = gazetteer
        self.organisation_names = organisation_names  # groups' names, folded, and their acronyms as written ("M23")

    def is_group_name(self, text: str) -> bool:
        return name_key(text) in self.organisation_names or text.strip() in self.organisation_names

    def names_a_group(self, text: str, entries: tuple[Entry, ...]) -> bool:
        """A name of an armed or political group that no sizeable place bears ("Taliban" is a hamlet's other name)."""
        return self.is_group_name(text) and not prominent(entries) and not any(
            e.population >= ORG_MIN_POPULATION for e in entries)

    def find(self, doc) -> list[Toponym]:
        person_words = self._person_words(doc)
        text = doc.text  # spaCy joins every token to make it: once per document
        datelines = line_openers(doc, text, lambda start, end: self._lookup(doc, start, end))
        taken = {j for c in datelines for j in range(c.start_token, c.end_token)}
        found = self._entity_candidates(doc, person_words) + self._capitalised_candidates(doc, person_words)
        candidates = datelines + [c for c in found if not taken.intersection(range(c.start_token, c.end_token))]
        spanned = {j for c in candidates if c.label == "NAME_OVER_ENTITY" for j in range(c.start_token, c.end_token)}
        candidates = [c for c in candidates if c.label == "NAME_OVER_ENTITY"
                      or not spanned.intersection(range(c.start_token, c.end_token))]
        candidates = names_joined_by_and(doc, candidates, lambda start, end: self._lookup(doc, start, end))
        kept = without_nested([c for c in candidates if self._admissible(doc, c, person_words)])
        for cand in kept:  # a line's opening name (a dateline, a round-up item's label) is accepted as found
            cand.accepted = cand.accepted or has_evidence(doc, text, cand, person_words=person_words)
        read_in_article(doc, kept, nationalities=countries_of_nationality_words(candidates), person_words=person_words,
                        names_opening=self.gazetteer.names_opening)
        return [self._toponym(doc, text, c) for c in kept if c.accepted]

    def _entity_candidates(self, doc, person_words: set[str]) -> list[Candidate]:
        out, covered = [], 0
        for ent in doc.ents:
            label = "" if dated_name(ent) else ent.label_  # "in Manbij on Wednesday": spaCy tagged Manbij a DATE
            if label in NEVER_PLACE_LABELS or ent.start < covered:
                continue  # ("Spain city" of "Port" + "of Spain city": inside the name before it)
            start, end = trim_articles_and_punctuation(doc, ent.start, ent.end)
            if start >= end:
                continue
            if start > 0 and is_part_direction(doc[start - 1]) and not is_part_direction(doc[start]):
                start -= 1  # "Central" left outside the entity "Anatolia": the direction belongs to the name
            end, entries = name_past_entity(doc, start, end, lambda a, b: self._lookup(doc, a, b))
            covered = end
            if not entries:
                entries = self._lookup(doc, start, end) or self._lookup_without_direction(doc, start, end)
            if not entries:
                start, end, entries = self._strip_area_word(doc, start, end)
            if entries:
                if not opens_a_split_name(doc, start, end, label, entries):  # "Colonia" + "Hogar Moderno"
                    name = doc[start:end].text
                    out.append(Candidate(start, end, with_areas_of_the_bare_name(self.gazetteer, name, entries), label))
                continue
            parts = list_parts(doc, start, end) if not (route_ends(doc, start, end) and any(  # "Pan-American": no towns
                e.kind == NameKind.DEMONYM for j in range(start, end) for e in self._lookup(doc, j, j + 1))) else []
            in_parts = [Candidate(p_start, p_end, part_entries, route_ends(doc, start, end)) for p_start, p_end in parts
                        if (part_entries := self._lookup(doc, p_start, p_end))] if len(parts) > 1 else []
            if in_parts or (len(parts) > 1 and label in ("GPE", "LOC")):
                out.extend(in_parts)  # a run over a list of names ("Ganja, Mingachevir", "Pattani's Nong Chik")
            elif label in ("GPE", "LOC"):
                out.append(Candidate(start, without_kind_word(doc, start, end), (), label))  # "Bulani village"
            elif label in ("FAC", "ORG", "PERSON") and (settlement_word_before(doc, start) or apposition_after(
                    doc.text, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])) == "settlement"):
                out.append(Candidate(start, end, (), "LOC"))  # "the town of Pont-Sonde", "Koura Daga, a village of"
            elif label == "PERSON" and end - start == 1 and locative_before(doc, start) \
                    and self._qualified_by_a_place(doc, end):
                # "in Jangebe, in Nigeria's Zamfara state": a village spaCy took for a person, placed by its area
                out.append(Candidate(start, end, (), "LOC"))
            elif mistagged_place(doc, start, end, label, person_words=person_words):
                out.append(Candidate(start, end, (), "LOC"))  # "clash in Bashurhat": a village spaCy took for a people
            else:
                prefix = self._place_prefix(doc, start, end)
                if prefix is not None:
                    out.append(prefix)
                else:
                    out.extend(self._place_inside(doc, start, end))
        return out

    def _qualified_by_a_place(self, doc, end: int) -> bool:
        """A comma, maybe "in" or "near" (or "a village in", "a community near"), then a known place: what follows a
        village's name in news ("Kwall, a community in Bassa LGA")."""
        j = end
        if j >= len(doc) or doc[j].text != ",":
            return False
        j += 1
        if j + 2 < len(doc) and doc[j].lower_ in ARTICLES and doc[j + 1].lower_ in SETTLEMENT_WORDS | COMMUNITY_WORDS \
                and doc[j + 2].lower_ in QUALIFIER_PREPOSITIONS:
            j += 2
        if j < len(doc) and doc[j].lower_ in QUALIFIER_PREPOSITIONS:
            j += 1
        while j < len(doc) and doc[j].lower_ in ARTICLES:
            j += 1
        if j >= len(doc) or not doc[j].text[:1].isupper():
            return False
        entity = next((e for e in doc.ents if e.start == j), None)
        stop = entity.end if entity is not None and entity.label_ in ("GPE", "LOC") else j + 1
        words = doc[j:stop]
        if words[-1].text in ("'s", "’s"):
            words = doc[j:stop - 1]
        return bool(words) and bool(self._lookup(doc, words.start, words.end))

    def _place_inside(self, doc, start: int, end: int) -> list[Candidate]:
        """A place an entity run swallowed after "in" or "at" ("the Children's Hospital of Manitoba in Winnipeg"), or
        the town an institution bears after "of": the name after the preposition, to the end."""
        if end - start > 2 and doc[start].lower_ in TOWN_INSTITUTIONS and doc[start + 1].lower_ == "of" \
                and (entries := [e for e in self._lookup(doc, start + 2, end) if e.feature_class == "P"]):
            return [Candidate(start + 2, end, tuple(entries), "LOC")]
        for j in range(start + 1, end - 1):
            if doc[j].lower_ in SWALLOWED_PREPOSITIONS and doc[j + 1].text[:1].isupper():
                entries = self._lookup(doc, j + 1, end)
                if entries:
                    return [Candidate(j + 1, end, entries, "")]
        return []

    def _place_prefix(self, doc, start: int, end: int) -> Candidate | None:
        """A prominent place hyphened to what it qualifies ("U.S.-led"), or naming a building ending the entity."""
        for stop in range(end - 1, start, -1):
            if doc[stop].text not in HYPHENS or doc[stop - 1].whitespace_:
                continue
            if stop + 1 < end and doc[stop + 1].text[:1].isupper():
                continue  # "Pont-Sonde": a hyphenated name of its own, not "Pont" qualifying something
            entries = self._lookup(doc, start, stop)
            if entries and prominent(entries):
                return Candidate(start, stop, entries, "PREFIX")
        if doc[end - 1].lower_ in FACILITY_WORDS:  # "Seoul City Hall", "Kabul University": a building of the town
            for stop in range(end - 1, start, -1):  # by the town's own name ("Bin" is no name of Vienna)
                entries = self._lookup(doc, start, stop)
                if prominent(tuple(e for e in entries if e.kind == NameKind.PRIMARY)):
                    return Candidate(start, stop, entries, "PREFIX")
        return None

    def _capitalised_candidates(self, doc, person_words: set[str]) -> list[Candidate]:
        out: list[Candidate] = []
        headline_tokens = title_case_tokens(doc)
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.ent_type_ or not capitalised_in_name(tok) or i in headline_tokens:
                i += 1
                continue
            end, entries = name_past_entity(doc, i, i + 1, lambda a, b: self._lookup(doc, a, b))
            found = Candidate(i, end, entries, "") if entries else None  # "Pul-e Khumri", "Mazar-e Sharif"
            for width in range(MAX_WORDS, 0, -1) if found is None else ():
                end = i + width
                if end > len(doc):
                    continue
                if not is_name_run(doc, i, end):
                    found = self._name_over_entity(doc, i, end)
                    if found is not None:
                        break
                    continue
                entries = self._lookup(doc, i, end)
                if not entries and width >= 2:
                    entries = self._lookup_without_direction(doc, i, end)
                if entries and tok.is_sent_start:  # "Battleground state ...": only a place's own name
                    entries = tuple(e for e in entries if e.kind == NameKind.PRIMARY)
                if entries:
                    found = Candidate(i, end, entries, "")
                    break
            if found is None and tok.pos_ == "PROPN" and mistagged_place(doc, i, i + 1, "", person_words=person_words):
                found = Candidate(i, i + 1, (), "LOC")  # "Community leaders in Isapa": a name no one tagged
            if found is None:
                i += 1
            else:
                if not opens_a_longer_name(doc, found):
                    out.append(found)
                i = found.end_token
        return out

    def _name_over_entity(self, doc, start: int, end: int) -> Candidate | None:
        """A place's own name that spaCy cut into a word and an entity ("Dera" + PERSON "Ismail Khan"): capitalised
        words run on into the entity, which ends where the name ends, and the whole is a prominent place's name."""
        tokens = doc[start:end]
        if any(not (t.text[:1].isupper() and t.is_alpha) for t in tokens) or not tokens[-1].ent_type_:
            return None
        if tokens[-1].ent_iob_ == "B" and end - start < 2 or (end < len(doc) and doc[end].ent_iob_ == "I"):
            return None  # the entity goes on past the name
        first_entity = next(t.i for t in tokens if t.ent_type_)
        if first_entity == start or doc[first_entity].ent_iob_ != "B":
            return None
        entries = tuple(e for e in self._lookup(doc, start, end) if e.kind == NameKind.PRIMARY)
        return Candidate(start, end, entries, "NAME_OVER_ENTITY") if prominent(entries) else None

    def _lookup(self, doc, start: int, end: int) -> tuple[Entry, ...]:
        text = doc[start:end].text
        entries = self.gazetteer.lookup_key(name_key(text))
        for variant in written_variants(text) if not entries else ():
            entries = self.gazetteer.lookup(variant)
            if entries:
                break
        if not written_as_abbreviation(text):
            entries = tuple(e for e in entries if e.kind != NameKind.ABBREVIATION)
        return entries

    def _lookup_without_direction(self, doc, start: int, end: int) -> tuple[Entry, ...]:
        """ "Central Anatolia", "Southern Yemen": a direction word before a known place names a part of it; the
        whole stays one toponym, placed at the place (never the direction word alone)."""
        if end - start >= 2 and is_part_direction(doc[start]) and doc[start + 1].text[:1].isupper():
            return self._lookup(doc, start + 1, end)
        return ()

    def _strip_area_word(self, doc, start: int, end: int) -> tuple[int, int, tuple[Entry, ...]]:
        """ "Ganja city", "Bassa Local Government Area", "Village Malakal": the name alone, when only it is known."""
        phrase = area_phrase_ending(doc, start, end)
        if phrase:
            entries = self._lookup(doc, start, end - phrase)
            if entries:
                return start, end - phrase, entries
        if end - start >= 2 and doc[end - 1].lower_ in AREA_WORDS | SETTLEMENT_WORDS:
            entries = self._lookup(doc, start, end - 1)
            if doc[end - 1].lower_ in NATURAL_AREA_WORDS and any(e.feature_code in COUNTRY_CODES for e in entries):
                entries = ()  # "the Jordan Valley": a country's name before a land's word names that land, not it
            if entries:
                return start, end - 1, entries
        if end - start >= 2 and doc[start].lower_ in AREA_WORDS | SETTLEMENT_WORDS:
            entries = self._lookup(doc, start + 1, end)
            if entries:
                return start + 1, end, entries
        return start, end, ()

    # -- filters and evidence -----------------------------------------------------------------------------------

    @staticmethod
    def _person_words(doc) -> set[str]:
        """The words of multi-word person names: a surname alone later in the article is the same person (not of
        a name that ends with an area word: "Bassa LGA" is no one's, whatever the tagger says; nor of one after
        words that make it a place's, "in X", "the people of X")."""
        words = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].lower_ not in AREA_WORDS | SETTLEMENT_WORDS \
                    and not after_place_preposition(doc, ent.start, ent.end) and not area_word_before(doc, ent.start):
                words.update(t.lower_ for t in ent if t.is_alpha)
        return words

    def _admissible(self, doc, cand: Candidate, person_words: set[str]) -> bool:
        if not (doc[cand.start_token].text[:1].isupper() or cand.end_token - cand.start_token >= 2 and doc[
                cand.start_token].lower_ in NAME_ARTICLES and doc[cand.start_token + 1].text[:1].isupper()):
            return False  # news capitalises place names ("paris fashion" is not Paris), after "el" or "al" too
        name, end = doc[cand.start_token:cand.end_token].text, cand.end_token
        if end < len(doc) and doc[end].lower_ in DISEASE_WORDS or names_a_currency(doc, end) or names_a_countrys_land(
                doc, end, cand.entries) or cand.label != "DATELINE" and initials_of_no_place(name, cand.entries):
            return False  # "West Nile virus", "the US dollar", "the Niger river", "IS hideouts": no place
        if part_of_a_name_in_brackets(doc, cand.start_token, cand.end_token):
            return False  # "Kamrup (Metro)": the name's own word
        if labels_a_field(doc, cand.start_token, cand.end_token):
            return False  # "Location: Central qat market, Qataba town": a note's field, not a place
        first = doc[cand.start_token]
        if cand.end_token - cand.start_token == 1 and first.is_stop and not first.text.isupper():
            return False  # "The", "No", "Central" opening a sentence or a title
        if cand.entries and all(e.kind == NameKind.DEMONYM for e in cand.entries) or people_adjective(
                doc, cand.start_token, cand.end_token, cand.label, cand.entries):
            return False  # a nationality word (or a faith's, a people's: "a Christian village"), not a place
        if any(e.kind == NameKind.DEMONYM for e in cand.entries) and cand.end_token < len(doc):
            after = doc[cand.end_token]
            if after.is_alpha and after.is_lower and after.lower_ not in AREA_WORDS:
                return False  # "Thai troops", "the Somali capital": a nationality word qualifying a noun
        if cand.end_token - cand.start_token == 1 and first.lower_.rstrip(".") in MONTH_WORDS and \
                cand.end_token < len(doc) and doc[cand.end_token].like_num:
            return False  # "Dec 3", "Jan. 18": a date, not Decatur
        if doc[cand.start_token:cand.end_token].text in NOT_PLACE_ABBREVIATIONS:
            return False  # "M.D.", "Ph.D.": degrees whose letters spell a state's abbreviation
        if self.names_a_group(doc[cand.start_token:cand.end_token].text, cand.entries) or inside_a_group_name(
                doc, cand.start_token, cand.end_token, cand.entries, self.is_group_name):  # or a part of one ("IS
            return False  # Khorasan Province"); "the Taliban", "Wagner": a group's name some hamlet also bears
        if cand.end_token - cand.start_token == 1:
            word = first.lower_
            if word in DIRECTION_WORDS and area_word_after(doc, cand.end_token) is None:
                return False  # "the West", "in the South": a direction, not the area some country calls so
            if word in COMMON_WORDS and not (cand.label in ("GPE", "LOC") and locative_before(doc, cand.start_token)):
                return False  # "Court", "Hall", "Union": ordinary words that are also some place's name
        if cand.label in PLACE_LABELS or cand.label in ("NAME_OVER_ENTITY", "DATELINE"):
            return True  # a dateline names a place by the form of news, whoever else bears the name
        if cand.label == "PERSON" and cand.end_token - cand.start_token >= 2 and not strong(cand.entries):
            # a multi-word person name that is also a place's counts only with a place cue: a locative, or words
            return locative_before(doc, cand.start_token) or area_word_after(doc, cand.end_token) is not None \
                or area_word_before(doc, cand.start_token)  # calling it an area ("Kafr Batna district")
        words = {t.lower_ for t in doc[cand.start_token:cand.end_token]}
        if words & person_words and not strong(cand.entries):
            return False
        prev = previous_word(doc, cand.start_token)
        return not (prev is not None and prev.lower_.rstrip(".") in TITLE_WORDS)

    @staticmethod
    def _toponym(doc, text: str, cand: Candidate) -> Toponym:
        span = doc[cand.start_token:cand.end_token]
        area = area_word_after(doc, cand.end_token)
        if area is not None and cand.end_token + 1 < len(doc) and doc[cand.end_token + 1].lower_ == "of":
            area = None  # "the Hunan city of Yueyang": the word is about the next name
        hint = None
        if area is not None:
            hint = hint_of_word(area)
        elif cand.label == "DATELINE" or based_after(text, span.end_char):
            hint = "city"  # datelines name the city a story was filed from; organisations are based in cities
        else:
            hint = cue_before(text, span.start_char) or apposition_after(text, span.start_char, span.end_char)
        return Toponym(span.start_char, span.end_char, span.text, cand.entries, hint, cand.label, area)
