"""Events: one ACLED-style event for each event report and place, from what the event stages found for it.

Each event takes its report's date (the publication day when none was found), actors, place and tolls, with the
words each came from as evidence, and ACLED's conventions for actors (events/actor_roles.py): a state that
agrees or arrests acts as its government, an actor with no country of its own takes the event's, the
demonstrators lead a crowd event, and an unidentified group of the event's kind stands in when the text names no
perpetrator. The target decides between an attack and a clash. Events come out in the order of their triggers;
event_merge then joins those that are one.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..article import ActorMention, Article, Event, EventMention, EventReport, Evidence, Place, ReportActors, \
    ReportDate, ReportTolls
from ..events.crowd_sides import NON_STATE_ARMED, crowd_attackers, crowd_clash
from ..events.place_relations import at_seat
from ..events.actor_roles import ActorRoles, one_party, speaking_force, speaks, told_as_harmed
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..syntax import governing_verb
from ..taxonomy.acled import VIOLENT_TYPES
from ..taxonomy.kinds import ARMED_KINDS, ActorKind, ActorRole

ARMED_TARGET_ACTS = frozenset({"Attack", "Abduction/forced disappearance"})  # done to soldiers or police: a clash
_PEOPLE = load_lexicon("event_words")
HARMED_PEOPLE = _PEOPLE.words("plain_people") | _PEOPLE.words("civilian_victims")  # people of no party
CLASH_WORDS = re.compile(rf"\b{load_lexicon('battle_weapons').alternation('clash_word', space=' ')}\b", re.IGNORECASE)


VICTIMS_NOT_DOERS = frozenset({"Violence against civilians", "Explosions/Remote violence"})
CROWD_KINDS = frozenset({ActorKind.PROTESTERS, ActorKind.RIOTERS})


NAMED_LOOKBACK_DAYS = 30  # how far back a past event an article names without its date may lie


class EventsStage:
    name = "events"
    requires = ("reports", "report_dates", "report_actors", "report_places", "report_tolls", "actors", "doc",
                "sentences", "published", "text")
    assigns = ("events",)

    def __init__(self, *, countries: CountryNames):
        self._roles = ActorRoles(countries=countries)
        # what makes a target armed: its place (positions, a checkpoint) or its people (soldiers, police)
        self._armed_target = load_lexicon("battle_weapons").pattern("armed_target", "armed_people")
        self._off_duty = load_lexicon("battle_weapons").pattern("off_duty")

    def __call__(self, article: Article) -> Article:
        drafts = [(report, date, actors, location, tolls)
                  for report, date, actors, places, tolls in zip(article.reports, article.report_dates,
                                                                 article.report_actors, article.report_places,
                                                                 article.report_tolls)
                  for location in places]
        drafts.sort(key=lambda d: d[0].mention.trigger.start)
        article.events = [self._event(article, *draft, number) for number, draft in enumerate(drafts, start=1)]
        return article

    def _event(self, article: Article, report: EventReport, dated: ReportDate, found: ReportActors,
               location: Place | None, tolls: ReportTolls, number: int) -> Event:
        mention = report.mention
        evidence = [Evidence("trigger", mention.trigger)]
        date = dated.date
        if date is not None:
            when, until, precision = date.date, date.date_end, date.precision
            if dated.inherited:
                precision = max(precision, 2)
            # a count of days counts back from the day of the sentence that tells it (or of one before), not from a
            # retelling's own day after it ("said on Friday ..., two days after hooded men burned three trucks. ...
            # the attack on Wednesday afternoon": Wednesday)
            days_before = mention.days_before if date.span.start < article.sentences[mention.sentence].span.end \
                else None
            if mention.followed:  # what a reaction followed happened on or before the reaction's day
                when, until, precision = date.date_end or date.date, None, 3
                if days_before is not None:  # "two days after the clashes": that many days before
                    when, precision = when - dt.timedelta(days=days_before), 1
            elif days_before is not None and until is None:  # "a day after police dispersed a protest"
                when = when - dt.timedelta(days=days_before)
            evidence.append(Evidence("date", date.span))
            background = date.background
        elif article.published is not None:
            when, until, precision, background = article.published, None, 3, False
        else:
            when, until, precision, background = None, None, 3, False
        background = background or mention.named  # "the Orlando shooting": a past event the article names
        if mention.named and precision == 3 and until is None and when is not None:
            # named with no day of its own: some time in the month up to the day it is told of
            when, until = when - dt.timedelta(days=NAMED_LOOKBACK_DAYS), when
        force = speaking_force(article, mention)
        actor1 = self._roles.localise(self._roles.as_government(found.actor1, mention), location, force)
        actor2 = self._roles.localise(self._roles.as_government(found.actor2, mention), location, force)
        if one_party(actor1, actor2) and actor1.kind in ARMED_KINDS:  # "NPA militants were killed in a firefight
            # between the NPA and a joint team": the armed party named as doer and again among its dead
            actor2 = self._roles.localise(self._other_side(article, mention, actor1), location, force)
        victims = None
        if actor2 is None and mention.event_type in VIOLENT_TYPES:  # whom its toll counts, when no target is named
            victims = self._roles.localise(_toll_victims(article, mention, tolls, actor1), location, force)
        mention = self._by_target(article, mention, actor1, actor2 or victims)
        if mention.event_type in VIOLENT_TYPES:  # a riot's dead are not what the crowd turned on
            actor2 = actor2 or victims
        actor1, actor2 = self._roles.crowd_roles(mention, actor1, actor2, location)
        if mention.event_type == "Battles":  # a battle is between armed groups: civilians killed in it are no side
            actor1, actor2 = (None if a is not None and a.kind == ActorKind.CIVILIANS else a for a in (actor1, actor2))
        elif mention.event_type in VICTIMS_NOT_DOERS and actor1 is not None and actor1.kind == ActorKind.CIVILIANS:
            # civilians are what an attack, a bomb or a strike is done to, never its doer ("ten civilians,
            # including women, were killed when a bomb exploded"; "a man and a woman were shot")
            # "civilians were killed when gunmen attacked ...": with an armed party as the other side, the two swap
            actor1, actor2 = (actor2, actor1) if actor2 is not None and actor2.kind in ARMED_KINDS else (
                None, actor2 or actor1)
        if one_party(actor1, actor2) and mention.event_type in VIOLENT_TYPES and told_as_harmed(article, actor1):
            actor1 = None  # "a wreath for the soldiers killed in the attack on the army's position": one party told as
            # its dead and as the target, with no other side the sentence names, is the target; the doer is untold
        if actor1 is None:
            actor1 = self._roles.unnamed_actor(mention, location)
        if actor2 is None:
            actor2 = self._roles.unnamed_target(mention, location, harmed=_harmed_people(article, mention, tolls))
        for field, actor in (("actor1", actor1), ("actor2", actor2)):
            if actor is not None and actor.named:
                evidence.append(Evidence(field, actor.span))
        for actor in found.assoc:
            evidence.append(Evidence("assoc_actors", actor.span))
        if location is not None:
            evidence.append(Evidence("location", location.span))
        for field, count in (("fatalities", tolls.fatalities), ("injured", tolls.injured)):
            if count is not None:
                evidence.append(Evidence(field, count.span))
        weapons = []
        for span, name in zip(mention.weapons, mention.weapon_names):
            evidence.append(Evidence("weapons", span))
            if name not in weapons:
                weapons.append(name)
        evidence.extend(Evidence("trigger", retelling.trigger) for retelling in report.retellings)
        filled = sum(x is not None for x in (date if not dated.inherited else None, location, actor1))
        # the detector's probability that the sub-event type is right, a little lower for each of date, place
        # and actor the text does not give (a mild factor: on real notes a stronger one left the confidence of
        # events with missing fields under their accuracy; bench/acled_dev.py prints the reliability table)
        confidence = round(mention.confidence * (0.85 + 0.05 * filled), 2)
        return Event(
            id=f"{article.id}-e{number}", event_type=mention.event_type, sub_event_type=mention.sub_event_type,
            date=when, date_end=until if until and until != when else None, time_precision=precision,
            actor1=actor1, actor2=actor2, assoc_actors=list(found.assoc), location=at_seat(location),
            fatalities=tolls.fatalities.count if tolls.fatalities else None,
            injured=tolls.injured.count if tolls.injured else None, weapons=weapons, background=background,
            confidence=confidence, evidence=evidence, mention=mention)

    def _other_side(self, article: Article, mention: EventMention, actor1: ActorMention) -> ActorMention | None:
        """Who the event was done to or fought with when the sentence's parse gave actor1's party both roles
        (its own dead counted as the target): the nearest other party of the trigger's clause that can be its other
        side (an armed one in a battle, civilians in an attack on civilians; no government's officials), after the
        trigger first ("a firefight between the NPA and a joint team of police"), that no one speaks as; else none."""
        kinds = {"Battles": ARMED_KINDS, "Violence against civilians": {ActorKind.CIVILIANS}}.get(
            mention.event_type, ARMED_KINDS | {ActorKind.CIVILIANS})
        others = [a for a in article.actors if a.sentence == mention.sentence and a.named and a.name != actor1.name
                  and a.span != actor1.span and a.kind in kinds and a.role != ActorRole.GOVERNMENT
                  and not speaks(article.doc, a) and self._in_clause_of(article, mention, a)]
        start = mention.trigger.start
        return min(others, key=lambda a: (a.span.start < start, abs(a.span.start - start)), default=None)

    @staticmethod
    def _in_clause_of(article: Article, mention: EventMention, actor: ActorMention) -> bool:
        """Whether the actor is told in the clause of the trigger's verb (through the participles and clauses
        that go with it), where a target would be ("gunmen attacked soldiers", "attacked positions of X, killing
        10"), not in a clause about one of them ("one of the terrorists involved in the attacks, posted her
        allegiance to ISIS"). True when the parse cannot tell."""
        doc = article.doc
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        words = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        verb = governing_verb(trigger.root) if trigger is not None else None
        if verb is None or words is None:
            return True
        while verb.head.i != verb.i and (verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") or (
                verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ",")):
            verb = verb.head  # "attacked positions of X, killing 10": the clause is the attack's, not the participle's
        return any(token.i == verb.i or any(a.i == verb.i for a in token.ancestors) for token in words)

    def _by_target(self, article: Article, mention: EventMention, actor1: ActorMention | None,
                   actor2: ActorMention | None) -> EventMention:
        """ACLED's line between an attack and a clash is the target: violence by an armed group on soldiers,
        police or fighters (who are armed, even when they do not fire back) is an armed clash; on civilians, an
        attack. The detector reads the act; the target's kind comes from the sentence's actors."""
        armed = ARMED_KINDS
        sentence = article.sentences[mention.sentence].span.text
        if mention.sub_event_type == "Armed clash" and CLASH_WORDS.search(sentence) and crowd_clash(article, mention):
            return dataclasses.replace(mention, event_type="Riots", sub_event_type="Mob violence")
        crowds = {a.kind for a in (actor1, actor2) if a is not None and a.named and a.kind in CROWD_KINDS}
        riot = "Violent demonstration" if ActorKind.PROTESTERS in crowds else "Mob violence"  # a crowd's, if it rioted
        if mention.event_type == "Battles" and crowds:  # battles are between armed, organised sides: a crowd that
            # fought the police ("police and demonstrators fought running battles") rioted
            return dataclasses.replace(mention, event_type="Riots", sub_event_type=riot)
        if mention.sub_event_type == "Attack" and not mention.referenced and crowd_attackers(article, mention):
            return dataclasses.replace(mention, event_type="Riots", sub_event_type="Mob violence")
        if mention.sub_event_type == "Looting/property destruction" and not mention.referenced \
                and crowd_attackers(article, mention):  # "crowds looted and burned shops": ACLED codes property a
            # crowd destroys or loots as its riot, a demonstration's when its people are protesters
            return dataclasses.replace(mention, event_type="Riots", sub_event_type=riot)
        if mention.sub_event_type == "Mob violence" and actor1 is not None and actor1.role == ActorRole.GROUP \
                and actor1.kind in NON_STATE_ARMED and not CLASH_WORDS.search(sentence):
            # mob violence is a crowd's: an armed group the lexicon names that "beat and injured an opposition member"
            # made an attack on a civilian (ACLED codes a party's members as civilians), whatever the detector read
            return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
        # officials of a government (a governor, a ministry) are no armed side, though a state's
        unarmed_target = actor2 is not None and actor2.named and (
            actor2.kind == ActorKind.CIVILIANS or actor2.role == ActorRole.GOVERNMENT)
        # "off-duty police", "a soldier (off-duty)"; or the next sentence of the paragraph says so ("Armed men kidnapped
        # two police officers ... The officers were off duty")
        following = article.next_in_paragraph(mention.sentence)
        off_duty = actor2 is not None and actor2.named and bool(
            self._off_duty.search(article.text[max(0, actor2.span.start - 12):actor2.span.end + 12])
            or (following is not None and self._off_duty.search(following.span.text)))
        if off_duty and mention.sub_event_type == "Armed clash" and not CLASH_WORDS.search(sentence):
            return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
        if mention.sub_event_type in ARMED_TARGET_ACTS and actor2 is not None and actor2.named \
                and actor2.kind in armed and actor2.role != ActorRole.GOVERNMENT \
                and (actor1 is None or actor1.kind in armed) and not off_duty:
            return dataclasses.replace(mention, event_type="Battles", sub_event_type="Armed clash")
        if mention.sub_event_type == "Armed clash" and actor1 is None and unarmed_target \
                and not CLASH_WORDS.search(sentence):  # "an attack in which 18 civilians were killed"
            return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
        if mention.sub_event_type == "Armed clash" and actor1 is not None and actor1.kind in armed \
                and not CLASH_WORDS.search(sentence):
            if unarmed_target:
                return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
            others = [a for a in article.actors if a.sentence == mention.sentence and a.kind in armed
                      and a.span != actor1.span and self._in_clause_of(article, mention, a)]
            bounds = article.sentences[mention.sentence].span
            inside = actor1.named and bounds.start <= actor1.span.start and actor1.span.end <= bounds.end
            around = (sentence[:actor1.span.start - bounds.start] + " " * (actor1.span.end - actor1.span.start)
                      + sentence[actor1.span.end - bounds.start:]) if inside else sentence
            fight_told_next = following is not None and CLASH_WORDS.search(following.span.text) is not None
            if actor2 is None and not others and not self._armed_target.search(around) \
                    and not fight_told_next:  # not the attacker's own
                # words ("was killed by police": the police are who killed, not an armed target)
                # one armed party and no armed target named ("gunmen ambushed and killed 4 youths"): an attack,
                # unless the next sentence tells the fight ("... carried out an operation. A shoot-out broke out")
                return dataclasses.replace(mention, event_type="Violence against civilians", sub_event_type="Attack")
        return mention


