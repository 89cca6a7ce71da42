"""ACLED's conventions for an event's actors: who is actor1 of a crowd event, the unidentified group that stands
in when the text names no perpetrator, a state acting as its government, and the country an actor with none of its
own takes from where the event happened."""
from __future__ import annotations

import dataclasses

from ..article import ActorMention, Article, EventMention, Place, Span
from ..geo.countries import CountryNames
from ..actors.names import actor_name
from ..syntax import HARMING, is_speaker
from ..taxonomy.acled import VIOLENT_TYPES
from ..taxonomy.kinds import ARMED_KINDS, ActorKind, ActorRole

UNNAMED_ROLES = {"Battles": ActorRole.ARMED_GROUP, "Explosions/Remote violence": ActorRole.ARMED_GROUP,
                 "Violence against civilians": ActorRole.ARMED_GROUP, "Protests": ActorRole.PROTESTERS,
                 "Riots": ActorRole.RIOTERS}
# sub-events whose unnamed target ACLED codes as the country's civilians (the owners of what was looted or burned,
# whom a mob turned on): on ACLED's dev notes, 33 of 45 looting and 33 of 71 mob-violence events
CIVILIAN_BY_DEFAULT = frozenset({"Looting/property destruction", "Mob violence"})


class ActorRoles:
    """The conventions that need country names (an actor's name says its country)."""

    def __init__(self, *, countries: CountryNames):
        self._countries = countries

    def crowd_roles(self, mention: EventMention, actor1: ActorMention | None, actor2: ActorMention | None,
                    location: Place | None) -> tuple[ActorMention | None, ActorMention | None]:
        """ACLED's roles in crowd events: the demonstrators are actor1 of a protest and the rioters of a riot,
        whoever the sentence makes its subject ("police dispersed the protesters": protesters, then police), and
        people who riot are rioters whatever the text calls them ("residents pelted stones"). Excessive force
        against protesters too: the protesters, then whoever used it (as ACLED's dev notes code it)."""
        crowd = {"Protests": ActorKind.PROTESTERS, "Riots": ActorKind.RIOTERS}.get(mention.event_type)  # kind and role
        if crowd is None:
            return actor1, actor2
        if actor1 is not None and actor1.kind in ARMED_KINDS and (actor2 is None or actor2.kind not in ARMED_KINDS):
            actor1, actor2 = actor2, actor1  # "police dispersed demonstrators", "troops clashed with rioters"
        if actor1 is not None and actor1.kind in ARMED_KINDS:  # two armed sides named ("soldiers fired at police"):
            actor1, actor2 = None, actor1  # the crowd is ACLED's unnamed "Rioters (Country)", the first force its foe
        if actor1 is None or actor1.kind == crowd:
            return actor1, actor2
        if actor1.kind in (ActorKind.CIVILIANS, ActorKind.PROTESTERS, ActorKind.RIOTERS, ActorKind.OTHER):
            country = actor1.country or (location.country if location is not None else None)
            name = actor_name(crowd, self._countries.name(country) if country else None, crowd)
            actor1 = dataclasses.replace(actor1, kind=crowd, role=crowd, name=name, country=country)
        return actor1, actor2

    def unnamed_actor(self, mention: EventMention, location: Place | None) -> ActorMention | None:
        """ACLED's convention when the text names no perpetrator: an unidentified group of the kind the event
        implies, in the country where it happened. It carries no span: nothing in the text names it."""
        role = UNNAMED_ROLES.get(mention.event_type)
        if role is None:
            return None
        kind = {ActorRole.PROTESTERS: ActorKind.PROTESTERS, ActorRole.RIOTERS: ActorKind.RIOTERS}.get(
            role, ActorKind.POLITICAL_MILITIA)
        return self._standing_in(mention, location, role, kind)

    def unnamed_target(self, mention: EventMention, location: Place | None, *,
                       harmed: bool = False) -> ActorMention | None:
        """ACLED's convention for violence against civilians whose victims the text does not name as a party
        ("shot a man", "the victim died"), for looting, property destruction and mob violence whose target it
        does not name ("looted shops", "torched a truck", "a mob lynched a suspected thief"), and for a bomb, a
        mine or a shell that killed or hurt people the text names as no party (``harmed``: "2 young men were killed
        when a landmine exploded", "shells injured two health workers"): civilians of the country where it
        happened. No span, like ``unnamed_actor``."""
        if mention.event_type != "Violence against civilians" and mention.sub_event_type not in CIVILIAN_BY_DEFAULT \
                and not (harmed and mention.event_type == "Explosions/Remote violence"):
            return None
        return self._standing_in(mention, location, ActorRole.CIVILIANS, ActorKind.CIVILIANS)

    def _standing_in(self, mention: EventMention, location: Place | None, role, kind) -> ActorMention:
        """A party of the role's name in the country where the event happened, with no span."""
        country = location.country if location is not None else None
        name = actor_name(role, self._countries.name(country) if country else None, role)
        return ActorMention(Span(mention.trigger.start, mention.trigger.start, ""), name, kind, country,
                            mention.sentence, role, mention.trigger.start, named=False)

    def as_government(self, actor: ActorMention | None, mention: EventMention) -> ActorMention | None:
        """A state that agrees, arrests or hands over acts as its government, not its army."""
        if actor is None or actor.role != ActorRole.STATE or mention.event_type != "Strategic developments":
            return actor
        return dataclasses.replace(actor, name=actor_name(ActorRole.GOVERNMENT, self._countries.name(actor.country),
                                                          actor.name))

    def localise(self, actor: ActorMention | None, location: Place | None,
                 speaking_force: ActorMention | None = None) -> ActorMention | None:
        """An actor with no country of its own ('civilians') takes the country where the event happened; soldiers
        or police a state's force tells of ("the Israeli military said two soldiers were killed") are its own."""
        if actor is None or actor.country:
            return actor
        country = location.country if location is not None else None
        if speaking_force is not None and actor.kind == ActorKind.STATE_FORCES and actor.role in (
                ActorRole.MILITARY, ActorRole.POLICE):
            country = speaking_force.country
        if not country:
            return actor
        name = actor_name(actor.role, self._countries.name(country), actor.name)
        return dataclasses.replace(actor, country=country, name=name)

    def protesters(self, actor: ActorMention) -> ActorMention:
        """Residents or students who march, as protesters."""
        return dataclasses.replace(actor, kind=ActorKind.PROTESTERS, role=ActorRole.PROTESTERS,
                                   name=actor_name(ActorRole.PROTESTERS, self._countries.name(actor.country)
                                                   if actor.country else None, actor.name))


