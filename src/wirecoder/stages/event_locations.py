"""Event locations: where each event report happened, one event a place.

The places of the report's sentence that are not an actor's words, a dateline or a job's title, preferring those inside
the trigger's clause, leaving out places that only orient the reader ("west of Kirkuk", "the road to Djibo", the far end
of "the Khash-Zahedan road") and places that only situate another ("Kayseri, a hub in Central Anatolia"), and a country
when a place in it is named; an area that only names the settlement told before ("in the Borno state town", "the village
in Borno state") gives way to it; several places left make several events. A violent act placed only at a country or a
province lies where a next sentence that retells it by a definite noun says ("... The killings took place in Douentza",
events/retold_places.py). With none: the settlement the sentence refers back to ("the city"), else the place told in the
sentences just before, else (but for strategic developments, which stay unplaced) the town in a crowd's own words
("University of Eldoret students"), the dateline's town when the article names no other or its title names that town,
the one place the article names in the event's country, else the target's country, the country the article is about (its
places', else its named parties'), or the actor's own, at country precision, where a name the sentence gives as a place
that nothing places ("near Bohong") keeps its name, else the story's place stands for it (events/story_places.py); a
place no country holds (Lake Chad) takes that country. The small tests on the parse are in events/places.py.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..article import Article, DateMention, EventMention, Place
from ..taxonomy.kinds import ActorRole
from ..events.grievances import grievance_tokens
from ..events.place_relations import contains, in_district, within_admin1
from ..events.story_places import in_title, only_place, story_place, unplaced_within
from ..events.retold_places import (in_dateline, named_below_country, of_the_named_event, where_retold,
                                    where_told_first)
from ..geo.countries import COUNTRY_CODES, CountryNames
from ..geo.strays import WATER_CODES
from ..lexicon import load_lexicon
from ..events.places import (ROUTE_WORDS, apposed_before, beyond_topics, cared_at, crowd_town, hosting_spans,
                             most_specific_last, movement_destination, moved_to, names_a_backer, names_a_job, on_route,
                             names_a_neighbour, names_a_place_within, names_a_topic, named_node, only_finer_kept,
                             origin_of_people, place_token, settlement_in_area, told_in_actors_clause,
                             travel_destination, without_hosts)
from ..syntax import governing_verb

_WORDS = load_lexicon("event_places")
DIRECTION_WORDS = _WORDS.words("direction_word")
DISTANCE_WORDS = _WORDS.words("distance_word")
DISTANCE_PREPOSITIONS = _WORDS.words("distance_preposition")  # "10 km from X", "north of X"
# "the city", "the camp": a settlement the sentence refers back to (not "the city of X", which names it)
_SETTLEMENTS = "|".join(sorted(_WORDS.words("settlement_noun"), key=len, reverse=True))
SETTLEMENT_REFERENCE = re.compile(rf"\bthe (?:{_SETTLEMENTS})\b(?! of\b)")
TOWARD = _WORDS.words("toward_preposition")
# "the police shooting of a black man here" (not "here is", "here are": a presentation)
HERE = re.compile(rf"\b{_WORDS.alternation('here_word')}\b(?!\s+{_WORDS.alternation('presenting_verb')}\b)",
                  re.IGNORECASE)
AREA_PRECISION = 3


class EventLocationsStage:
    name = "event_locations"
    requires = ("reports", "report_actors", "report_dates", "dates", "places", "actors", "mentions", "datelines", "doc",
                "sentences", "text", "title", "headline")
    assigns = ("report_places",)

    def __init__(self, *, countries: CountryNames):
        self._countries = countries

    def __call__(self, article: Article) -> Article:
        article.report_places = [
            [self._with_country(article, place, (found.actor1, found.actor2, *found.assoc))
             for place in self._locations(article, report.mention, (found.actor1, found.actor2, *found.assoc),
                                          date=dated.date)]
            for report, found, dated in zip(article.reports, article.report_actors, article.report_dates)]
        return article

    def _with_country(self, article: Article, place: Place | None, actors) -> Place | None:
        """A place no one country holds (Lake Chad) lies in the event's country."""
        if place is None or place.country or place.lat is None:
            return place
        country = self._event_country(article, actors)
        return replace(place, country=country.country) if country is not None else place

    def _event_country(self, article: Article, actors) -> Place | None:
        """The target's country, else the country the article is about, else the actor's own (country precision)."""
        return (self._country_fallback(actors[1:2]) or self._main_country(article)
                or self._country_fallback(actors[:1]))

    def _locations(self, article: Article, mention: EventMention, actors, *,
                   date: DateMention | None = None) -> list[Place | None]:
        here = _here_in_phrase(article, mention)
        if here is not None:
            return [here]  # "the police shooting of a black man here": where the story was filed, whatever else
        # A country standing for its state ("Armenia launched") and a place inside an actor's name
        # ("the civilian population of Azerbaijan") are not where the event happened.
        used = [a.span for a in actors if a is not None]
        used += [a.span for a in article.actors if a.sentence == mention.sentence
                 and (a.role == ActorRole.STATE or " of " in a.span.text or names_a_place_within(a, article.places))]
        used += article.datelines  # where the reporter filed from
        places = [p for p in article.places if article.sentence_at(p.span.start) == mention.sentence
                  and not any(u.overlaps(p.span) and (u in article.datelines or not (apposed_before(
                      article.text, p.span, u) or told_in_actors_clause(article.doc, p.span, u))) for u in used)
                  and p.lat is not None and not (p.country is None and p.feature_class == "L")  # the EU places nothing
                  and not names_a_job(place_token(article.doc, p)) and not names_a_backer(article.doc, p.span)]
        # a journey's end is no place of the act, wherever the trigger lies ("returning from a trip to X")
        places = [p for p in places if not travel_destination(place_token(article.doc, p))] or places
        places = on_route(article.text, places)  # "the Khash-Zahedan road": near Khash
        places = [p for p in places if not movement_destination(place_token(article.doc, p), fleeing=True)]
        places = [p for p in places if not cared_at(place_token(article.doc, p))]  # "died in hospital in X"
        places = beyond_topics(article.doc, _in_clause(article, mention, of_the_named_event(article, mention, places)),
                               places)
        places = _without_reference_points(article, places)
        places = where_retold(article, mention, _most_specific(article, places), date)
        places = _settlement_told_before(article, places) or places
        specific = [p for p in places if p.feature_code not in COUNTRY_CODES]
        if specific:
            countries_covered = {p.country for p in specific}
            places = specific + [p for p in places if p.feature_code in COUNTRY_CODES
                                 and p.country not in countries_covered]
            places = [p for p in places if p.feature_code not in COUNTRY_CODES] or places
        if places:
            unique, seen = [], set()
            for place in places:
                key = place.geonameid or (place.name, place.country)
                if key not in seen:
                    seen.add(key)
                    unique.append(place)
            return unique
        told_before = _settlement_referred_to(article, mention) or _place_told_before(article, mention) \
            or where_told_first(article, mention)
        if told_before is not None:
            return [told_before]  # "Gunmen attacked the village of X on Sunday. They killed 14 people."
        if mention.event_type == "Strategic developments":
            return [None]  # an agreement or arrest with no place named: unknown, not a guess
        # the target's country, else the country the article is about, else the actor's own; within it, the
        # town the story was filed from when the article names no other ("CHARLOTTE, N.C. - ... the police
        # shooting of a black man here")
        country = self._event_country(article, actors)
        for guess in (crowd_town(article.places, actors), _filed_from(article, mention), only_place(article, country)):
            if guess is not None and (country is None or guess.country == country.country):
                return [guess]
        return [unplaced_within(article, mention, country) or story_place(article, country) or country]

    def _country_fallback(self, actors) -> Place | None:
        """No place named: the first of these actors with a country, at country precision."""
        for actor in actors:
            if actor is not None and actor.country:
                country = self._countries.get(actor.country)
                if country is None or country.lat is None:
                    continue
                return Place(actor.span, country.name, None, country.lat, country.lon, country.iso, None, "A",
                             "PCLI", 3)
        return None

    def _main_country(self, article: Article) -> Place | None:
        """The country the article is about, at country precision: the one its places lie in (a town or area
        counting twice a country's name) and its actors belong to most often ("South Korean authorities" and
        Seoul outweigh two mentions of U.S. beef)."""
        tally: dict[str, int] = {}
        first: dict[str, Place] = {}
        for place in article.places:  # not a backer's ("a Turkey-backed faction")
            if place.country and not names_a_backer(article.doc, place.span):
                # a town or area says where things are more than a country's name, often a topic's
                weight = 1 if place.feature_code in COUNTRY_CODES else 2
                tally[place.country] = tally.get(place.country, 0) + weight
                first.setdefault(place.country, place)
        for actor in article.actors:
            if actor.country in first:  # a country the article names a place of
                tally[actor.country] += 1
        if not tally:  # no place the gazetteer knows: the country of the parties it names ("the 3R armed group")
            for actor in article.actors:
                if actor.country and actor.named:
                    tally[actor.country] = tally.get(actor.country, 0) + 1
                    first.setdefault(actor.country, Place(actor.span, "", None, None, None, actor.country, None, None,
                                                          None, 3))
        if not tally:
            return None
        iso = max(tally, key=lambda c: (tally[c], -first[c].span.start))
        country = self._countries.get(iso)
        if country is None or country.lat is None:
            return None
        return Place(first[iso].span, country.name, None, country.lat, country.lon, iso, None, "A", "PCLI", 3)