def _harmed_people(article: Article, mention: EventMention, tolls: ReportTolls) -> bool:
    """Whether the event's own sentence counts dead or hurt whom it names as people of no party ("2 young men were
    killed", "injured two health workers"), not as a party's ("killing one Turkish Army soldier", "6 members")."""
    for count in (tolls.fatalities, tolls.injured):
        if count is None or count.sentence != mention.sentence or not (count.count.best or count.count.high):
            continue
        words = article.doc.char_span(count.span.start, count.span.end, alignment_mode="expand") or ()
        if any(t.lemma_.lower() in HARMED_PEOPLE or t.dep_ in ("nummod", "det") and t.head.lemma_.lower() in
               HARMED_PEOPLE for t in words):
            return True
    return False


def _toll_victims(article: Article, mention: EventMention, tolls: ReportTolls,
                  actor1: ActorMention | None) -> ActorMention | None:
    """The party the event's own toll counts, as its target when the sentence names none ("attacked a base,
    killing four soldiers"; "a landmine detonated, killing a civilian"): not actor1's side. Civilians so
    found make an attack of what the detector read as a clash (``_by_target``); in a battle they are no side."""
    for count in (tolls.fatalities, tolls.injured):
        if count is None or count.sentence != mention.sentence:
            continue
        words = article.doc.char_span(count.span.start, count.span.end, alignment_mode="expand")
        heads = {t.head.idx for t in words} if words is not None else set()  # "killing four soldiers"
        for actor in article.actors:
            inside = count.span.start <= actor.span.start < count.span.end
            if actor.sentence != count.sentence or not (inside or any(
                    actor.span.start <= head < actor.span.end for head in heads)):
                continue
            if actor1 is not None and (actor.kind == actor1.kind and actor.country in (None, actor1.country)):
                continue
            return actor
    return None

