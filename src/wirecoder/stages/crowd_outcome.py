"""How a demonstration ended. ACLED codes a demonstration once, by its worst moment: a protest that police broke
up, or whose marchers they arrested, is a protest with intervention; one whose crowd threw stones or set fires is
a violent demonstration. Reports tell the protest first and its end after ("... staged a sit-in in Ankara. Police
intervened and moved the protesters out by force."), and the detector reads one sentence at a time, so this stage
reads the sentences that follow a protest in its paragraph (up to the next sentence that tells another event):
the words of a riot there, or of force where the police or the army are named (lexicon/crowd_violence.tsv),
raise the protest's sub-event type and are added to its evidence, and an arrest by them told there is the same
event, not one of its own; riot acts in the protest's own sentence raise it too ("held a protest, burning
tires"). A protest the detector calls "with intervention" whose sentence and following
sentences name neither force nor the police or the army is a peaceful one."""
from __future__ import annotations

from ..article import Article, Event, Evidence
from ..events.actor_roles import ActorRoles, speaks
from ..events.told_after import told_after
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.kinds import ActorKind, ActorRole

PEACEFUL, INTERVENTION, VIOLENT = "Peaceful protest", "Protest with intervention", "Violent demonstration"
RANK = {PEACEFUL: 0, INTERVENTION: 1, VIOLENT: 2}
FACED = frozenset({INTERVENTION, VIOLENT, "Excessive force against protesters"})  # a crowd and the forces it faced
FORCES = frozenset({ActorRole.POLICE, ActorRole.MILITARY})  # who can face a crowd (not a government it petitions)


