"""Which of the places named in an event's sentence is where the event happened: small tests on the parse that
the event_locations stage applies when it picks an event's location (stages/event_locations.py).

- a place inside an actor's words is the actor's, unless a comma parts it from them ("in Cosoleacaque, Veracruz,
  armed men" is a place before the actor, which a loose noun phrase swallowed) or a clause of the actor's words
  holds it ("two persons smuggling khat in Baligubadle town": where they were);
- a place naming the beat of a job ("the Middle East and North Africa director") is part of a title;
- people's origins ("a woman visiting from Canada", "people from the villages of X", "coming from A and B") and a
  journey's end ("returning from a trip to the United States") are not where they acted;
- a place naming a topic right before its noun ("EU accession talks") is no place of the event;
- a reference point ("west of Rafah", "the east of Hays city") gives way to another place named for the event,
  but not to the province that only holds it: ACLED codes the town;
- a place that only holds another named as its part ("the Hodan district of Mogadishu") and an area named after
  a town named with it ("Viluppuram city (Viluppuram, TN)") are not places of their own: one event, at the part;
- the place told in an earlier sentence is its most specific one ("near Krymske, Luhansk" is Krymske).

The words are in ``lexicon/event_places.tsv``.
"""
from __future__ import annotations

import dataclasses
import re

from ..article import ActorMention, Place, Span
from ..lexicon import load_lexicon
from ..actors.names import PLACE_HEADS
from ..geo.countries import COUNTRY_CODES
from ..geo.wording import AREA_WORDS, DIRECTION_WORDS, HYPHENS, ROUTE_NOUNS
from .place_relations import contains
from ..taxonomy.kinds import ActorRole

_LEXICON = load_lexicon("event_places")
ROUTE_WORDS = _LEXICON.words("route_word")  # "the road to Djibo", "the Dhaka-Rangpur highway"
MOVEMENT_VERBS = _LEXICON.words("movement_verb")
SETTLEMENT_NOUNS = _LEXICON.words("settlement_noun")  # "the town of X"
FLEEING_VERBS = _LEXICON.words("fleeing_verb")
TRAVEL_NOUNS = _LEXICON.words("travel_noun")
CARE_PLACES = _LEXICON.words("care_place")
CARE_VERBS = _LEXICON.words("care_verb")
JOB_NOUNS = _LEXICON.words("job_noun")
BACKER_WORDS = _LEXICON.words("backer_word")
LOCATIVE_PREPOSITIONS = _LEXICON.words("locative_preposition")
BORDERING = _LEXICON.words("bordering_verb")  # "a municipality bordering Morelia"
BORDER_NOUNS = _LEXICON.words("border_noun")  # "near the border with Balochistan"
# "returned to Goma", "fled Lainya County for Yei and Juba": where people moved to
DESTINATION_PREPOSITIONS = _LEXICON.words("toward_preposition") | _LEXICON.words("fleeing_destination")
_TOLD = _LEXICON.alternation("told_settlement")
SETTLEMENT_KINDS = _LEXICON.words("settlement_kind")  # "the Black Sea city of Batumi": Batumi is the city
_KIND = _LEXICON.alternation("area_kind")
# "the village in Nigeria's " right before the area's name; " state town" (after "the ") right after it
_SETTLEMENT_IN = re.compile(rf"\bthe (?:{_TOLD}) (?:in|near) (?:[\w'’.-]+ ){{0,2}}$", re.IGNORECASE)
_DIRECTIONS = "|".join(sorted(map(re.escape, DIRECTION_WORDS), key=len, reverse=True))
_THE_BEFORE = re.compile(rf"\bthe (?:(?:{_DIRECTIONS}) )?$", re.IGNORECASE)  # "the ", "the northern ", "the central "
_SETTLEMENT_AFTER = re.compile(rf"^(?: (?:{_KIND}))? (?:{_TOLD})\b(?! of\b)", re.IGNORECASE)
MAX_CLIMB = 4
PARTING_MARKS = frozenset({",", "(", ")", ";", ":"})  # a hyphen joins: "the Quba-Baku highway"
AREA_PRECISION = 3  # ACLED's geo-precision of a province or vaguer


