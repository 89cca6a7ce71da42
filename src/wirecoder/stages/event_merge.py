"""Event merge: the events of one article that are one event are joined.

One event a type, day and place: a protest met by police is one protest with intervention (coded by its worst
moment), not two events, unless a sentence tells it as another of its kind ("a separate protest", "a
counter-rally"); fighting in which a side took ground is one battle, coded as first told. An event a lead tells with
only the telling's day ("Separatists have kidnapped four officials, sources said on Wednesday") is the event of its
type a later sentence dates and places ("The four were seized on Tuesday at their office in Batibo"): one event, of
the precise day. A sentence that tells on with only the detector's word and the day of the sentence before ("The
attackers, armed with rifles, arrived in the afternoon") is the event of its type that sentence told at that place,
and so is a sentence naming neither day nor place whose doer is a definite noun ("the kidnappers had split the men
from the women"): the act of its type told before.
An event placed only at a country or a province on the day another of its type is placed at a town there is that
event told again ("... in Somalia", "... in Borno"), and so is a sentence that tells an act of political violence
again by a definite noun, at a place within the first telling's ("... in central Mali ... The attack took place in
Douentza late on Friday"): the act takes that place, as does an act a lead places only by the dateline or a sentence
around it when a later sentence's subject is a definite noun of violence ("The clash took place on Saturday in the
town of Bogura"). Houses burnt or shops looted in an attack, and weapons seen or seized in a battle, on its day and
at its place, are part of it, as ACLED codes them. The event kept takes what the other adds (tolls, weapons, a named
actor over an unidentified one, evidence). A protest that turned into a riot has rioters for marchers. Events are
numbered in order at the end."""
from __future__ import annotations

import dataclasses

from ..article import DETECTOR_RULE, Article, Event
from ..taxonomy.acled import CROWD_TYPES
from ..taxonomy.kinds import ActorKind, ActorRole
from ..events.actor_roles import VIOLENT_TYPES, ActorRoles, better_actor, one_party
from ..events.place_relations import in_district, same_place, within
from ..geo.countries import COUNTRY_CODES, CountryNames
from ..syntax import DEFINITE
from ..events.clauses import tells_how
from ..events.told_after import OTHER_EVENT, SEPARATE_ACT
from ..events.retold_places import definite_violence

PROTEST_SEVERITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2,
                    "Violent demonstration": 3}  # one demonstration a place and day, coded by its worst moment
# one battle a place and day: fighting and a side taking ground there are one event, coded as first told (a
# takeover read from "took his weapon" or "seized a cargo" is no surer than the clash; ACLED dev notes)
BATTLE_SUB_TYPES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})


class EventMergeStage:
    name = "event_merge"
    requires = ("events", "sentences", "dates", "doc", "text")
    assigns = ("events",)

    def __init__(self, *, countries: CountryNames):
        self._roles = ActorRoles(countries=countries)

    def __call__(self, article: Article) -> Article:
        events: list[Event] = []
        index: dict[tuple, Event] = {}
        for event in _fold_told_on(article, article.events):
            location = event.location
            # one protest a place and day: met by police, it is a protest with intervention, not two events
            key = (_kind(event), event.date, event.background,
                   (location.geonameid or (location.name, location.country)) if location else None)
            if key in index and not _told_as_separate(article, event):
                _absorb(index[key], event)
                continue
            index.setdefault(key, event)
            events.append(event)
        events = _fold_told_day(article, events)
        events = _fold_retold(article, events)
        events = _fold_retelling(events)
        events = _fold_filed_from(article, events)
        events = _fold_coarse(article, events)
        events = _fold_destruction(events)
        events = _fold_referenced(events)
        events = _fold_into_its_weapon(article, events)
        for event in events:  # a protest that turned into a riot: its marchers are rioters now
            if event.event_type == "Riots" and event.actor1 is not None and event.actor1.kind == ActorKind.PROTESTERS:
                event.actor1, event.actor2 = self._roles.crowd_roles(
                    dataclasses.replace(event.mention, event_type=event.event_type,
                                        sub_event_type=event.sub_event_type), event.actor1, event.actor2,
                    event.location)
        for number, event in enumerate(events, start=1):
            event.id = f"{article.id}-e{number}"
        article.events = events
        return article


