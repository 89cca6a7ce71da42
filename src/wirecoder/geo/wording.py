"""The words around a name that say whether it names a place, and the token tests recognition reads them with.

Word lists ("district", "the city of", "in") and small checks on the tokens of a spaCy Doc: what comes before or
after a stretch of tokens, whether tokens form a run of capitalised name words, where a headline is in title case.
None of it knows the gazetteer; recognize.py weighs these clues against gazetteer entries.
"""
from __future__ import annotations

from ..lexicon import load_lexicon
from .lexicon import words
from .store import Entry, NameKind

LOCATIVE_WORDS = words("locative_words")
LOCATIVE_OF_NOUNS = words("locative_of_nouns")
SETTLEMENT_WORDS = words("settlement_words")
COMMUNITY_WORDS = words("apposed_settlement_words")  # "Kwall, a community in Bassa LGA"
AREA_WORDS = words("area_words")
ROUTE_NOUNS = words("route_nouns")
# "Local Government Area" after a name: the kind word "lga" in several words, longest first
AREA_PHRASES = tuple(sorted((tuple(p.split()) for p in words("area_phrases")), key=len, reverse=True))
PHRASED_AREA_WORD = "lga"
MONTH_WORDS = words("month_words")
WEEKDAY_WORDS = frozenset(load_lexicon("dates").numbers("weekday"))
SERVED_PLACE_WORDS = words("served_place_words")  # "Bali airport", "Kabul airport": a town's, an island's or an area's


def hint_of_word(word: str) -> str | None:
    """What a kind-of-place word after a name says the name is: a settlement, an area, or nothing."""
    if word in SERVED_PLACE_WORDS:
        return None
    if word in SETTLEMENT_WORDS:
        return "settlement"
    return "area" if word in AREA_WORDS else None


PEOPLE_WORDS = words("people_words")
PART_WORDS = words("part_words")
TITLE_WORDS = words("title_words")
LIST_JOINERS = words("list_joiners")
DIRECTION_WORDS = words("direction_words")
# Ordinary English words that are also the name of some place, often capitalised in news for other reasons
# (titles, institutions, headings): taken only when spaCy calls them a place and a preposition says so.
COMMON_WORDS = words("common_words")
NOT_PLACE_ABBREVIATIONS = words("not_place_abbreviations")
DISEASE_WORDS = words("disease_words")
CURRENCY_WORDS = words("currency_words")  # "the US dollar": money, not a place
BRACKETED_NAME_PARTS = words("bracketed_name_parts")  # "Kamrup (Metro)": part of the name, no place
HYPHENS = words("hyphens")
ARTICLES = words("articles")
LIST_SEPARATORS = words("list_separators")  # "Ganja, Mingachevir and Tovuz", "Pattani's Nong Chik"
QUALIFIER_PREPOSITIONS = words("qualifier_prepositions")  # "Jangebe, in Zamfara"
SWALLOWED_PREPOSITIONS = words("swallowed_prepositions")  # "the Children's Hospital of Manitoba in Winnipeg"
TOWN_INSTITUTIONS = words("town_institution")  # "the University of Eldoret": where its students are


PEOPLE_ADJECTIVE = "NORP_ADJECTIVE"  # the label chains read for such a word (geoparser.py, qualify.py)


def people_adjective(doc, start: int, end: int, label: str, entries: tuple[Entry, ...] = ()) -> bool:
    """One word that spaCy calls a nationality, faith or people (NORP) and tags as an adjective, after an article or
    before a common noun that is no word of a place: what a place or people are like, not a name ("a Christian
    village", "a Muslim village near Jos", "the Andean province of Cotopaxi", "stones at Christian homes"), unless
    the gazetteer knows a place of that very name (``entries``: "the Kasese district"); a name with no article
    before it and a word of a place after it is the tagger's slip ("in Baghuz town")."""
    if not (end - start == 1 and label == "NORP" and doc[start].tag_ == "JJ" and start > 0) or own_place_name(entries):
        return False
    after = doc[end] if end < len(doc) else None
    return doc[start - 1].lower_ in ARTICLES or after is not None and after.pos_ == "NOUN" and after.is_lower \
        and after.lemma_.lower() not in SETTLEMENT_WORDS | AREA_WORDS | PART_WORDS