def _filed_from(article: Article, mention: EventMention) -> Place | None:
    """The town of the article's dateline, when it is the only town or district the article names or the title
    names it, or when the sentence says the event happened "here" or is the dateline's own lead ("CHARLOTTE - The
    wife of a man fatally shot by police ..."): at its own precision when the sentence says "here", else the area
    around it (ACLED's 3)."""
    local = _towns(article)
    filed = [p for p in local if in_dateline(article, p)]
    if not filed:
        return None
    sentence = article.sentences[mention.sentence].span
    here = HERE.search(sentence.text) is not None
    leads = [d for d in article.datelines if sentence.start <= d.start < sentence.end or (
        d.end <= sentence.start and not article.text[d.end:sentence.start].strip())]
    if len({(p.name, p.country) for p in local}) > 1 and not here and not leads and not in_title(article, filed):
        return None
    # the lead of a round-up's item is filed from its own label's town ("SUMY - Funerals were held ...")
    filed = [p for p in filed if any(d.start <= p.span.start < d.end for d in leads)] or filed
    return filed[0] if here else replace(filed[0], geo_precision=max(filed[0].geo_precision, AREA_PRECISION))


def _here_in_phrase(article: Article, mention: EventMention) -> Place | None:
    """The dateline's town when the event noun's own phrase says "here" ("after the police shooting of a black
    man here sparked protests"), at its own precision; else None."""
    if not article.datelines or article.doc is None:
        return None
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if span is None or span.root.pos_ in ("VERB", "AUX") and span.root.tag_ != "VBG":
        return None
    if not any(HERE.fullmatch(w.text) for w in span.root.subtree if w.i != span.root.i):
        return None
    return next((p for p in _towns(article) if in_dateline(article, p)), None)