def speaks(doc, actor: ActorMention) -> bool:
    """Whether the actor is the speaker of its sentence ("the army said")."""
    span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    return span is not None and is_speaker(span.root)


def speaking_force(article: Article, mention: EventMention) -> ActorMention | None:
    """A state's force with a country that speaks in the mention's sentence ("the Israeli military said")."""
    return next((a for a in article.actors if a.sentence == mention.sentence and a.kind == ActorKind.STATE_FORCES
                 and a.country and speaks(article.doc, a)), None)


def better_actor(kept: ActorMention | None, other: ActorMention | None) -> ActorMention | None:
    """The actor the text names over ACLED's unidentified stand-in."""
    if kept is None or (not kept.named and other is not None and other.named):
        return other
    return kept


def one_party(first: ActorMention | None, second: ActorMention | None) -> bool:
    """Whether an event's two sides name one and the same party: the text named it once as the doer and once
    among the dead ("NPA militants were killed in a firefight between the NPA and ..."), never what happened."""
    return first is not None and second is not None and first.named and second.named and first.name == second.name


def told_as_harmed(article: Article, actor: ActorMention) -> bool:
    """Whether the text tells the actor as killed or hurt ("the soldiers killed in Saturday's attack", "two soldiers
    were wounded"): the dead of an act, not its doer ("an Afghan soldier shot and killed three other soldiers")."""
    span = article.doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand") if article.doc else None
    if span is None:
        return False
    root = span.root
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in HARMING for c in root.children) or (
        root.dep_ == "nsubjpass" and root.head.lemma_.lower() in HARMING)