def _fold_coarse(article: Article, events: list[Event]) -> list[Event]:
    """An event placed only at a country or a province, on the day another event of the same type (for political
    violence placed at a country, of any of its types) is placed at a town in it, is that event told again ("... in
    Somalia", "... in Borno"), as is one its sentences give no day (the publication's standing in) when the town's
    falls in the week up to it ("claimed an attack on a village in Cabo Delgado province ... the attack took place
    on Tuesday in Chai"): fold it in; not one a sentence tells as another ("Also on Tuesday, police in Molo ...",
    "Separately, ...")."""
    kept: list[Event] = []
    for event in events:
        finer = [e for e in events if e is not event and (_family(e) == _family(event) or _violent_at_country(e, event))
                 and (e.date == event.date or _undated_over(event, e)) and e.background == event.background
                 and within(e.location, event.location) and not _told_as_another(article, e, event)]
        if finer:
            _absorb(finer[0], event)
            continue
        kept.append(event)
    return kept


def _undated_over(event: Event, dated: Event) -> bool:
    """Whether the event has no day of its own (the publication date standing in) and the other's day lies in the
    week up to it."""
    return event.time_precision == 3 and event.date_end is None and _date_span(event) is None and \
        dated.date is not None and event.date is not None and 0 <= (event.date - dated.date).days <= TOLD_DAYS_BEFORE


def _violent_at_country(finer: Event, event: Event) -> bool:
    """Two acts of political violence, one placed only at the country ("a drone attack on an army base in southwestern
    Colombia", typed a clash): told with a town, it is the act of the town whatever each sentence made its type."""
    return event.event_type in VIOLENT_TYPES and finer.event_type in VIOLENT_TYPES and event.location is not None \
        and event.location.feature_code in COUNTRY_CODES


def _told_as_another(article: Article, *events: Event) -> bool:
    """Whether one of the events' sentences opens as another event's ("Also on Tuesday", "Separately")."""
    return any(OTHER_EVENT.match(article.sentences[e.mention.sentence].span.text) for e in events)