def apposed_before(text: str, place: Span, actor: Span) -> bool:
    """Whether a comma parts the place from the rest of the actor's words that follow it ("Cosoleacaque, Veracruz,
    armed men"): the place is told before the actor, not inside its name ("the civilian population of X")."""
    return place.end < actor.end and "," in text[place.end:actor.end]


def told_in_actors_clause(doc, place: Span, actor: Span) -> bool:
    """Whether the place is where a verb inside the actor's words happened ("two persons smuggling khat in X town",
    "men who gathered at X"): where the people were, not a part of their name ("activists affiliated with the
    League of X" keeps X in the name)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    while t.dep_ in ("compound", "amod", "nmod", "appos") and t.head.i != t.i:
        t = t.head  # "Baligubadle town": the kind noun
    prep = t.head
    return t.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPOSITIONS and prep.head.pos_ in ("VERB", "AUX") \
        and actor.start <= prep.head.idx < actor.end


def origin_of_people(token) -> bool:
    """Whether a place's token says where people come from: the object of "from" after a noun ("people from X",
    "people from the villages of X") or after a verb of moving ("visiting from X", "coming from A and B")."""
    t = token
    for _ in range(MAX_CLIMB):
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head  # "from both A and B"
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN") \
                and t.head.head.i != t.head.i:
            t = t.head.head  # "from the bordering villages of X"
        elif t.dep_ in ("compound", "appos", "nmod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i:
            t = t.head  # "from Marib governorate"
        else:
            break
    if t.dep_ != "pobj" or t.head.lower_ != "from":
        return False
    owner = t.head.head
    return owner.pos_ != "VERB" or owner.lemma_.lower() in MOVEMENT_VERBS


def crowd_town(places: list[Place], actors) -> Place | None:
    """A town in a crowd's own words ("University of Eldoret students", "Kano traders"): where the crowd was, when
    its sentence names no place."""
    spans = [a.span for a in actors if a is not None and a.role in (ActorRole.PROTESTERS, ActorRole.RIOTERS)]
    return next((p for p in places if p.lat is not None and p.feature_class == "P" and any(
        s.start <= p.span.start and p.span.end <= s.end for s in spans)), None)


def names_a_place_within(actor: ActorMention, places: list[Place]) -> bool:
    """A group whose name holds a place name and more ("Islamic State West Africa Province"): that place is part
    of the name, not where anything happened. A state's force named by its province ("Kaduna State Police
    Command") tells where it serves, and is left to the rule for state actors."""
    return actor.role != ActorRole.STATE and any(
        actor.span.start <= p.span.start and p.span.end <= actor.span.end
        and (p.span.end - p.span.start) < (actor.span.end - actor.span.start) for p in places)


def names_a_job(token) -> bool:
    """ "the Middle East and North Africa director", "the Asia editor": a place (or a list of places) naming the
    beat of a job, part of a title and never where an event happened."""
    t = token
    while t is not None and t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t is not None and t.dep_ in ("compound", "nmod", "amod") and t.head.lemma_.lower() in JOB_NOUNS


def names_a_backer(doc, span: Span) -> bool:
    """ "a Turkey-backed faction", "a Turkey backed faction", "the US-led coalition", "Russia-made drones": a place
    naming who backs, leads, arms or made what follows, never where an event happened."""
    after = doc.char_span(span.end, min(len(doc.text), span.end + 40), alignment_mode="expand")
    words = [t for t in after or () if not t.is_space]
    if words and words[0].text in "-‐‑–" and words[0].idx == span.end:
        return len(words) > 1 and words[1].lower_ in BACKER_WORDS
    # unhyphenated, only a word that qualifies the noun after it ("violence in Kaduna led to ..." is a verb's)
    return bool(words) and words[0].lower_ in BACKER_WORDS and words[0].head.i > words[0].i


