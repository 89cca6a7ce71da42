"""External forces: a state's own forces acting where ACLED codes that state as intervening (Turkish forces in
Syria, Saudi warplanes in Yemen, Israeli forces in the West Bank) are ACLED's external forces (inter 8), under the
operation's name when ACLED gives one ("Operation Restoring Hope"); at home, or in a war between two states'
armies the table does not list, they stay their state's forces. Where they act is the event's location, so this
runs after the event stages; the table is taxonomy/interventions.tsv (docs/actors.md)."""
from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..article import ActorMention, Article, Event
from ..taxonomy.actor_lexicon import Intervention, load_interventions
from ..taxonomy.kinds import ActorKind, ActorRole

STATE_ROLES = frozenset({ActorRole.MILITARY, ActorRole.POLICE, ActorRole.WEAPON, ActorRole.STATE})


class InterventionsStage:
    name = "interventions"
    requires = ("events", "published")
    assigns = ("events",)

    def __init__(self, *, interventions: Mapping[str, tuple[Intervention, ...]] | None = None):
        self._interventions = interventions if interventions is not None else load_interventions()

    def __call__(self, article: Article) -> Article:
        for event in article.events:
            host = event.location.country if event.location is not None else None
            if not host:
                continue
            event.actor1 = self._abroad(event.actor1, host, event, article)
            event.actor2 = self._abroad(event.actor2, host, event, article)
            event.assoc_actors = [self._abroad(a, host, event, article) for a in event.assoc_actors]
        return article

    def _abroad(self, actor: ActorMention | None, host: str, event: Event, article: Article) -> ActorMention | None:
        if actor is None or actor.kind != ActorKind.STATE_FORCES or not actor.country or actor.country == host \
                or actor.role not in STATE_ROLES:
            return actor
        day = event.date or article.published
        for intervention in self._interventions.get(actor.country, ()):
            if host in intervention.hosts and intervention.holds_on(day):
                return dataclasses.replace(actor, kind=ActorKind.EXTERNAL_FORCES, name=intervention.name or actor.name)
        return actor