def own_place_name(entries: tuple[Entry, ...]) -> bool:
    """Whether the gazetteer knows a place by this very name (not only as another name of a place, or a people's)."""
    return any(e.kind == NameKind.PRIMARY for e in entries)


def trim_articles_and_punctuation(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in ARTICLES or not doc[start].text.strip()):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'", "’") or doc[end - 1].is_punct
                           or not doc[end - 1].text.strip()):
        end -= 1
    return start, end


# Directions that name a part of the place after them ("Central Anatolia", "Southern Yemen"); "Upper" and
# "Lower" mostly open names of their own ("Lower Shabelle", "Upper Nile") and are not among them.
PART_DIRECTIONS = words("part_directions")


def is_part_direction(tok) -> bool:
    return tok.lower_ in PART_DIRECTIONS and tok.text[:1].isupper()


def opens_line(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1:start].strip()


def capitalised_in_name(tok) -> bool:
    """A capitalised word that is not merely capitalised for starting a sentence."""
    return tok.is_alpha and tok.text[:1].isupper() and (not tok.is_sent_start or tok.pos_ == "PROPN")


def title_case_tokens(doc) -> set[int]:
    """The tokens of headlines written in title case, where capitals say nothing about names."""
    out: set[int] = set()
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        if len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words):
            out.update(range(sent.start, sent.end))
    return out


def is_name_run(doc, start: int, end: int) -> bool:
    """Capitalised words outside entities, possibly joined by hyphens written without spaces ("Nagorno-Karabakh")."""
    for j in range(start, end):
        tok = doc[j]
        if tok.ent_type_:
            return False
        if tok.text in HYPHENS and start < j < end - 1 and not doc[j - 1].whitespace_ and not tok.whitespace_:
            continue
        if _joined_particle(doc, j) and j < end - 1:
            continue  # "Port-au-Prince", "Croix-des-Bouquets": a lower-case word inside a hyphenated name
        if not capitalised_in_name(tok) and not (j > start and tok.text[:1].isupper() and tok.is_alpha):
            return False
    return True


def _joined_particle(doc, j: int) -> bool:
    tok = doc[j]
    return (tok.is_alpha and tok.is_lower and len(tok) <= 3 and 0 < j < len(doc) - 1 and not tok.whitespace_
            and doc[j - 1].text in HYPHENS and not doc[j - 1].whitespace_ and doc[j + 1].text in HYPHENS)


ROUTE_ENDS = "ROUTE_ENDS"  # the label of a town that ends a route named by its two ends


def route_ends(doc, start: int, end: int) -> str:
    """ROUTE_ENDS when the entity names a route's two end towns joined by a hyphen ("the Kabul-Kandahar highway"),
    else no label."""
    return ROUTE_ENDS if _route(doc, end) and any(doc[j].text in HYPHENS for j in range(start + 1, end - 1)) else ""


def _route(doc, end: int) -> bool:
    return end < len(doc) and doc[end].lower_ in ROUTE_NOUNS or doc[end - 1].lower_ in ROUTE_NOUNS