def _towns(article: Article) -> list[Place]:
    """The placed towns and districts the article names (no countries, no provinces)."""
    return [p for p in article.places if p.lat is not None and p.feature_code not in COUNTRY_CODES
            and p.geo_precision <= 2]


def _settlement_referred_to(article: Article, mention: EventMention) -> Place | None:
    """ "East of the city", "in the camp": a settlement the sentence refers back to, the last one named before it that
    is not only where another lies."""
    words = article.sentences[mention.sentence].span.text.casefold()
    if not SETTLEMENT_REFERENCE.search(words):
        return None
    before = [p for p in article.places if p.span.start < mention.trigger.start and p.lat is not None
              and (p.feature_class in ("P", "S") or (p.within is not None and p.geo_precision <= 2))
              and not in_dateline(article, p) and not moved_to(place_token(article.doc, p))]
    # not a town that only says where the place named with it lies ("at Koura Daga, near Niafunke ... in the village")
    before = [p for p in before if not any(q.within == p.span for q in before)] or before
    return before[-1] if before else None


def _settlement_told_before(article: Article, places: list[Place]) -> list[Place]:
    """ "Gunmen attacked the village in Borno state": the settlement named before that lies in the area, when
    only areas are left and the words make the area the settlement's (events/places.py settlement_in_area)."""
    if not places or any(p.feature_class != "A" for p in places):
        return []
    for area in places:
        if settlement_in_area(article.text, area.span):
            before = [p for p in article.places if p.span.start < area.span.start and p.lat is not None
                      and p.feature_class in ("P", "S") and not in_dateline(article, p)
                      and (within_admin1(area, p) or in_district(p, area))]
            if before:
                return [before[-1]]
    return []


