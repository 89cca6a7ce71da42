"""Rule and detector: when a trigger rule's sub-type wins over the detector's best for a sentence.

The detector reads whole sentences and gives each sub-type a probability; the trigger rules (stages/mentions.py)
read words. Their priors (``STRONG_RULE``, ``FIRM_RULE``) say how sure a rule is of its sub-type ("missile attack",
"airstrike", "abducted"). ``rule_breaks_tie`` returns the sub-type the sentence's event takes, with its probability:

- the detector's best a strategic development that tells no fighting (QUIET_DEVELOPMENTS) while a trigger rule of
  political violence tells its act as done, not only referred to nor in a relative clause: the rule's sub-type,
  however sure the detector ("rebel reinforcements arrived on the front and attacked army positions": an armed
  clash, not a change to group/activity);
- no word of the sentence a rule reads tells the detector's kind of event, while a strong rule tells another act
  as done: the rule's ("the police said on Sunday that 19 people were abducted when bandits attacked Tsafe, and that
  five were rescued": an abduction, not the clash the rescue made the detector lean to; on ACLED's dev notes, an IED
  attack or an air raid the detector took for a clash or an attack);
- else the detector unsure (its best under UNSURE) and a strong rule, told as done, naming another sub-type it gives
  at least TIE_RATIO of its best: the rule ("'terrorists' abducted nine people ... in an incursion": an abduction,
  not the clash it leant to); lost (under LOST of all sub-types' mass), or leaning to a kind no word of the
  sentence tells, a firm rule ("fighting broke out at the bridge, where rebels have blocked the junta": a clash;
  "security forces remained deployed in the village, two days after crowds attacked the homes of Christian
  families": mob violence, not the arrest the deployment made the detector lean to).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..article import Article, EventMention
from ..syntax import governing_verb
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.acled import QUIET_DEVELOPMENTS, VIOLENT_TYPES

STRONG_RULE = 0.85  # a trigger rule this sure of its sub-type ("missile attack", "airstrike") is evidence too
UNSURE, TIE_RATIO, LOST, FIRM_RULE = 0.5, 0.5, 1 / 3, 0.6


def rule_breaks_tie(article: Article, row: np.ndarray, sub: str, p: float, mentions: list[EventMention], *,
                    labels: Sequence[str], events_mass: float) -> tuple[str, float]:
    """The sub-type a sentence's event takes and its probability (the module's docstring); ``events_mass``: the
    detector's probability of any event in the sentence."""
    def told_as_done(m: EventMention) -> bool:
        return m.detected and m.sub_event_type in labels and not (
            m.negated or m.hypothetical or m.habitual or m.reference) and not in_relative_clause(article, m)

    if sub in QUIET_DEVELOPMENTS:
        violent = [m for m in mentions if m.event_type in VIOLENT_TYPES and told_as_done(m)]
        if violent:
            told = max(violent, key=lambda m: m.confidence)
            return told.sub_event_type, float(row[labels.index(told.sub_event_type)])
    unsupported = not any(m.detected and m.event_type == SUB_EVENT_TYPES[sub] for m in mentions)
    if unsupported:
        strong = [m for m in mentions if m.confidence >= STRONG_RULE and told_as_done(m)]
        if strong:
            told = min(strong, key=lambda m: m.trigger.start)
            return told.sub_event_type, float(row[labels.index(told.sub_event_type)])
    if p >= UNSURE:
        return sub, p
    lost = p < LOST * events_mass  # a share of the events' mass, whatever the topic's weight did to it
    for m in mentions:
        other = float(row[labels.index(m.sub_event_type)]) if m.sub_event_type in labels else 0.0
        if m.detected and m.confidence >= (FIRM_RULE if lost or unsupported else STRONG_RULE) and not (
                m.negated or m.hypothetical or m.habitual) and m.sub_event_type != sub and other >= TIE_RATIO * p:
            return m.sub_event_type, other
    return sub, p


def in_relative_clause(article: Article, mention: EventMention) -> bool:
    """Whether the trigger's verb tells who someone is ("forces that recently clashed"), not what happened."""
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand") \
        if article.doc is not None else None
    verb = governing_verb(span.root) if span is not None else None
    return verb is not None and verb.dep_ == "relcl"
