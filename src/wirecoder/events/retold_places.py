"""Where an event told again says it happened: the places a later or earlier telling of the same act names.

An event named by its day in a sentence about something else lies where its own phrase says, else where the next
sentences that tell it again say (``of_the_named_event``); one named with no place is where the article told it
first (``where_told_first``); and an act placed only at a country or a province lies where one of the next sentences
that tells it again by a definite noun says, within that area ("Gunmen killed 12 villagers in central Mali ... The
killings took place in Douentza": ``where_retold``), or that tells what happened on its day and tells no other act
("... killed in a clash at the weekend. ... its unit had 'punished' a platoon in Lianga town on Saturday"). Read by
stages/event_locations.py.
"""
from __future__ import annotations

from ..article import Article, DateMention, EventMention, Place
from ..geo.countries import COUNTRY_CODES
from ..lexicon import load_lexicon
from ..syntax import REACTION, SPEECH
from ..taxonomy.acled import event_type_of
from .actor_roles import VIOLENT_TYPES
from .place_relations import within_admin1
from .places import (cared_at, most_specific_last, movement_destination, names_a_neighbour, names_a_route,
                     place_token, travel_destination)

# the event nouns of political violence ("the attack", "the killings"), not of crowds
VIOLENCE_NOUNS = frozenset(noun for noun, sub in load_lexicon("referenced_events").mapping("event_noun").items()
                           if event_type_of(sub) in VIOLENT_TYPES)


def in_dateline(article: Article, place: Place) -> bool:
    return any(d.start <= place.span.start < d.end for d in article.datelines)


def named_below_country(article: Article, index: int) -> list[Place]:
    """The placed places below the country a sentence names, the dateline's town left out, and a place no country
    holds ("to work in Iran or the Gulf"); the end towns of a road ("the Dhaka-Rangpur highway") and the end of a
    journey ("walk from Zonguldak to Ankara") only when it names no other; never where the hurt were cared for
    ("were taken to a clinic in Kauru") or people fled to."""
    named = [p for p in article.places if article.sentence_at(p.span.start) == index and p.lat is not None
             and p.country and p.feature_code not in COUNTRY_CODES and not in_dateline(article, p)]
    if article.doc is not None:  # where the hurt were cared for or people fled to: no place of an act told after it
        named = [p for p in named if not cared_at(place_token(article.doc, p))
                 and not movement_destination(place_token(article.doc, p), fleeing=True)]
    return [p for p in named if article.doc is None or not (
        names_a_route(place_token(article.doc, p)) or travel_destination(place_token(article.doc, p))
        or names_a_neighbour(place_token(article.doc, p)))] or named  # "close to the border with X"


RETOLD_AFTER = 3  # sentences after a referenced event in which its retelling may place it