def _most_specific(article: Article, places: list[Place]) -> list[Place]:
    """Drop a place that only situates another ('Kayseri, a hub in Central Anatolia'; 'Redding, northern
    California'; 'a woman from Canada'), keeping the places an event is told to have hit ('Ganja, Mingachevir
    and Absheron district')."""
    doc = article.doc
    tokens = {}
    for place in places:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is not None:
            tokens[id(place)] = named_node(span.root)
    hosts = hosting_spans(places, tokens)  # "in Jangebe, in Zamfara state": Zamfara
    kept = []                                                   # only places Jangebe, which it hosts
    for place in places:
        token = tokens.get(id(place))
        if place.span in hosts:
            continue
        if token is None:
            kept.append(place)
            continue
        if origin_of_people(token) or _bracketed_after(article.text, place, places):
            continue  # "a woman visiting from Canada", "coming from A and B"; "X (Rafah, North Sinai)": Rafah
        situates = False
        for other in places:
            other_token = tokens.get(id(other))
            if other is place or other_token is None or other.geo_precision >= place.geo_precision:
                continue
            current, path = token, []
            while current.head.i != current.i and current.i != other_token.i and len(path) < 6:
                path.append(current.dep_)
                current = current.head
            if current.i == other_token.i and "conj" not in path and not (
                    _peers(token, other_token) and not within_admin1(place, other)):
                situates = True  # ("Ganja, Mingachevir, Khizi": an apposed list of peers, unless it is "Town, State")
                break
        listed = {id(o) for o in places if tokens.get(id(o)) is not None and _peers(token, tokens[id(o)])}
        if not situates and not any(contains(place, other) for other in places
                                    if other is not place and id(other) not in listed):
            kept.append(place)  # places listed together ("Ganja, Mingachevir and Absheron") are peers
    return without_hosts(kept, doc) or places


_IN_BRACKETS_AFTER = re.compile(r"^[\w' -]{0,40}\((?:[^()]*,\s*)?$")  # "X (", "X port city (Rafah, ": X situated


def _bracketed_after(text: str, place: Place, places: list[Place]) -> bool:
    """Whether the place is named in brackets right after another, or after a few words of its kind ("in Sheikh
    Zuweiyid (Rafah, North Sinai)", "Hodeidah port city (Ad Durayhimi, Al Hudaydah)"): it says where the other lies,
    however fine (Rafah is a town as well as the district)."""
    return any(o.span.end <= place.span.start and _IN_BRACKETS_AFTER.match(text[o.span.end:place.span.start])
               for o in places if o is not place)


def _peers(token, other) -> bool:
    """Places of one list ("Ganja, Mingachevir, Khizi as well as Absheron district") share its first item."""
    def list_head(t):
        for _ in range(8):
            if t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
                t = t.head
            else:
                break
        return t
    low, high = sorted((token.i, other.i))
    if any(t.text == "(" for t in token.doc[low:high]):
        return False  # "X town (Hargeysa, Waqooyi Galbeed)": brackets situate, they do not list
    return list_head(token).i == list_head(other).i