def movement_destination(token, *, fleeing: bool = False) -> bool:
    """ "fled Lainya County for Yei and Juba", "returned to Goma": where people moved to, not where the act they
    moved away from happened; with ``fleeing``, only where they fled to ("a resident who has since fled to the
    town of Boulsa said the attackers shot the men": never the act's place, even as the sentence's only one)."""
    while token is not None and token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Yei and Juba": Juba goes with Yei
    if token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and token.head.head.lemma_.lower() in SETTLEMENT_NOUNS:
        token = token.head.head  # "fled to the town of Boulsa": the town
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in DESTINATION_PREPOSITIONS \
        and token.head.head.lemma_.lower() in (FLEEING_VERBS if fleeing else MOVEMENT_VERBS)


def on_route(text: str, places: list[Place]) -> list[Place]:
    """ "the Khash-Zahedan road": an act on a route named by its two ends lies near the first (ACLED's
    ``geo_precision`` 2), the far end only orienting the reader as in "between X and Y"."""
    def first(place: Place) -> bool:
        return text[place.span.end:place.span.end + 1] in HYPHENS and any(
            p.span.start == place.span.end + 1 and second(p) for p in places)

    def second(place: Place) -> bool:
        after = text[place.span.end:place.span.end + 20].split()
        return place.span.start > 0 and text[place.span.start - 1] in HYPHENS and bool(after) and after[0].lower(
            ).strip(".,;") in ROUTE_NOUNS and any(p.span.end == place.span.start - 1 for p in places)
    return [dataclasses.replace(p, geo_precision=max(p.geo_precision, 2)) if first(p) else p
            for p in places if not second(p)]


def travel_destination(token) -> bool:
    """ "a trip to the United States", "a visit to Moscow": the end of a journey told about, not the event's
    place; so is the end of one told from where it set out ("tried to walk from Zonguldak to Ankara", "as they
    travelled from Anet to Abyei town"), which is where ACLED places the act, the end only orienting the reader."""
    while token is not None and token.dep_ == "compound" and token.head.pos_ == "NOUN":
        token = token.head  # "to Abyei town": the town
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "to":
        return False
    head = token.head.head
    return head.lemma_.lower() in TRAVEL_NOUNS or head.lower_ == "from" or (
        head.dep_ == "pobj" and head.head.lower_ == "from") or any(
        c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pobj" for g in c.children) for c in head.children)


def moved_to(token) -> bool:
    """Where people fled to ("fled to the town of Boulsa") or a journey ended ("walk from Zonguldak to Ankara"): no
    place an act told beside it happened at."""
    return movement_destination(token, fleeing=True) or travel_destination(token)


def cared_at(token) -> bool:
    """ "died in hospital in Quelimane", "were taken to a clinic in X": where the hurt were cared for, which tells
    nothing of where they were hurt (not "an attack at a hospital in X")."""
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in ("in", "at"):
        return False
    above = token.head.head
    if above.lemma_.lower() in CARE_PLACES:  # "taken to a hospital in X"
        return above.dep_ == "pobj" and above.head.head.lemma_.lower() in CARE_VERBS
    return above.lemma_.lower() in CARE_VERBS and any(  # "died in hospital in X": beside the place of care
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in CARE_PLACES for g in c.children)
        for c in above.children)


def names_a_topic(token) -> bool:
    """ "EU accession talks", "the Gaza ceasefire", "the Quba-Baku highway": a place naming what a noun is about,
    right before it (not "Paucarpata, Arequipa, public workers", where commas part the places from the noun; not
    "Kalna sub-division", a place's own kind word)."""
    t = token
    while t is not None and t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i > t.i:
        t = t.head  # "Quba" of "Quba-Baku highway": the names before the noun name it together
    head = t.head
    while head.dep_ == "compound" and head.pos_ == "NOUN" and head.head.i > head.i:
        head = head.head  # "the Tulkarm refugee camp": the last noun of the compound says what the place names
    if _noun_word(head) in PLACE_HEADS:
        return False
    if t is None or t.dep_ not in ("compound", "amod", "nmod") or t.head.pos_ != "NOUN" or \
            _noun_word(t.head) in PLACE_HEADS:
        return False
    low, high = sorted((token.i, t.head.i))
    return not any(w.text in PARTING_MARKS for w in token.doc[low + 1:high])


