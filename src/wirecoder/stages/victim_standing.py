"""Victims who belong to an armed group. ACLED's civilians are people who belong to no armed group: a man shot dead
by armed men whom the report then says "had charges against him for drug trafficking" or "was involved in a gang"
was a gang's member, so ACLED codes the killing as an armed clash between gangs (actor2 an unidentified gang), not
as violence against civilians. The detector reads one sentence at a time; this stage reads an attack's own sentence
and the sentences after it in its paragraph, up to the next that tells another event, for a victim tied to a group
in the words of lexicon/victim_standing.tsv (subject, tie and group, in that order, within the sentence). An attack
by state forces stays what it was: a drug suspect killed in a police raid is still ACLED's attack on a civilian."""
from __future__ import annotations

import re

from ..actors.names import actor_name
from ..article import ActorMention, Article, Event, Evidence
from ..events.told_after import told_after
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.kinds import ActorKind, ActorRole

ATTACK, CLASH = "Attack", "Armed clash"
STATE_KINDS = frozenset({ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES})
GAP = r"[^.;]{0,40}?"  # words between subject, tie and group, within the sentence ("for several crimes, including")


class VictimStandingStage:
    name = "victim_standing"
    requires = ("events", "sentences", "text")
    assigns = ("events",)

    def __init__(self, *, countries: CountryNames):
        words = load_lexicon("victim_standing")
        self._countries = countries
        self._standing = re.compile(
            rf"\b{words.alternation('standing_subject')}\b{GAP}\b{words.alternation('standing_tie')}\b{GAP}"
            rf"\b{words.alternation('standing_group')}\b", re.IGNORECASE)

    def __call__(self, article: Article) -> Article:
        for event in article.events:
            if event.background or event.sub_event_type != ATTACK or (
                    event.actor1 is not None and event.actor1.kind in STATE_KINDS):
                continue
            for index in [event.mention.sentence, *told_after(article, event)]:
                text = article.sentences[index].span
                match = self._standing.search(text.text)
                if match is None:
                    continue
                event.sub_event_type, event.event_type = CLASH, SUB_EVENT_TYPES[CLASH]
                event.actor2 = self._gang(article, event)
                event.evidence.append(Evidence("actor2", article.span(text.start + match.start(),
                                                                      text.start + match.end())))
                break
        return article

    def _gang(self, article: Article, event: Event) -> ActorMention:
        """The victim's group, which the text does not name: ACLED's unidentified gang of the event's country."""
        country = event.location.country if event.location is not None else (
            event.actor1.country if event.actor1 is not None else None)
        name = actor_name(ActorRole.GANG, self._countries.name(country) if country else None, "")
        sentence = event.mention.sentence
        return ActorMention(article.span(event.mention.trigger.start, event.mention.trigger.start), name,
                            ActorKind.POLITICAL_MILITIA, country, sentence, role=ActorRole.GANG, named=False)