def list_parts(doc, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of an entity between list separators (commas, "and", "or") and possessives ("Pattani's
    Nong Chik": a province's district); before a route's noun, hyphens too ("the Kabul-Kandahar highway")."""
    route = _route(doc, end)
    parts, part_start = [], start
    for j in range(start, end):
        if doc[j].text == "," or doc[j].lower_ in LIST_SEPARATORS or route and doc[j].text in HYPHENS \
                and start < j < end - 1:
            if j > part_start:
                parts.append((part_start, j))
            part_start = j + 1
    if end > part_start:
        parts.append((part_start, end))
    return parts


def previous_word(doc, index: int):
    j = index - 1
    while j >= 0 and doc[j].lower_ in ARTICLES:
        j -= 1
    return doc[j] if j >= 0 else None


def locative_before(doc, index: int) -> bool:
    """ "in X", "near X", "shelled X"; and "the shelling of X", "the siege of X": an act on a place names it."""
    prev = previous_word(doc, index)
    if prev is not None and prev.lower_ == "of":
        act = previous_word(doc, prev.i)
        return act is not None and act.lemma_.lower() in LOCATIVE_OF_NOUNS
    return prev is not None and prev.lower_ in LOCATIVE_WORDS


def area_word_after(doc, index: int) -> str | None:
    if area_phrase_at(doc, index):
        return PHRASED_AREA_WORD
    if index < len(doc) and doc[index].lower_ in AREA_WORDS | SETTLEMENT_WORDS:
        return doc[index].lower_
    return None


def area_phrase_at(doc, index: int) -> int:
    """The number of tokens of an area phrase ("Local Government Area") that starts at ``index``, or 0."""
    for phrase in AREA_PHRASES:
        if index + len(phrase) <= len(doc) and all(doc[index + k].lower_ == w for k, w in enumerate(phrase)):
            return len(phrase)
    return 0


def area_phrase_ending(doc, start: int, end: int) -> int:
    """The number of tokens of an area phrase that ends a span (after at least one name token), or 0."""
    for phrase in AREA_PHRASES:
        if end - start > len(phrase) and area_phrase_at(doc, end - len(phrase)) == len(phrase):
            return len(phrase)
    return 0


def word_after(text: str, end: int) -> str | None:
    """The word right after a character offset, case-folded and without trailing punctuation ("regions" of "the Ica
    and Arequipa regions,"), else None."""
    following = text[end:end + 24].split()
    return following[0].strip(".,;:").casefold() if following else None


def without_kind_word(doc, start: int, end: int) -> int:
    """The end of a name no gazetteer knows, without the kind word written small after it that a tagger took into
    it ("Bulani village", "Wagoora city", "Hays district"): the name alone, its kind read after it."""
    phrase = area_phrase_ending(doc, start, end) or (
        1 if end - start >= 2 and doc[end - 1].lower_ in AREA_WORDS | SETTLEMENT_WORDS else 0)
    return end - phrase if phrase and doc[end - phrase].is_lower else end


def people_word_after(doc, index: int) -> bool:
    """ "Edmonton residents", "a Winnipeg native": the people of a place."""
    return index < len(doc) and doc[index].lower_ in PEOPLE_WORDS


def area_word_before(doc, index: int) -> bool:
    """ "the city of X", "cities of X", "the outskirts of X", "the mayor of X", "residents of X", "..., 43, of X" """
    prev = previous_word(doc, index)
    if prev is None or prev.lower_ != "of":
        return False
    before = previous_word(doc, prev.i)
    if before is not None and before.text == "," and before.i > 0 and doc[before.i - 1].like_num:
        return True  # "Kimberly Hacker, 43, of McKee": where a person named with an age is from
    person_end = before.i - 1 if before is not None and before.text == "," else (before.i if before else -1)
    if person_end >= 1 and doc[person_end].ent_type_ == "PERSON" and doc[person_end - 1].ent_type_ == "PERSON":
        return True  # "Anne McLellan of Edmonton", "Herbert Lattin, of Edmonton": a person's home town
    return before is not None and before.lower_ in AREA_WORDS | SETTLEMENT_WORDS | PART_WORDS


def settlement_word_before(doc, index: int) -> bool:
    """ "the town of X", "the village of X": a kind-of-settlement word and "of" right before the name."""
    return index >= 2 and doc[index - 1].lower_ == "of" and doc[index - 2].lower_ in SETTLEMENT_WORDS


def dated_name(ent) -> bool:
    """A name spaCy took for a date ("in Manbij on Wednesday" tagged "Manbij" DATE): a DATE entity of proper nouns
    alone, none of them a month's or a weekday's name."""
    return ent.label_ == "DATE" and all(t.pos_ == "PROPN" and t.lower_ not in MONTH_WORDS | WEEKDAY_WORDS for t in ent)