def _noun_word(noun) -> str:
    """A noun's lemma, or its hyphenated whole ("sub-division") when it is the first part of one."""
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "-" and not noun.whitespace_ \
            and not doc[noun.i + 1].whitespace_:
        return f"{noun.lower_}-{doc[noun.i + 2].lower_}"
    return noun.lemma_.lower()


def named_node(token):
    """The token standing for a place in the parse: the kind noun its name qualifies ("Baligubadle town
    (Hargeysa)": the areas in brackets are apposed to "town"), else the name's own head."""
    if token.dep_ in ("compound", "amod", "nmod") and token.head.i != token.i and _noun_word(token.head) in PLACE_HEADS:
        return token.head
    return token


def place_token(doc, place: Place):
    """The head token of a place's words, or None when they fall across tokens."""
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span.root if span is not None else None


def only_finer_kept(kept: list[Place], places: list[Place]) -> list[Place]:
    """The places left once reference points are dropped, unless those are only provinces or vaguer, or areas that
    hold a reference point: "in the east of Hays city (Al Hudaydah)" is an event in Hays, not in the province, and
    "a village about 15 km from Gorom-Gorom, the main town of Oudalan province" one by Gorom-Gorom, not anywhere
    in Oudalan (ACLED codes the town near which it happened)."""
    if not kept:
        return places
    dropped = [p for p in places if p not in kept]
    held = [d for d in dropped if any(contains(k, d) for k in kept)]
    if held and all(any(contains(k, d) for d in held) for k in kept):
        return held
    if dropped and all(k.geo_precision >= AREA_PRECISION for k in kept) and \
            min(d.geo_precision for d in dropped) < AREA_PRECISION:
        return places  # "50 km west of Kirkuk" still gives way to a town or district named for the event
    return kept


def without_hosts(places: list[Place], doc) -> list[Place]:
    """The places left once those that only hold another are dropped: "the Hodan district of Mogadishu" and "the
    Nima community of Accra" name a part of the city, and an area named after a town named with it is only that
    town's area ("Viluppuram city (Viluppuram, TN)": the town, not also its district)."""
    towns = [p for p in places if p.feature_class == "P" or p.within is not None]
    tokens = {id(p): place_token(doc, p) for p in places}
    kept = []
    for p in places:
        if p.feature_class == "A" and any(t.country == p.country and t.span.text == p.span.text
                                          and t.geo_precision < p.geo_precision for t in towns):
            continue
        if any(q is not p and (_part_of(tokens[id(q)], tokens[id(p)]) or _lies_in(tokens[id(p)], tokens[id(q)]))
               for q in places):
            continue
        kept.append(p)
    return kept


def hosting_spans(places: list[Place], tokens: dict) -> set:
    """The places that another place is told to lie in ("in Jangebe, in Zamfara state": Zamfara, which only places
    Jangebe), by the words of each place (``tokens``: id of a place to its token); not a town that a name the
    gazetteer lacks was placed in when that name only says where the town lies ("the Samaria village of Burin"; but
    "the Sabzi Kar village of Charbolak district" names a village of the district)."""
    by_span = {p.span: p for p in places}

    def only_situates(place: Place) -> bool:
        host = by_span.get(place.within)
        return host is not None and _a_town_named(host, tokens.get(id(host))) and _lies_in(
            tokens.get(id(place)), tokens.get(id(host)))

    return {p.within for p in places if p.within is not None and not only_situates(p)}


_BRACKETS = re.compile(r"\s*(?:\([^)]*\)\s*)?")


def _a_town_named(place: Place, token) -> bool:
    """A town told by its name alone ("Burin"), not with an area's kind after it ("Kushk (Rabat-e ...) district")."""
    if place.feature_class != "P" or token is None:
        return False
    text = token.doc.text
    after = text[_BRACKETS.match(text, place.span.end).end():].split(maxsplit=1)
    return not after or after[0].strip(".,;:").lower() not in AREA_WORDS


