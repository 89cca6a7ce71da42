"""Responsibility claims: "Islamic State claimed responsibility for the attack". The armed group that claims an
attack coded with no named perpetrator is its actor1, as ACLED codes claimed attacks; the claim's words are the
evidence. The attack is the latest current violent event told before the claim."""
from __future__ import annotations

import re

from ..article import Article, Evidence
from ..taxonomy.kinds import NON_STATE_ARMED, ActorRole
from ..events.actor_roles import VIOLENT_TYPES
from ..lexicon import load_lexicon

_WORDS = load_lexicon("speaker_kinds")
CLAIMED = re.compile(  # "claimed responsibility", "claiming credit"
    rf"\b{_WORDS.alternation('claim_verb')} {_WORDS.alternation('responsibility_word')}\b", re.IGNORECASE)
CLAIMING_KINDS = NON_STATE_ARMED  # who claims an attack


class ResponsibilityStage:
    name = "responsibility"
    requires = ("events", "actors", "sentences")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        events = article.events
        for sentence in article.sentences:
            if not CLAIMED.search(sentence.span.text):
                continue
            group = next((a for a in article.actors if a.sentence == sentence.index and a.role == ActorRole.GROUP
                          and a.kind in CLAIMING_KINDS), None)
            if group is None:
                continue
            before = [e for e in events if not e.background and e.event_type in VIOLENT_TYPES
                      and e.mention.trigger.start < sentence.span.start
                      and (e.actor1 is None or not e.actor1.named)]
            if before:
                claimed = max(before, key=lambda e: e.mention.trigger.start)
                claimed.actor1 = group
                claimed.evidence.append(Evidence("actor1", group.span))
        return article
