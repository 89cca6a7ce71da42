"""Assemble: turn event mentions into ACLED-style events, one per location and day.

For each mention that asserts an event (not negated, hypothetical or habitual) this stage picks, from
what earlier stages found: the date (in its sentence, else a dated mention of the same agreement
elsewhere, else the narrative's last date), the actors (subject and target of the trigger's clause),
the locations (the places of its clause; several places make several events), the counts and weapons
of its sentence. Every field it fills cites the words it came from.
"""
from __future__ import annotations

import dataclasses
import re

from ..article import (ActorMention, Article, Count, CountMention, Span, DateMention, Event, EventMention, Evidence,
                       Place)
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from .actors import actor_name
from .event_places import (apposed_before, most_specific_last, names_a_job, names_a_topic, only_finer_kept,
                           origin_of_people, place_token, travel_destination, without_hosts)
from .syntax import SPEECH, governing_verb, is_speaker, subject_of

TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "toward", "towards"})
INHERIT_BACK = 3  # sentences a date may be inherited across, within the same or the previous paragraph
UNNAMED_ROLES = {"Battles": "armed_group", "Explosions/Remote violence": "armed_group",
                 "Violence against civilians": "armed_group", "Protests": "protesters", "Riots": "rioters"}
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})
DIRECTION_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                             "north-east", "north-west", "south-east", "south-west"})
DISTANCE_WORDS = frozenset({"km", "kilometres", "kilometers", "miles", "mi", "kilometre", "kilometer", "mile"})
ROUTE_WORDS = frozenset({"road", "route", "highway", "way", "motorway", "corridor"})
CLAIMED = re.compile(r"\bclaim(?:ed|s|ing)? (?:responsibility|credit)\b", re.IGNORECASE)
ARMED_KINDS = frozenset({"state_forces", "rebels", "political_militia", "identity_militia", "external_forces"})
PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
                    "Violent demonstration": 3}  # one demonstration a place and day, coded by its worst moment
OTHER_EVENT = re.compile(r"\s*(?:in (?:another|a separate|a second) (?:event|incident|attack)|separately|elsewhere|"
                         r"meanwhile|in a related)\b", re.IGNORECASE)
CLASH_WORDS = re.compile(r"\b(?:clash\w*|exchange[ds]? (?:of )?fire|firefight|gun ?battle|fought|fighting)\b",
                         re.IGNORECASE)
ALSO = re.compile(r"\b(?:also|another|other|others|more)\b", re.IGNORECASE)
SETTLEMENT_REFERENCE = re.compile(
    r"\bthe (?:city|town|village|camp|capital|neighbourhood|neighborhood|district)\b(?! of\b)")


@dataclasses.dataclass
class _Draft:
    mention: EventMention
    date: DateMention | None
    date_inherited: bool
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc: list[ActorMention]
    location: Place | None
    fatalities: CountMention | None
    injured: CountMention | None
    more_evidence: list[Evidence] = dataclasses.field(default_factory=list)