def _told_as_separate(article: Article, event: Event) -> bool:
    """Whether the event's noun, its trigger's or its trigger's subject's, is told as another of its kind ("a
    separate protest by tribal residents was dispersed", "another rally", "a counter-rally"): a second act of the
    type on that day and at that place, not the one told before."""
    doc, start = article.doc, event.mention.trigger.start
    if doc is None:
        return False
    trigger = next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)
    if trigger is None:
        return False
    nouns = [trigger, *(c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass"))]
    return any(SEPARATE_ACT.search(article.text, max(0, t.idx - 40), t.idx) for t in nouns)


TOLD_DAYS_BEFORE = 7  # how long before the telling an event it dates only by its own day may have happened


def _kind(event: Event) -> str:
    return "demonstration" if event.sub_event_type in PROTEST_SEVERITY else \
        "battle" if event.sub_event_type in BATTLE_SUB_TYPES else event.sub_event_type


def _fold_told_day(article: Article, events: list[Event]) -> list[Event]:
    """An event its own sentence dates only by the telling (time_precision 2, its date in that sentence: "...,
    sources said on Wednesday") is the one event of its kind the article dates to a day of its own (time_precision
    1) up to a week before, at the same place or one within the other: fold it into that one, which keeps its day
    (tolls may differ: the telling and the retelling cite different claimants). With two such events the article
    tells two and neither is taken."""
    kept: list[Event] = []
    for event in events:
        followed = _followed_telling(article, event)  # "arrested 15 after a riot in X, a spokesman said on Thursday"
        hosts = [] if not (followed or _told_day(article, event)) or event.background else [
            e for e in events if e is not event and e.time_precision == 1 and not e.background
            and (_kind(e) == _kind(event) or followed and e.event_type == event.event_type) and e.date is not None
            and 0 < (event.date - e.date).days <= TOLD_DAYS_BEFORE
            and (event.location is None or e.location is None or same_place(e.location, event.location)
                 or within(e.location, event.location) or within(event.location, e.location))]
        if len(hosts) == 1:
            _absorb(hosts[0], event)
            continue
        kept.append(event)
    return kept


def _fold_retold(article: Article, events: list[Event]) -> list[Event]:
    """An event told by no rule's word but the detector's own, dated only by a sentence before it, is the one event
    of its type an earlier sentence dates to that day at the same place, told on ("Insurgents raided the village of
    Mazeze on Thursday, kidnapping 12 children. The attackers, armed with rifles, arrived in the afternoon"): fold
    it into that one. With two such events the article tells two and neither is taken."""
    kept: list[Event] = []
    for event in events:
        told = _date_span(event)
        inherited = told is not None and not _in_own_sentence(article, event, told)
        hosts = [] if not inherited or event.mention.rule != DETECTOR_RULE or event.background else [
            e for e in events if e is not event and e.time_precision <= 2 and not e.background
            and e.event_type == event.event_type and e.date == event.date
            and e.mention.sentence < event.mention.sentence
            and e.location is not None and event.location is not None
            and (same_place(e.location, event.location) or in_district(event.location, e.location))]
        if len(hosts) == 1:
            _absorb(hosts[0], event)
            continue
        kept.append(event)
    return kept


def _fold_told_on(article: Article, events: list[Event]) -> list[Event]:
    """An act told in a sentence that names neither its day nor its place (both carried from sentences before)
    and whose doer is a definite noun ("Eight of the worshippers abducted from a church in Kwassam escaped on
    Tuesday night ... They were treated at a clinic in Kauru. The eight told relatives that the kidnappers had
    split the men from the women": no second abduction, at Kauru on Tuesday) is the one act of its event type the
    article told before it, told on: fold it in. With two such acts, or none, it stays."""
    kept: list[Event] = []
    for event in events:
        hosts = [] if not _told_on(article, event) else [
            e for e in events if e is not event and not e.background and e.event_type == event.event_type
            and min((x.span.start for x in e.evidence if x.field == "trigger"), default=e.mention.trigger.start)
            < event.mention.trigger.start]
        if len(hosts) == 1:
            precision = hosts[0].time_precision  # a sentence with no day of its own makes no day surer
            _absorb(hosts[0], event)
            hosts[0].time_precision = precision
            continue
        kept.append(event)
    return kept


def _told_on(article: Article, event: Event) -> bool:
    """Whether the event is an act of violence or of a crowd whose own sentence gives it no day and no place, and
    whose doer is a definite noun ("the kidnappers", "the gunmen"; not "the government")."""
    if event.background or event.actor1 is None or article.doc is None \
            or event.event_type not in NAMED_KINDS or event.actor1.role == ActorRole.GOVERNMENT:
        return False
    own = [e.span for e in event.evidence if e.field in ("date", "location")]
    if any(_in_own_sentence(article, event, span) for span in own):
        return False
    head = next((t for t in article.doc if t.idx == event.actor1.head), None)
    return head is not None and head.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)


def _fold_retelling(events: list[Event]) -> list[Event]:
    """A sentence that tells an act of political violence again by a definite noun ("Gunmen killed 12 villagers in
    central Mali ... The attack took place in Douentza late on Friday"), naming no party the first telling does
    not, on the day of the one such event told before it and at its place or one within it, is that event told
    on: fold it in, and the event takes the finer place. With two such events before it, neither is taken."""
    kept: list[Event] = []
    for event in events:
        retelling = event.mention.reference and not event.background and event.event_type in VIOLENT_TYPES \
            and event.location is not None
        hosts = [] if not retelling else [
            e for e in kept if e.event_type in VIOLENT_TYPES and not e.background and e.date == event.date
            and e.mention.sentence < event.mention.sentence and e.location is not None
            and (same_place(e.location, event.location) or within(event.location, e.location))
            and not _new_party(e, event)]
        if len(hosts) == 1:
            host = hosts[0]
            if not same_place(host.location, event.location):  # the finer place
                _take_place(host, event)
            host.time_precision = min(host.time_precision, event.time_precision)  # one day, told as such there
            _absorb(host, event)
            continue
        kept.append(event)
    return kept


def _fold_filed_from(article: Article, events: list[Event]) -> list[Event]:
    """An act of violence its lead places only by the dateline or a sentence around it (naming no place finer than
    a region: "in northern Bangladesh") is the one event, on its day and in its country, of a later sentence whose
    subject is a definite noun of violence ("The clash took place on Saturday in the town of Bogura", whatever the
    detector made of it): fold that telling in, and the act takes its place."""
    folded: set[int] = set()
    for event in events:
        if event.background or event.event_type not in VIOLENT_TYPES or event.location is None or id(event) in folded \
                or article.sentences[event.mention.sentence].span.contains(event.location.span):
            continue  # placed by its own sentence, not by the dateline or a sentence around it
        named = [e for e in events if e is not event and not e.background
                 and e.mention.sentence > event.mention.sentence and e.date == event.date and e.location is not None
                 and e.location.country == event.location.country and definite_violence(article, e.mention.sentence)]
        if len(named) == 1:
            _take_place(event, named[0])
            _absorb(event, named[0])
            folded.add(id(named[0]))
    return [e for e in events if id(e) not in folded]


def _take_place(host: Event, telling: Event) -> None:
    """The host takes the telling's place, whose words are then the evidence of it."""
    host.location = telling.location
    host.evidence = [e for e in host.evidence if e.field != "location"]


def _new_party(told: Event, retold: Event) -> bool:
    """Whether the retelling names a party the first telling does not."""
    named = {a.name for a in (told.actor1, told.actor2) if a is not None}
    return any(a is not None and a.named and a.name not in named for a in (retold.actor1, retold.actor2))


def _told_day(article: Article, event: Event) -> bool:
    """Whether the event's date is a day made less sure (time_precision 2) in its own sentence: the telling's."""
    told = _date_span(event)
    if event.time_precision != 2 or event.date is None or told is None or not _in_own_sentence(article, event, told):
        return False
    # a day ("on Wednesday") made less sure by telling it, not a vaguer date ("in the early days of October")
    return any(d.span == told and d.precision == 1 for d in article.dates)


def _followed_telling(article: Article, event: Event) -> bool:
    """Whether the event is one that what its sentence tells followed ("after a riot"), dated only as on or before
    the day its own sentence tells (time_precision 3)."""
    told = _date_span(event)
    return event.mention.followed and event.time_precision == 3 and event.date is not None and told is not None \
        and _in_own_sentence(article, event, told)


def _date_span(event: Event):
    """The words the event's date came from, or None."""
    return next((e.span for e in event.evidence if e.field == "date"), None)


def _in_own_sentence(article: Article, event: Event, span) -> bool:
    return article.sentences[event.mention.sentence].span.contains(span)


def _family(event: Event) -> str:
    """One demonstration a place and day, whatever its moments' types; otherwise the event type."""
    return "demonstration" if event.sub_event_type in PROTEST_SEVERITY else event.event_type


NAMED_KINDS = VIOLENT_TYPES | CROWD_TYPES  # the event types a past event named twice is folded by


def _fold_referenced(events: list[Event]) -> list[Event]:
    """An event the article only names ("Tuesday's violence"), on the day and at the place of one event it named
    before of the same kind (a crowd's: protest or riot; or political violence: "a day after clashes ..."), is that
    event named again: fold it in. Not into an event it tells in full ("abducted seven fishermen, hours after an
    attack": what follows an event is another), nor with two such events before it."""
    kept: list[Event] = []
    for event in events:
        named = event.mention.referenced and event.location is not None and event.event_type in NAMED_KINDS
        hosts = [] if not named else [
            e for e in kept if e.mention.referenced and e.event_type in NAMED_KINDS and _crowd(e) == _crowd(event)
            and e.date == event.date and e.background == event.background and e.location is not None
            and same_place(e.location, event.location)]
        if len(hosts) == 1:
            _absorb(hosts[0], event)
            continue
        kept.append(event)
    return kept


def _fold_into_its_weapon(article: Article, events: list[Event]) -> list[Event]:
    """An act of violence a definite noun tells ("The attack took place on Thursday evening, when a drone exploded
    among the tents") is the strike, shelling or bombing a clause on it tells, on its day and at its place: fold the
    noun's event into that one, which keeps the type its weapon gives it."""
    kept: list[Event] = []
    for event in events:
        named = (event.mention.reference or event.mention.referenced) and event.event_type in VIOLENT_TYPES
        sentence = article.sentences[event.mention.sentence].span
        host = next((e for e in events if named and e.event_type == REMOTE != event.event_type
                     and e.date == event.date and e.background == event.background
                     and (e.location is None or event.location is None or same_place(e.location, event.location))
                     and any(tells_how(article.doc, event.mention.trigger, x.span) for x in e.evidence
                             if x.field == "trigger" and sentence.contains(x.span))), None)
        if host is None:
            kept.append(event)
        else:
            _absorb(host, event)
    return kept


REMOTE = "Explosions/Remote violence"


def _crowd(event: Event) -> bool:
    return event.event_type in CROWD_TYPES


PART_OF_VIOLENCE = frozenset({"Looting/property destruction", "Disrupted weapons use"})  # sub-event types


def _fold_destruction(events: list[Event]) -> list[Event]:
    """Houses burnt or shops looted in an attack are part of the attack, as ACLED codes them, and so are the
    weapons seen or seized in a battle ("There were grenade and rocket explosions, and weapons like AK-47s"):
    property destruction or disrupted weapons use on the day and at the place (or at no place) of a violent event
    is folded into it."""
    kept: list[Event] = []
    for event in events:
        host = None
        if event.sub_event_type in PART_OF_VIOLENCE:
            host = next((e for e in events if e is not event and e.event_type in VIOLENT_TYPES
                         and e.date == event.date and e.background == event.background
                         and (event.location is None or e.location is None
                              or same_place(e.location, event.location))), None)
        if host is not None:
            _absorb(host, event)
            continue
        kept.append(event)
    return kept


def _absorb(kept: Event, other: Event) -> None:
    if PROTEST_SEVERITY.get(other.sub_event_type, -1) > PROTEST_SEVERITY.get(kept.sub_event_type, -1) \
            and kept.sub_event_type in PROTEST_SEVERITY:
        kept.sub_event_type, kept.event_type = other.sub_event_type, other.event_type
    kept.fatalities = kept.fatalities or other.fatalities
    kept.injured = kept.injured or other.injured
    kept.weapons = kept.weapons + [w for w in other.weapons if w not in kept.weapons]
    sides = (kept.actor1, kept.actor2, other.actor1, other.actor2)
    kept.actor1 = better_actor(kept.actor1, other.actor1)
    kept.actor2 = better_actor(kept.actor2, other.actor2)
    if one_party(kept.actor1, kept.actor2):  # one report's doer is the other's victim: the other side is the other's
        kept.actor2 = next((a for a in sides if a is not None and a.named and a.name != kept.actor1.name), None)
    seen = {(e.field, e.span.start) for e in kept.evidence}
    kept.evidence.extend(e for e in other.evidence if (e.field, e.span.start) not in seen)
    kept.confidence = max(kept.confidence, other.confidence)
    if (kept.date, kept.date_end) == (other.date, other.date_end):  # one day, told as such in one of the sentences
        kept.time_precision = min(kept.time_precision, other.time_precision)