def _in_clause(article: Article, mention: EventMention, places: list[Place]) -> list[Place]:
    """Prefer the places inside the trigger's clause ('shelled X after talks in Y' is an event in X); a crowd's
    grievance ("protesting against the killing of villagers in Bwoi") is told where it happened, so its places are
    the crowd's only when the crowd's clause, and the clause it hangs on, name none."""
    doc = article.doc
    trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    verb = governing_verb(trigger.root) if trigger is not None else None
    if verb is None:
        return places
    grievance = {doc[i].idx for i in grievance_tokens(article, mention)}
    clause = _clause(verb)
    if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        clause |= {t.idx for t in verb.head.subtree if t.i < verb.i}  # "fleeing Arbinda, where gunmen attacked"
    inside = [p for p in places if p.span.start in clause - grievance]
    host = next((a for a in verb.ancestors if a.pos_ == "VERB"), None) if grievance else None
    if not inside and host is not None:  # "youths protesting against ... blocked the road in Mangu town"
        inside = [p for p in places if p.span.start in _clause(host) - grievance]
    return inside or [p for p in places if p.span.start not in grievance] or places


def _clause(verb) -> set[int]:
    """The character offsets of a verb's own clause: not the clauses joined to it ("..., and then appeared to
    condemn X")."""
    clause = set()
    stack = [verb]
    while stack:
        token = stack.pop()
        clause.add(token.idx)
        stack.extend(c for c in token.children if c.dep_ not in ("ccomp", "parataxis")
                     and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return clause


def _without_reference_points(article: Article, places: list[Place]) -> list[Place]:
    """Places that only orient the reader: "west of Kirkuk", "20 km from X", the second end of "between Tera
    and Gotheye", "the road to Djibo", "across the Dnipro", "a municipality bordering Morelia". ACLED codes the
    event at the place itself; a reference point stays only when nothing else is named."""
    doc = article.doc

    def reference(place: Place) -> bool:
        span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        if token.dep_ == "conj" and token.head.dep_ == "pobj" and token.head.head.lower_ == "between":
            return True
        if names_a_topic(token) or travel_destination(token) or place.feature_code in WATER_CODES:
            return True  # "the Gaza ceasefire", "a trip to the United States", "Hodeidah Red Sea port city"
        if names_a_neighbour(token):
            return True  # "Tarimbaro, a municipality bordering Morelia", "close to the border with Balochistan"
        if token.dep_ != "pobj":
            return False
        prep, head = token.head, token.head.head
        if prep.lower_ == "of" and (head.lower_ in DIRECTION_WORDS or head.lower_ in DISTANCE_WORDS):
            return True
        if prep.lower_ in DISTANCE_PREPOSITIONS and any(t.lower_ in DISTANCE_WORDS for t in head.subtree):
            return True
        if prep.lower_ in TOWARD and head.lemma_.lower() in ROUTE_WORDS:
            return True
        return prep.lower_ == "across"

    kept = [p for p in places if not reference(p)]
    not_topics = [p for p in places if p in kept or not names_a_topic(place_token(doc, p))]
    # a reference point stays when nothing else is named, and so does a town naming a topic ("the Peshawar mosque
    # bombing"); a country naming one never locates ("chanting against U.S. beef imports": origin, not place)
    return only_finer_kept(kept, not_topics) or not_topics or [p for p in places
                                                               if p.feature_code not in COUNTRY_CODES]


def _place_told_before(article: Article, mention: EventMention) -> Place | None:
    """The last place below the country named in the previous two sentences of the same paragraph, or of a
    one-sentence paragraph right before it (wire copy sets every sentence apart)."""
    paragraph = article.sentences[mention.sentence].paragraph
    crossed = False
    for index in (mention.sentence - 1, mention.sentence - 2):
        if index < 0 or article.is_heading(article.sentences[index]):
            break
        if article.sentences[index].paragraph != paragraph:
            size = sum(s.paragraph == article.sentences[index].paragraph for s in article.sentences)
            if crossed or size > 1:
                break
            crossed, paragraph = True, article.sentences[index].paragraph
        named = named_below_country(article, index)
        if named:
            return most_specific_last(on_route(article.text, named))  # "the Khash-Zahedan road": Khash
    return None