def of_the_named_event(article: Article, mention: EventMention, places: list[Place]) -> list[Place]:
    """An event named by its day in a sentence about something else ("A court in Narathiwat has approved arrest
    warrants for two men suspected of taking part in Wednesday's bombing") lies where its own phrase says, else
    where the next sentences that tell it again say ("The bomb exploded under a ranger pickup truck in Rueso"),
    before the places its sentence names for other things; with neither, those places as before."""
    if not mention.referenced or article.doc is None:
        return places
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
        return places
    words = list(span.root.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    own = [p for p in places if start <= p.span.start < end]
    if own or not places:
        return own or places
    for other in sorted(article.mentions, key=lambda m: m.trigger.start):
        if other.sentence <= mention.sentence or other.sentence - mention.sentence > RETOLD_AFTER:
            continue
        if other.event_type != mention.event_type or other.negated or other.hypothetical:
            continue
        named = named_below_country(article, other.sentence)
        if named:
            return [most_specific_last(named)]
    return places


def where_told_first(article: Article, mention: EventMention) -> Place | None:
    """An event named by its day that names no place ("Six protesters were injured in Tuesday's protest") is the
    one of its kind the article told earlier with a place ("two days after protests in Diwaniya were dispersed"):
    that place: the nearest earlier telling of the same event type whose sentence names one."""
    if not (mention.referenced or mention.followed):
        return None
    for other in sorted(article.mentions, key=lambda m: -m.trigger.start):
        if other.sentence >= mention.sentence or other.event_type != mention.event_type:
            continue
        named = named_below_country(article, other.sentence)
        named = [p for p in named if article.doc is None or not movement_destination(place_token(article.doc, p))]
        if named:
            return most_specific_last(named)
    return None


def where_retold(article: Article, mention: EventMention, places: list[Place],
                 date: DateMention | None = None) -> list[Place]:
    """An act of political violence its sentence places only at a country or a province ("Gunmen killed 12 villagers
    in central Mali") lies where one of the next RETOLD_AFTER sentences, in its paragraph or the next, tells it
    again by a definite noun ("The killings took place in Douentza", "The attack hit Seytenga"), when that place
    lies within the area and the sentence names no other day than the act's (``date``); else at the places as they
    were. A reaction or a telling with the noun as its subject ("The killings were condemned in Bamako") places
    nothing."""
    if mention.event_type not in VIOLENT_TYPES or not places or any(
            p.feature_code not in COUNTRY_CODES and p.feature_code != "ADM1" for p in places):
        return places
    for index in _retellings(article, mention, date):
        named = [p for p in named_below_country(article, index) if any(_holds(a, p) for a in places)]
        if named:
            return [most_specific_last(named)]
    return places


def _retellings(article: Article, mention: EventMention, date: DateMention | None) -> list[int]:
    """The next RETOLD_AFTER sentences, in the mention's paragraph or the next, that tell an act of political
    violence again by a definite noun (a trigger rule's, "The attack took place ...", or a subject no rule reads,
    "The killings took place ...") on no other day than the act's."""
    paragraph = article.sentences[mention.sentence].paragraph
    found = []
    for index in range(mention.sentence + 1, min(len(article.sentences), mention.sentence + RETOLD_AFTER + 1)):
        if article.sentences[index].paragraph > paragraph + 1:
            break
        told = any(m.sentence == index and m.reference and m.event_type in VIOLENT_TYPES
                   and not (m.negated or m.hypothetical) for m in article.mentions)
        if (told or definite_violence(article, index)) and not _another_day(article, index, date) \
                or _on_its_day(article, index, date) and not _tells_another_act(article, index, mention):
            found.append(index)
    return found


def _tells_another_act(article: Article, index: int, mention: EventMention) -> bool:
    """Whether the sentence tells an act of another kind as news ("A roadside bomb struck a convoy near Djibo that
    day": the bomb is an event of its own, which the assembly may find to be the act)."""
    return any(m.sentence == index and m.detected and m.event_type != mention.event_type
               and not (m.negated or m.hypothetical or m.habitual) for m in article.mentions)


def _on_its_day(article: Article, index: int, date: DateMention | None) -> bool:
    """Whether the sentence tells what happened on the act's day, and on no other ("... clash with their fighters
    at the weekend. ... its unit had punished a platoon ... in Lianga town on Saturday")."""
    if date is None:
        return False
    days = [d for d in article.dates if d.sentence == index and not d.background]
    end = date.date_end or date.date
    return bool(days) and all(date.date <= d.date and (d.date_end or d.date) <= end for d in days)


def definite_violence(article: Article, index: int) -> bool:
    """Whether the sentence's subject is a definite noun of violence ("the killings", "the massacre")."""
    span = article.sentences[index].span
    sent = article.doc.char_span(span.start, span.end, alignment_mode="expand") if article.doc is not None else None
    return sent is not None and any(
        t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in VIOLENCE_NOUNS
        and t.head.lemma_.lower() not in REACTION | SPEECH
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in sent)


def _another_day(article: Article, index: int, date: DateMention | None) -> bool:
    """Whether the sentence names a day other than the act's."""
    days = [d for d in article.dates if d.sentence == index]
    return date is not None and bool(days) and not any(
        (d.date, d.date_end) == (date.date, date.date_end) for d in days)


def _holds(area: Place, place: Place) -> bool:
    """Whether the country or province holds the place."""
    return place.country == area.country and (area.feature_code in COUNTRY_CODES or within_admin1(area, place))