class AssembleStage:
    name = "assemble"
    requires = ("doc", "sentences", "mentions", "actors", "dates", "counts", "places", "published")
    assigns = ("events",)

    def __init__(self, *, countries: CountryNames):
        self._countries = countries
        # what makes a target armed: its place (positions, a checkpoint) or its people (soldiers, police)
        self._armed_target = load_lexicon("battle_weapons").pattern("armed_target", "armed_people")

    def __call__(self, article: Article) -> Article:
        drafts: list[_Draft] = []
        sentence_dates = self._sentence_dates(article)
        for mention in article.mentions:
            if mention.negated or mention.hypothetical or mention.habitual:
                continue
            counts = [c for c in article.counts if c.sentence == mention.sentence]
            if not mention.detected:
                if mention.reference and counts:
                    self._tell_more(drafts, mention, counts)
                continue  # the detector found no event in its sentence
            if mention.reference and not sentence_dates.get(mention.sentence) and \
                    self._tell_more(drafts, mention, counts):
                continue  # "Three others were wounded in the attack": more about an event already coded
            if mention.reference and not sentence_dates.get(mention.sentence) and not counts and not any(
                    article.sentence_at(p.span.start) == mention.sentence for p in article.places):
                continue  # "the attack", "attacks in Turkey": nothing here that reports an event of its own
            date, inherited = self._date(article, mention, sentence_dates)
            actor1, actor2, assoc = self._actors(article, mention)
            told_after = self._counts_told_after(article, mention, sentence_dates)
            fatalities = self._toll(article, "fatalities", counts, told_after)
            injured = self._toll(article, "injured", counts, told_after)
            for location in self._locations(article, mention, (actor1, actor2, *assoc)):
                drafts.append(_Draft(mention, date, bool(inherited), actor1, actor2, assoc, location,
                                     fatalities, injured))
        article.events = self._merge(article, drafts)
        self._credit_claims(article, article.events)
        return article

    @staticmethod
    def _credit_claims(article: Article, events: list[Event]) -> None:
        """ "Islamic State claimed responsibility for the attack": the group that claims an attack coded with no
        named perpetrator is its actor1, as ACLED codes claimed attacks; the claim's words are the evidence."""
        for sentence in article.sentences:
            if not CLAIMED.search(sentence.span.text):
                continue
            group = next((a for a in article.actors if a.sentence == sentence.index and a.role == "group"
                          and a.kind in ("rebels", "political_militia", "identity_militia")), None)
            if group is None:
                continue
            before = [e for e in events if not e.background and e.event_type in VIOLENT_TYPES
                      and e.mention.trigger.start < sentence.span.start
                      and (e.actor1 is None or not e.actor1.named)]
            if before:
                claimed = max(before, key=lambda e: e.mention.trigger.start)
                claimed.actor1 = group
                claimed.evidence.append(Evidence("actor1", group.span))

    @staticmethod
    def _counts_told_after(article: Article, mention: EventMention, sentence_dates) -> list[CountMention]:
        """The tolls of the sentences that go on telling the event: the rest of its paragraph, up to a sentence
        that tells another event ("In another event, ...", a sentence with an event of another type or a date of
        its own)."""
        told: list[CountMention] = []
        paragraph = article.sentences[mention.sentence].paragraph
        others = {m.sentence: m for m in article.mentions if m.detected and not (m.negated or m.hypothetical)}
        open_ = True
        for index in range(mention.sentence + 1, min(len(article.sentences), mention.sentence + 4)):
            sentence = article.sentences[index]
            if sentence.paragraph != paragraph:
                break
            other = others.get(index)
            if OTHER_EVENT.match(sentence.span.text) or sentence_dates.get(index) or (
                    other is not None and other.event_type != mention.event_type):
                open_ = False
            told.extend(c for c in article.counts if c.sentence == index and (open_ or c.coded))
        return told

    @staticmethod
    def _toll(article: Article, kind: str, counts: list[CountMention], told_after: list[CountMention]):
        """The event's toll: what its own sentence says, plus the groups the next sentences add ("7 militants were
        also killed"), else the first toll they tell; a note that says how its toll was coded has the last word."""
        own = [c for c in counts if c.kind == kind]
        after = [c for c in told_after if c.kind == kind]
        coded = [c for c in own + after if c.coded]
        if coded:
            return coded[-1]
        if not own:
            return after[0] if after else None
        added = [c for c in after if ALSO.search(article.sentences[c.sentence].span.text) and c.count.best]
        if not added:
            return own[0]
        parts = [own[0], *added]
        if any(c.count.best is None for c in parts):
            return own[0]
        low = None if any(c.count.low is None for c in parts) else sum(c.count.low for c in parts)
        high = None if any(c.count.high is None for c in parts) else sum(c.count.high for c in parts)
        return dataclasses.replace(own[0], count=Count(low, sum(c.count.best for c in parts), high))

    @staticmethod
    def _tell_more(drafts: list[_Draft], mention: EventMention, counts: list[CountMention]) -> bool:
        """Attach a definite mention ("the attack") to the latest event already coded that it can name; its toll
        fills what that event lacks. False when there is no such event."""
        def compatible(other: EventMention) -> bool:
            return other.sub_event_type == mention.sub_event_type or (
                other.event_type in VIOLENT_TYPES and mention.event_type in VIOLENT_TYPES)

        earlier = [d for d in drafts if d.mention.trigger.start < mention.trigger.start and compatible(d.mention)]
        if not earlier:
            return False
        antecedent = earlier[-1].mention
        group = [d for d in drafts if d.mention is antecedent]
        for draft in group:
            draft.more_evidence.append(Evidence("trigger", mention.trigger))
        if len(group) == 1:  # a toll cannot be split between the places of one report
            draft = group[0]
            for count in counts:
                if count.kind == "fatalities" and draft.fatalities is None:
                    draft.fatalities = count
                elif count.kind == "injured" and draft.injured is None:
                    draft.injured = count
        return True

    # -- dates ------------------------------------------------------------------------------------
    @staticmethod
    def _sentence_dates(article: Article) -> dict[int, list[DateMention]]:
        by_sentence: dict[int, list[DateMention]] = {}
        for date in article.dates:
            if article.published is not None and date.date > article.published:
                continue  # "fresh elections on 2 July": a day after the report dates no event it tells
            by_sentence.setdefault(date.sentence, []).append(date)
        return by_sentence

    def _date(self, article: Article, mention: EventMention, by_sentence) -> tuple[DateMention | None, bool]:
        """The mention's date and whether it came from another sentence (None: no date anywhere near)."""
        own = by_sentence.get(mention.sentence, [])
        if own:
            return self._closest_date(article, mention, own)
        if mention.sub_event_type == "Agreement":
            # An agreement is often told twice: "agreed on a ceasefire" ... "the ceasefire declared on 10 October".
            for other in article.mentions:
                if other is not mention and other.sub_event_type == "Agreement" and by_sentence.get(other.sentence):
                    dated, _ = self._closest_date(article, other, by_sentence[other.sentence])
                    if not dated.background:
                        return dated, True
        sentence = article.sentences[mention.sentence]
        for back in range(1, INHERIT_BACK + 1):
            index = mention.sentence - back
            if index < 0 or article.sentences[index].paragraph < sentence.paragraph - 1:
                break
            if by_sentence.get(index):
                return by_sentence[index][-1], True
        return self._lead_date(article, by_sentence), True

    def _lead_date(self, article: Article, by_sentence) -> DateMention | None:
        """The day the article's first dated event happened: what wire copy's later, undated paragraphs ("In
        Lagos, a separate march ...", "Hours earlier, ...") are told against, rather than the day it was filed."""
        for other in sorted(article.mentions, key=lambda m: m.trigger.start):
            dates = by_sentence.get(other.sentence)
            if not dates or other.negated or other.hypothetical:
                continue
            dated, told_only = self._closest_date(article, other, dates)
            if not told_only and not dated.background:
                return dated
        return None

    @staticmethod
    def _closest_date(article: Article, mention: EventMention, dates: list[DateMention]) -> tuple[DateMention, bool]:
        """The date of the mention's clause, else the nearest; and whether it only dates the telling ("officials
        said on Monday that ..."), which leaves the event's own day open."""
        doc = article.doc
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        verb = governing_verb(trigger.root) if trigger is not None else None
        attached, told = [], []
        for date in dates:
            span = doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
            if span is None:
                continue
            head = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if verb is not None and any(a.i == verb.i for a in span.root.ancestors):
                attached.append(date)
            elif head is not None and head.lemma_.lower() in SPEECH and (verb is None or head.i != verb.i):
                told.append(date)
        candidates = attached or [d for d in dates if d not in told] or dates
        best = min(candidates, key=lambda d: (d.precision, abs(d.span.start - mention.trigger.start)))
        return best, best in told and not attached

    # -- actors -----------------------------------------------------------------------------------
    def _actors(self, article: Article, mention: EventMention):
        doc = article.doc
        actors = [a for a in article.actors if a.sentence == mention.sentence]
        actors = [a for a in actors if not self._speaks(doc, a)]
        if not actors:
            return None, None, []
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        root = trigger.root
        verb = governing_verb(root)

        def actor_at(token):
            if token is None:
                return None
            for actor in actors:
                if actor.span.start <= token.idx < actor.span.end or actor.head == token.idx:
                    return actor
            for child in token.children:  # "positions of the army", "the population of Azerbaijan"
                if child.dep_ == "prep" and child.lower_ == "of":
                    for grandchild in child.children:
                        found = actor_at(grandchild)
                        if found:
                            return found
            return None

        actor1 = actor_at(subject_of(verb)) if verb is not None else None
        actor2 = None
        for head in self._act_heads(root, verb):
            if actor2 is not None:
                break
            preps = TARGET_PREPS | ({"with"} if mention.sub_event_type == "Armed clash" else set())
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in child.children:
                        actor2 = actor2 or actor_at(pobj)
                elif child.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() not in ("launch", "carry", "conduct",
                                                                                      "stage", "hold"):
                    actor2 = actor2 or actor_at(child)
        if actor1 is None or actor1 is actor2:  # "6 soldiers were killed following attacks by Taliban militants"
            by_agent = next((found for t in trigger.sent if t.lower_ == "by" and t.head.pos_ in ("VERB", "NOUN")
                             for found in [actor_at(next((c for c in t.children if c.dep_ == "pobj"), None))]
                             if found is not None and found is not actor2), None)
            actor1 = by_agent or actor1
        if actor1 is None and verb is not None:  # "the army said its aircraft struck": the army's aircraft
            actor1 = self._owner_who_speaks(article, mention, subject_of(verb))
        if actor1 is None:  # "Russian guided aerial bombs": the trigger inside a state's weapon phrase
            actor1 = next((a for a in actors if a.span.start <= mention.trigger.start < a.span.end
                           and a.kind == "state_forces" and a is not actor2), None)
        if actor1 is None:
            actor1 = self._nearest_party(doc, actors, mention, exclude=actor2)
        if actor2 is None and mention.event_type in ("Violence against civilians",):
            after = [a for a in actors if a.kind == "civilians" and a.span.start > mention.trigger.start]
            actor2 = after[0] if after else None
        assoc = []
        if actor1 is not None:
            token = doc.char_span(actor1.span.start, actor1.span.end, alignment_mode="expand")
            for conj in (token.root.conjuncts if token is not None else ()):
                partner = actor_at(conj)
                if partner and partner is not actor1:
                    if actor2 is None and mention.event_type == "Strategic developments":
                        actor2 = partner
                    elif partner is not actor2:
                        assoc.append(partner)
        if actor2 is None and mention.sub_event_type == "Agreement":
            others = [a for a in actors if a not in (actor1, *assoc) and a.role != "state"]
            actor2 = others[0] if others else None
        if mention.event_type == "Strategic developments":
            # mediators and other states named with the parties ("with Russia's mediation")
            assoc.extend(a for a in actors if a.role == "state" and a not in (actor1, actor2) and a not in assoc)
        if mention.event_type == "Protests":
            # ACLED's protest events have the demonstrators as actor1, whoever else the sentence makes its subject;
            # residents or students who march are protesters; police who intervene are actor2
            marchers = [a for a in actors if a.kind == "protesters"] or [
                dataclasses.replace(a, kind="protesters", role="protesters",
                                    name=actor_name("protesters", self._countries.name(a.country)
                                                    if a.country else None, a.name))
                for a in actors if a.kind == "civilians"]
            if actor1 is None or actor1.kind != "protesters":
                others = [a for a in (actor1, actor2) if a is not None and a.kind == "state_forces"]
                actor1 = marchers[0] if marchers else None  # None: ACLED's "Protesters (Country)" below
                actor2 = others[0] if others else actor2
        if actor1 is actor2:
            actor2 = None
        return actor1, actor2, assoc

    @staticmethod
    def _act_heads(root, verb) -> list:
        """Where the act's target hangs: the trigger, its verb, the verbs it is coordinated with ("shot and
        injured the officer", "were shot and killed") and the verb an act noun is attached to ("soldiers were
        killed following attacks by militants")."""
        heads = [root]
        if verb is not None:
            heads.append(verb)
            heads.extend(verb.conjuncts)
            if verb.dep_ in ("advcl", "prep", "pcomp") and verb.head.pos_ == "VERB":
                heads.append(verb.head)
                heads.extend(verb.head.conjuncts)
        out = []
        for head in heads:
            if head not in out:
                out.append(head)
        return out

    @staticmethod
    def _speaks(doc, actor: ActorMention) -> bool:
        span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        return span is not None and is_speaker(span.root)

    @staticmethod
    def _owner_who_speaks(article: Article, mention: EventMention, subject) -> ActorMention | None:
        """The armed party that tells of its own act: "the army said its aircraft struck ...", "the army said it
        had killed 12 fighters", "the group said its fighters attacked ...": the speaker owns the subject."""
        if subject is None or not (subject.lower_ in ("it", "they", "we") or any(
                c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subject.children)):
            return None
        speech = next((a for a in subject.ancestors if a.lemma_.lower() in SPEECH), None)
        speaker = subject_of(speech) if speech is not None else None
        if speaker is None:
            return None
        return next((a for a in article.actors if a.sentence == mention.sentence and a.kind in ARMED_KINDS
                     and (a.span.start <= speaker.idx < a.span.end or a.head == speaker.idx)), None)

    @staticmethod
    def _nearest_party(doc, actors: list[ActorMention], mention: EventMention, *, exclude):
        """No subject found: the nearest actor before the trigger that is not a mere possessor
        ("Russia's mediation"), taken at the head of its conjunction ("Armenia and Azerbaijan")."""
        before = [a for a in actors if a.span.end <= mention.trigger.start and a is not exclude]
        by_head = {a.head: a for a in actors}
        for actor in reversed(before):
            token = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
            if token is None:
                continue
            root = token.root
            if root.dep_ == "poss":
                continue
            while root.dep_ == "conj" and root.head.idx in by_head:
                root = root.head
            return by_head.get(root.idx, actor)
        return before[-1] if before else None

    # -- places -----------------------------------------------------------------------------------
    def _locations(self, article: Article, mention: EventMention, actors) -> list[Place | None]:
        # A country standing for its state ("Armenia launched") and a place inside an actor's name
        # ("the civilian population of Azerbaijan") are not where the event happened.
        used = [a.span for a in actors if a is not None]
        used += [a.span for a in article.actors if a.sentence == mention.sentence
                 and (a.role == "state" or " of " in a.span.text)]
        used += article.datelines  # where the reporter filed from
        places = [p for p in article.places if article.sentence_at(p.span.start) == mention.sentence
                  and not any(u.overlaps(p.span) and (u in article.datelines or not apposed_before(
                      article.text, p.span, u)) for u in used) and p.lat is not None
                  and not names_a_job(place_token(article.doc, p))]
        places = self._in_clause(article, mention, places)
        places = self._without_reference_points(article, places)
        places = self._most_specific(article, places)
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
        told_before = self._settlement_referred_to(article, mention) or self._place_told_before(article, mention)
        if told_before is not None:
            return [told_before]  # "Gunmen attacked the village of X on Sunday. They killed 14 people."
        if mention.event_type == "Strategic developments":
            return [None]  # an agreement or arrest with no place named: unknown, not a guess
        # the target's country, else the country the article is about, else the actor's own
        return [self._country_fallback(actors[1:2]) or self._main_country(article)
                or self._country_fallback(actors[:1])]

    @staticmethod
    def _settlement_referred_to(article: Article, mention: EventMention) -> Place | None:
        """ "East of the city", "in the camp": a settlement the sentence refers back to is the last one the
        article named before it."""
        words = article.sentences[mention.sentence].span.text.casefold()
        if not SETTLEMENT_REFERENCE.search(words):
            return None
        before = [p for p in article.places if p.span.start < mention.trigger.start and p.lat is not None
                  and (p.feature_class in ("P", "S") or (p.within is not None and p.geo_precision <= 2))
                  and not any(d.start <= p.span.start < d.end for d in article.datelines)]
        return before[-1] if before else None

    def _most_specific(self, article: Article, places: list[Place]) -> list[Place]:
        """Drop a place that only situates another ('Kayseri, a hub in Central Anatolia'; 'Redding, northern
        California'; 'a woman from Canada'), keeping the places an event is told to have hit ('Ganja, Mingachevir
        and Absheron district')."""
        doc = article.doc
        tokens = {}
        for place in places:
            span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
            if span is not None:
                tokens[id(place)] = span.root
        hosts = {p.within for p in places if p.within is not None}  # "in Jangebe, in Zamfara state": Zamfara
        kept = []                                                   # only places Jangebe, which it hosts
        for place in places:
            token = tokens.get(id(place))
            if place.span in hosts:
                continue
            if token is None:
                kept.append(place)
                continue
            if origin_of_people(token):
                continue  # "a woman visiting from Canada", "people from the villages of X", "coming from A and B"
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
                        self._peers(token, other_token) and not self._within_admin1(place, other)):
                    situates = True  # ("Ganja, Mingachevir, Khizi": an apposed list of peers, unless it is "Town, State")
                    break
            listed = {id(o) for o in places if tokens.get(id(o)) is not None and self._peers(token, tokens[id(o)])}
            if not situates and not any(self._contains(place, other) for other in places
                                        if other is not place and id(other) not in listed):
                kept.append(place)  # places listed together ("Ganja, Mingachevir and Absheron") are peers
        return without_hosts(kept, doc) or places

    @staticmethod
    def _peers(token, other) -> bool:
        """Places of one list ("Ganja, Mingachevir, Khizi as well as Absheron district") share its first item."""
        def list_head(t):
            for _ in range(8):
                if t.dep_ in ("conj", "appos", "compound") and t.head.i != t.i:
                    t = t.head
                else:
                    break
            return t
        return list_head(token).i == list_head(other).i

    @staticmethod
    def _within_admin1(area: Place, place: Place) -> bool:
        return bool(place.admin1 and area.name and place.country == area.country
                    and (place.admin1 == area.name or area.name in place.admin1 or place.admin1 in area.name))

    @staticmethod
    def _contains(area: Place, place: Place) -> bool:
        """Whether a coarser place holds a finer one named with it: its province ("Amhara" for a town there), or
        any region or province of the same country when the finer place is a town or district."""
        if place.geo_precision >= area.geo_precision or place.country != area.country:
            return False
        if place.admin1 and area.name and (place.admin1 == area.name or area.name in place.admin1
                                           or place.admin1 in area.name):
            return True
        return area.geo_precision >= 3

    @staticmethod
    def _in_clause(article: Article, mention: EventMention, places: list[Place]) -> list[Place]:
        """Prefer the places inside the trigger's clause ('shelled X after talks in Y' is an event in X)."""
        doc = article.doc
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        verb = governing_verb(trigger.root) if trigger is not None else None
        if verb is None:
            return places
        clause = set()
        stack = [verb]
        while stack:  # the verb's own clause: not the clauses joined to it ("..., and then appeared to condemn X")
            token = stack.pop()
            clause.add(token.idx)
            stack.extend(c for c in token.children if c.dep_ not in ("ccomp", "parataxis")
                         and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
        inside = [p for p in places if p.span.start in clause]
        return inside or places

    @staticmethod
    def _without_reference_points(article: Article, places: list[Place]) -> list[Place]:
        """Places that only orient the reader: "west of Kirkuk", "20 km from X", the second end of "between Tera
        and Gotheye", "the road to Djibo", "across the Dnipro". ACLED codes the event at the place itself; a
        reference point stays only when nothing else is named."""
        doc = article.doc

        def reference(place: Place) -> bool:
            span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
            if span is None:
                return False
            token = span.root
            if token.dep_ == "conj" and token.head.dep_ == "pobj" and token.head.head.lower_ == "between":
                return True
            if names_a_topic(token):
                return True  # "EU accession talks", "the Gaza ceasefire": a place naming a topic
            if travel_destination(token):
                return True  # "returning from a trip to the United States"
            if token.dep_ != "pobj":
                return False
            prep, head = token.head, token.head.head
            if prep.lower_ == "of" and (head.lower_ in DIRECTION_WORDS or head.lower_ in DISTANCE_WORDS):
                return True
            if prep.lower_ in ("from", "of") and any(t.lower_ in DISTANCE_WORDS for t in head.subtree):
                return True
            if prep.lower_ in ("to", "towards", "toward") and head.lemma_.lower() in ROUTE_WORDS:
                return True
            return prep.lower_ == "across"

        kept = [p for p in places if not reference(p)]
        return only_finer_kept(kept, [p for p in places if p in kept or not names_a_topic(place_token(doc, p))]) \
            or places

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

    @staticmethod
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
            named = [p for p in article.places if article.sentence_at(p.span.start) == index
                     and p.lat is not None and p.feature_code not in COUNTRY_CODES
                     and not any(d.start <= p.span.start < d.end for d in article.datelines)]
            hosts = {p.within for p in named if p.within is not None}
            named = [p for p in named if p.span not in hosts] or named
            if named:
                return most_specific_last(named)
        return None

    def _main_country(self, article: Article) -> Place | None:
        """The country the article's places lie in most often, at country precision."""
        tally: dict[str, int] = {}
        first: dict[str, Place] = {}
        for place in article.places:
            if place.country:
                tally[place.country] = tally.get(place.country, 0) + 1
                first.setdefault(place.country, place)
        if not tally:
            return None
        iso = max(tally, key=lambda c: (tally[c], -first[c].span.start))
        country = self._countries.get(iso)
        if country is None or country.lat is None:
            return None
        return Place(first[iso].span, country.name, None, country.lat, country.lon, iso, None, "A", "PCLI", 3)

    # -- events -----------------------------------------------------------------------------------
    def _merge(self, article: Article, drafts: list[_Draft]) -> list[Event]:
        events: list[Event] = []
        index: dict[tuple, Event] = {}
        for draft in sorted(drafts, key=lambda d: d.mention.trigger.start):
            event = self._event(article, draft, len(events) + 1)
            location = event.location
            # one protest a place and day: met by police, it is a protest with intervention, not two events
            kind = "demonstration" if event.sub_event_type in PROTEST_SEVERITY else event.sub_event_type
            key = (kind, event.date, event.background,
                   (location.geonameid or (location.name, location.country)) if location else None)
            if key in index:
                self._absorb(index[key], event)
                continue
            index[key] = event
            events.append(event)
        events = self._fold_coarse(events)
        events = self._fold_destruction(events)
        for event in events:  # a protest that turned into a riot: its marchers are rioters now
            if event.event_type == "Riots" and event.actor1 is not None and event.actor1.kind == "protesters":
                event.actor1, event.actor2 = self._crowd_roles(
                    dataclasses.replace(event.mention, event_type=event.event_type,
                                        sub_event_type=event.sub_event_type), event.actor1, event.actor2,
                    event.location)
        for number, event in enumerate(events, start=1):
            event.id = f"{article.id}-e{number}"
        return events

    def _fold_coarse(self, events: list[Event]) -> list[Event]:
        """An event placed only at a country or a province, on the day another event of the same type is placed
        at a town in it, is that event told again ("... in Somalia", "... in Borno"): fold it in."""
        kept: list[Event] = []
        for event in events:
            finer = [e for e in events if e is not event and e.event_type == event.event_type
                     and e.date == event.date and e.background == event.background
                     and self._within(e.location, event.location)]
            if finer:
                self._absorb(finer[0], event)
                continue
            kept.append(event)
        return kept

    def _fold_destruction(self, events: list[Event]) -> list[Event]:
        """Houses burnt or shops looted in an attack are part of the attack, as ACLED codes them: property
        destruction on the day and at the place (or at no place) of a violent event is folded into it."""
        kept: list[Event] = []
        for event in events:
            host = None
            if event.sub_event_type == "Looting/property destruction":
                host = next((e for e in events if e is not event and e.event_type in VIOLENT_TYPES
                             and e.date == event.date and e.background == event.background
                             and (event.location is None or e.location is None
                                  or _same_place(e.location, event.location))), None)
            if host is not None:
                self._absorb(host, event)
                continue
            kept.append(event)
        return kept

    def _within(self, place: Place | None, area: Place | None) -> bool:
        if place is None or area is None or place.country != area.country:
            return False
        if place.within is not None and place.within.text == area.span.text and (place.lat, place.lon) == (
                area.lat, area.lon):
            # a village no gazetteer knows, placed at the area the text names around it (not at a town beside it)
            return area.feature_class == "A"
        if area.geo_precision <= place.geo_precision:
            return False
        return area.feature_code in COUNTRY_CODES or self._within_admin1(area, place)

    @staticmethod
    def _absorb(kept: Event, other: Event) -> None:
        if PROTEST_SEVERITY.get(other.sub_event_type, -1) > PROTEST_SEVERITY.get(kept.sub_event_type, -1) \
                and kept.sub_event_type in PROTEST_SEVERITY:
            kept.sub_event_type, kept.event_type = other.sub_event_type, other.event_type
        kept.fatalities = kept.fatalities or other.fatalities
        kept.injured = kept.injured or other.injured
        kept.weapons = kept.weapons + [w for w in other.weapons if w not in kept.weapons]
        kept.actor1 = _better_actor(kept.actor1, other.actor1)
        kept.actor2 = _better_actor(kept.actor2, other.actor2)
        seen = {(e.field, e.span.start) for e in kept.evidence}
        kept.evidence.extend(e for e in other.evidence if (e.field, e.span.start) not in seen)
        kept.confidence = max(kept.confidence, other.confidence)

    def _event(self, article: Article, draft: _Draft, number: int) -> Event:
        mention = draft.mention
        evidence = [Evidence("trigger", mention.trigger)]
        date = draft.date
        if date is not None:
            when, until, precision = date.date, date.date_end, date.precision
            if draft.date_inherited:
                precision = max(precision, 2)
            evidence.append(Evidence("date", date.span))
            background = date.background
        elif article.published is not None:
            when, until, precision, background = article.published, None, 3, False
        else:
            when, until, precision, background = None, None, 3, False
        location = draft.location
        speaking_force = self._speaking_force(article, mention)
        actor1 = self._localise(self._as_government(draft.actor1, mention), location, speaking_force)
        actor2 = self._localise(self._as_government(draft.actor2, mention), location, speaking_force)
        mention = self._by_target(article, mention, actor1, actor2)
        actor1, actor2 = self._crowd_roles(mention, actor1, actor2, location)
        if actor1 is None:
            actor1 = self._unnamed_actor(mention, location)
        for field, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None and actor.named:
                evidence.append(Evidence(field, actor.span))
        for actor in draft.assoc:
            evidence.append(Evidence("assoc_actors", actor.span))
        if location is not None:
            evidence.append(Evidence("location", location.span))
        for field, count in (("fatalities", draft.fatalities), ("injured", draft.injured)):
            if count is not None:
                evidence.append(Evidence(field, count.span))
        weapons = []
        for span, name in zip(mention.weapons, mention.weapon_names):
            evidence.append(Evidence("weapons", span))
            if name not in weapons:
                weapons.append(name)
        evidence.extend(draft.more_evidence)
        filled = sum(x is not None for x in (draft.date if not draft.date_inherited else None, location, actor1))
        # the detector's probability that the sub-event type is right, a little lower for each of date, place
        # and actor the text does not give (a mild factor: on real notes a stronger one left the confidence of
        # events with missing fields under their accuracy; bench/acled_dev.py prints the reliability table)
        confidence = round(mention.confidence * (0.85 + 0.05 * filled), 2)
        return Event(
            id=f"{article.id}-e{number}", event_type=mention.event_type, sub_event_type=mention.sub_event_type,
            date=when, date_end=until if until and until != when else None, time_precision=precision,
            actor1=actor1, actor2=actor2, assoc_actors=list(draft.assoc), location=location,
            fatalities=draft.fatalities.count if draft.fatalities else None,
            injured=draft.injured.count if draft.injured else None, weapons=weapons, background=background,
            confidence=confidence, evidence=evidence, mention=mention)

    def _by_target(self, article: Article, mention: EventMention, actor1: ActorMention | None,
                   actor2: ActorMention | None) -> EventMention:
        """ACLED's line between an attack and a clash is the target: violence by an armed group on soldiers,
        police or fighters (who are armed, even when they do not fire back) is an armed clash; on civilians, an
        attack. The detector reads the act; the target's kind comes from the sentence's actors."""
        armed = ("state_forces", "rebels", "political_militia", "identity_militia", "external_forces")
        if mention.sub_event_type == "Attack" and actor2 is not None and actor2.named and actor2.kind in armed \
                and (actor1 is None or actor1.kind in armed):
            return dataclasses.replace(mention, event_type="Battles", sub_event_type="Armed clash")
        sentence = article.sentences[mention.sentence].span.text
        if mention.sub_event_type == "Armed clash" and actor1 is not None and actor1.kind in armed \
                and not CLASH_WORDS.search(sentence):
            if actor2 is not None and actor2.named and actor2.kind == "civilians":
                return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
            others = [a for a in article.actors if a.sentence == mention.sentence and a.kind in armed
                      and a.span != actor1.span]
            if actor2 is None and not others and not self._armed_target.search(sentence):
                # one armed party and no armed target named ("gunmen ambushed and killed 4 youths"): an attack
                return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
        return mention

    def _crowd_roles(self, mention: EventMention, actor1: ActorMention | None, actor2: ActorMention | None,
                     location: Place | None) -> tuple[ActorMention | None, ActorMention | None]:
        """ACLED's roles in crowd events: the demonstrators are actor1 of a protest and the rioters of a riot,
        whoever the sentence makes its subject ("police dispersed the protesters": protesters, then police), and
        people who riot are rioters whatever the text calls them ("residents pelted stones"). Force against
        protesters is the act of whoever used it, when the text names them."""
        crowd = {"Protests": "protesters", "Riots": "rioters"}.get(mention.event_type)
        if crowd is None:
            return actor1, actor2
        armed = ("state_forces", "rebels", "political_militia", "identity_militia", "external_forces")
        if mention.sub_event_type == "Excessive force against protesters":
            if actor1 is not None and actor1.kind == "protesters" and actor2 is not None and actor2.kind in armed:
                return actor2, actor1
            return actor1, actor2
        if actor1 is not None and actor1.kind in armed and (actor2 is None or actor2.kind not in armed):
            actor1, actor2 = actor2, actor1  # "police dispersed demonstrators", "troops clashed with rioters"
        if actor1 is None or actor1.kind == crowd:
            return actor1, actor2
        if actor1.kind in ("civilians", "protesters", "rioters", "other"):
            country = actor1.country or (location.country if location is not None else None)
            name = actor_name(crowd, self._countries.name(country) if country else None, crowd)
            actor1 = dataclasses.replace(actor1, kind=crowd, role=crowd, name=name, country=country)
        return actor1, actor2

    def _unnamed_actor(self, mention: EventMention, location: Place | None) -> ActorMention | None:
        """ACLED's convention when the text names no perpetrator: an unidentified group of the kind the event
        implies, in the country where it happened. It carries no span: nothing in the text names it."""
        role = UNNAMED_ROLES.get(mention.event_type)
        if role is None:
            return None
        country = location.country if location is not None else None
        name = actor_name(role, self._countries.name(country) if country else None, role)
        kind = {"protesters": "protesters", "rioters": "rioters"}.get(role, "political_militia")
        return ActorMention(Span(mention.trigger.start, mention.trigger.start, ""), name, kind, country,
                            mention.sentence, role, mention.trigger.start, named=False)

    def _as_government(self, actor: ActorMention | None, mention: EventMention) -> ActorMention | None:
        """A state that agrees, arrests or hands over acts as its government, not its army."""
        if actor is None or actor.role != "state" or mention.event_type != "Strategic developments":
            return actor
        return dataclasses.replace(actor, name=actor_name("government", self._countries.name(actor.country), actor.name))

    def _localise(self, actor: ActorMention | None, location: Place | None,
                  speaking_force: ActorMention | None = None) -> ActorMention | None:
        """An actor with no country of its own ('civilians') takes the country where the event happened; soldiers
        or police a state's force tells of ("the Israeli military said two soldiers were killed") are its own."""
        if actor is None or actor.country:
            return actor
        country = location.country if location is not None else None
        if speaking_force is not None and actor.kind == "state_forces" and actor.role in ("military", "police"):
            country = speaking_force.country
        if not country:
            return actor
        name = actor_name(actor.role, self._countries.name(country), actor.name)
        return dataclasses.replace(actor, country=country, name=name)

    def _speaking_force(self, article: Article, mention: EventMention) -> ActorMention | None:
        """A state's force with a country that speaks in the mention's sentence ("the Israeli military said")."""
        return next((a for a in article.actors if a.sentence == mention.sentence and a.kind == "state_forces"
                     and a.country and self._speaks(article.doc, a)), None)


def _same_place(a: Place, b: Place) -> bool:
    return (a.geonameid or (a.name, a.country)) == (b.geonameid or (b.name, b.country))


def _better_actor(kept: ActorMention | None, other: ActorMention | None) -> ActorMention | None:
    """The actor the text names over ACLED's unidentified stand-in."""
    if kept is None or (not kept.named and other is not None and other.named):
        return other
    return kept