class CrowdOutcomeStage:
    name = "crowd_outcome"
    requires = ("events", "sentences", "text", "actors", "doc")
    assigns = ("events",)

    def __init__(self, *, countries: CountryNames):
        self._roles = ActorRoles(countries=countries)
        crowd = load_lexicon("crowd_violence")
        self._riot = crowd.pattern("riot")
        self._force = crowd.pattern("intervention")

    def __call__(self, article: Article) -> Article:
        absorbed: set[int] = set()
        for event in article.events:
            if event.background or event.sub_event_type not in RANK or id(event) in absorbed:
                continue
            own = article.sentences[event.mention.sentence].span
            match = self._riot_act(article, own)  # "demonstrated by burning tires": the protest's own sentence
            if match is not None and event.sub_event_type == PEACEFUL:
                event.sub_event_type, event.event_type = VIOLENT, SUB_EVENT_TYPES[VIOLENT]
                self._add(event, Evidence("trigger", article.span(own.start + match.start(), own.start + match.end())))
            ended = self._ended_by_force(article, event, own)  # "gathered ... and were dispersed by police"
            if ended is not None and event.sub_event_type == PEACEFUL:
                event.sub_event_type, event.event_type = INTERVENTION, SUB_EVENT_TYPES[INTERVENTION]
                self._add(event, Evidence("trigger", ended))
            told = told_after(article, event, ignoring=("Arrests",))
            for index in told:
                text = article.sentences[index].span
                # force is the police's (or the army's) when they are in the sentence: "the editor was arrested in
                # a corruption case" tells why people marched, not how their march ended
                forces = any(a.sentence == index and a.kind == ActorKind.STATE_FORCES for a in article.actors)
                for sub, pattern in ((VIOLENT, self._riot), (INTERVENTION, self._force)):
                    match = pattern.search(text.text)
                    if match is None or (sub == INTERVENTION and not forces):
                        continue
                    if RANK[sub] > RANK[event.sub_event_type]:
                        event.sub_event_type, event.event_type = sub, SUB_EVENT_TYPES[sub]
                    self._add(event, Evidence("trigger", article.span(text.start + match.start(), text.start + match.end())))
                    if event.actor2 is None:  # "Police dispersed them": who broke it up
                        self._faced(article, event, index)
                    break
                for arrest in (self._arrests_in(article, event, index) if forces else ()):
                    absorbed.add(id(arrest))
                    if RANK[event.sub_event_type] < RANK[INTERVENTION]:
                        event.sub_event_type, event.event_type = INTERVENTION, SUB_EVENT_TYPES[INTERVENTION]
                    if event.actor2 is None and arrest.actor1 is not None \
                            and arrest.actor1.kind == ActorKind.STATE_FORCES:
                        event.actor2 = arrest.actor1
                    for evidence in arrest.evidence:
                        if evidence.field == "trigger":
                            self._add(event, evidence)
            if event.sub_event_type == INTERVENTION and not self._intervened(article, (event.mention.sentence, *told)):
                # the detector's "with intervention" where neither the protest's sentence nor those telling its end
                # name force or the forces ("depositors gathered outside the central bank"): peaceful
                event.sub_event_type = PEACEFUL
        for event in article.events:
            if event.sub_event_type == PEACEFUL and event.actor2 is not None \
                    and event.actor2.kind != ActorKind.PROTESTERS:
                # ACLED codes a peaceful protest with no actor2 unless another crowd faced it: what it marched
                # against (the government, a company) is its cause, and forces that did not intervene are no party
                event.actor2 = None
                event.evidence = [e for e in event.evidence if e.field != "actor2"]
            elif event.sub_event_type in FACED and event.actor2 is None and not event.background:
                # "gathered ... and were dispersed by police", "clashed with police", "vandalized a police station"
                self._faced(article, event, event.mention.sentence)
        if absorbed:
            article.events = [e for e in article.events if id(e) not in absorbed]
            for number, event in enumerate(article.events, start=1):
                event.id = f"{article.id}-e{number}"
        return article

    def _faced(self, article: Article, event: Event, index: int) -> None:
        """The police or army the sentence names (not as a speaker) are whom the crowd faced: its actor2."""
        force = next((a for a in article.actors if a.sentence == index and a.role in FORCES
                      and not speaks(article.doc, a)), None)
        if force is not None:
            event.actor2 = self._roles.localise(force, event.location)
            self._add(event, Evidence("actor2", force.span))

    def _riot_act(self, article: Article, span):
        """The first riot word in the span that tells an act, not a word qualifying something else's noun ("the
        looted funds" they demanded back)."""
        for match in self._riot.finditer(span.text):
            start, end = span.start + match.start(), span.start + match.end()
            token = article.doc.char_span(start, end, alignment_mode="expand")
            word = token[0] if token is not None else None
            if word is not None and word.dep_ == "amod" and word.head.idx >= end:
                continue
            return match
        return None

    def _ended_by_force(self, article: Article, event: Event, span):
        """The words of force in the protest's own sentence, after its trigger, told as its next act (a verb the
        sentence goes on with: "gathered ... and were eventually dispersed by police"), where the police or the army
        are named: the protest's end, not its grievance ("protesting the arrest of a leader", "demanding the release
        of colleagues detained by police"). A Span, or None."""
        if not any(a.sentence == event.mention.sentence and a.role in FORCES for a in article.actors):
            return None
        for match in self._force.finditer(span.text):
            start, end = span.start + match.start(), span.start + match.end()
            words = article.doc.char_span(start, end, alignment_mode="expand")
            if start >= event.mention.trigger.end and words is not None and words[0].pos_ == "VERB" \
                    and words[0].dep_ in ("conj", "ROOT"):  # not "colleagues detained by police" (acl)
                return article.span(start, end)
        return None

    def _intervened(self, article: Article, sentences: tuple[int, ...]) -> bool:
        """Whether force, or the forces that use it, are told in the protest's sentence or in those telling its end
        ("police tried to hold the marchers back")."""
        return any(a.sentence in sentences and a.role in FORCES for a in article.actors) or any(
            self._force.search(article.sentences[index].span.text) for index in sentences)

    @staticmethod
    def _add(event: Event, evidence: Evidence) -> None:
        if all((e.field, e.span.start) != (evidence.field, evidence.span.start) for e in event.evidence):
            event.evidence.append(evidence)

    @staticmethod
    def _arrests_in(article: Article, event: Event, index: int) -> list[Event]:
        """Arrests told in sentence ``index`` at the protest's place (or none), on its day or with no date of
        their own (a date borrowed from the sentence before is the protest's context, not the arrest's)."""
        span = article.sentences[index].span

        def own_date(other: Event) -> bool:
            return any(e.field == "date" and span.start <= e.span.start < span.end for e in other.evidence)

        return [e for e in article.events if e.sub_event_type == "Arrests" and e.mention.sentence == index
                and not e.background and (e.date == event.date or not own_date(e))
                and (e.location is None or event.location is None or e.location.geonameid == event.location.geonameid)]