def _lies_in(area, town) -> bool:
    """Whether the place of token ``area`` only says where that of ``town`` lies: "the Black Sea city of Batumi",
    "the Red Sea port of Hodeidah" (a definite kind noun after the area's name says what the town is; without
    "the", the kind is the first name's: "in Khetolai village of Pokhran subdivision")."""
    if area is None or town is None or area.i == town.i:
        return False
    noun = area.head if area.dep_ in ("compound", "nmod", "amod") else area
    return noun.lemma_.lower() in SETTLEMENT_KINDS and _of(noun, town) and any(
        c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _of(noun, whole) -> bool:
    return any(c.lower_ == "of" and any(g.i == whole.i or whole.head.i == g.i and whole.dep_ == "compound"
                                        for g in c.children) for c in noun.children)


def _part_of(part, whole) -> bool:
    """Whether the place of token ``part`` is told to be a part of that of ``whole``: "the X district of Y", "the X
    community of Y", "X village of Y district" (the kind noun after the part's name takes "of" and the whole); not
    when a definite kind noun says what the whole is ("the Black Sea city of Batumi": X is where it lies)."""
    if part is None or whole is None or part.i == whole.i:
        return False
    noun = part.head if part.dep_ in ("compound", "nmod", "amod") else part
    if noun.lemma_.lower() not in PLACE_HEADS or _lies_in(part, whole):
        return False
    return _of(noun, whole)


def most_specific_last(named: list[Place]) -> Place:
    """The last of the most specific places a sentence names ("near Krymske, Luhansk": Krymske), a village before the
    town it was placed beside ("the village of Boni, near Douentza"; "a church in Kwassam, southern Kaduna": Kwassam,
    a name the gazetteer lacks, though its host is a town it knows)."""
    hosts = {p.within for p in named if p.within is not None}
    named = [p for p in named if p.span not in hosts] or named
    finest = min(p.geo_precision for p in named)
    return [p for p in named if p.geo_precision == finest][-1]


def beyond_topics(doc, chosen: list[Place], sentence_places: list[Place]) -> list[Place]:
    """A clause that names places only as the ends of a road ("clashes ... on the Dhaka-Rangpur highway"), or only a
    river or a lake, is told where its sentence's other places say ("closed the college in Bogura, a day after
    clashes ..."); else as chosen (a town naming an event, "the Orlando shooting", is where it happened)."""
    if chosen and all(p.feature_class == "H" for p in chosen):  # a river or a lake ("canals on the Indus") is
        # where ACLED codes nothing: the act lies at the town or area the sentence names beside it
        return [p for p in sentence_places if p.feature_class in ("P", "A") and p.feature_code not in COUNTRY_CODES
                ] or chosen
    if not chosen or doc is None or not all(names_a_route(place_token(doc, p)) for p in chosen):
        return chosen
    return [p for p in sentence_places if not names_a_route(place_token(doc, p))] or chosen


def names_a_route(token) -> bool:
    """ "Dhaka" and "Rangpur" of "the Dhaka-Rangpur highway": names before a road's noun."""
    t = token
    while t is not None and t.dep_ in ("compound", "nmod", "amod") and t.head.i > t.i:
        t = t.head
        if t.pos_ == "NOUN":
            return t.lemma_.lower() in ROUTE_WORDS
    return False


def settlement_in_area(text: str, area: Span) -> bool:
    """Whether the words around an area's name make it the area of a settlement told before rather than the
    event's place: "gunmen attacked the village in Nigeria's Borno state", "killed five in the Borno state town"
    (not "the Borno state town of Gajiram", which names the town; not "the Borno state capital", the area's own)."""
    before, after = text[max(0, area.start - 60):area.start], text[area.end:area.end + 40]
    return bool(_SETTLEMENT_IN.search(before) or (_THE_BEFORE.search(before) and _SETTLEMENT_AFTER.match(after)))


def names_a_neighbour(token) -> bool:
    """A place named only as what another lies beside, a reference point (stages/event_locations.py): "Tarimbaro,
    a municipality bordering Morelia"; "a rural area of D.I. Khan district, close to the border with Balochistan
    and the South Waziristan tribal district" (each place of the list)."""
    while token.dep_ in ("compound", "nmod") and token.head.i > token.i:
        token = token.head  # "the South Waziristan tribal district": the name's noun phrase
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ == "dobj" and token.head.dep_ == "acl" and token.head.lemma_.lower() in BORDERING:
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_.lower() in BORDER_NOUNS
