"""Killings told outright: a sentence that says an act of violence killed people ("gunmen killed three villagers")
is conflict news whatever the article's topic; one that says an act of war killed them ("a Russian strike on an
apartment block killed five people", "three men killed in a Turkish drone strike") tells an event of the act's
sub-type whatever the learned detector makes of its words (ACLED codes a strike that kills civilians as a strike)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..article import DETECTOR_RULE, EventMention
from ..lexicon import load_lexicon
from ..syntax import governing_verb
from ..taxonomy.acled import VIOLENT_TYPES
from .clauses import WHEN_WORDS

MEANS_PREPOSITIONS = frozenset({"in", "by"})  # "killed in a drone strike", "killed by an air strike"
_COUNTS = load_lexicon("counts")
WOUNDS_DEATH_VERBS, WOUND_NOUNS = _COUNTS.words("wounds_death_verb"), _COUNTS.words("wound_noun")
DYING_VERBS = _COUNTS.words("dying_verb")  # "34 people died"
HAZARDS = load_lexicon("event_words").words("hazard_noun")  # "died of cholera", "died in the floods"


def killing_verbs(sent, *, killing: frozenset[str], people: frozenset[str]) -> Iterable:
    """The sentence's verbs of killing with a number of people, or a person, as what they killed ("flattened a
    house ..., killing a man"), also the people a participle after them tells killed ("three men killed in a
    drone strike"), and verbs of dying whose subject is a number of people ("34 people died when gunmen opened
    fire")."""
    def kills_people(t) -> bool:
        return t.lemma_.lower() in killing and (
            any(w.like_num for w in t.subtree if w.i != t.i) or any(
                c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in people for c in t.children) or (
                t.dep_ == "acl" and (t.head.lemma_.lower() in people or any(c.like_num for c in t.head.children))))

    def people_died(t) -> bool:
        return t.lemma_.lower() in DYING_VERBS and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in people and any(w.like_num for w in c.children)
            for c in t.children)

    return (t for t in sent if kills_people(t) or people_died(t))


def told_as_done(mention: EventMention) -> bool:
    return mention.event_type in VIOLENT_TYPES and not (mention.negated or mention.hypothetical or mention.habitual)


def killing_by_violence(sent, mentions: Sequence[EventMention], *, killing: frozenset[str],
                        people: frozenset[str]) -> bool:
    """A rule trigger of violence, told as done, and a verb of killing people, in one sentence: conflict news,
    whatever the article's topic."""
    return any(told_as_done(m) for m in mentions) and next(
        iter(killing_verbs(sent, killing=killing, people=people)), None) is not None


def killing_act(sent, mentions: Sequence[EventMention], *, killing: frozenset[str], people: frozenset[str],
                means: Mapping[str, str]) -> tuple[EventMention, str] | None:
    """The rule mention of violence, told as done and not only referred to, of a verb of killing people whose
    subject is an act of war that kills ("the strike on the camp on Thursday killed three people"; also "killed in
    a strike", and "killed when an Israeli strike destroyed a house": the "when" clause's subject), or of that
    subject, with the sub-type the act tells (``means``); None when there is none. A killing
    told after the act that did it ("A bomb exploded ... Two soldiers were killed") is the act's toll, left to the
    detector to read. A killing told by a participle after a comma follows the act of violence told last before it
    ("the men who opened fire at a football pitch on Sunday, killing six young men"), whatever the parser hangs it
    from: that act, with no sub-type (""): which act of violence it was, the detector says."""
    acts = [m for m in mentions if told_as_done(m) and not m.reference and m.rule != DETECTOR_RULE]
    for verb in killing_verbs(sent, killing=killing, people=people):
        doers = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in means]
        doers += [g for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPOSITIONS
                  for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in means]  # "killed in a strike"
        if verb.dep_ == "relcl" and verb.head.lemma_.lower() in means:
            doers.append(verb.head)  # "the bomb that killed four policemen"
        doers += [g for c in verb.children if c.dep_ == "advcl" and any(w.lower_ in WHEN_WORDS for w in c.children)
                  for g in c.children if g.dep_ == "nsubj" and g.lemma_.lower() in means]  # "killed when a strike hit"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "an Israeli strike flattened a house ..., killing a man"
            doers += [c for c in verb.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in means]
        if not doers and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ",":
            # "the men who opened fire at a football pitch on Sunday, killing six": the act the killing follows
            # (the parser may hang the participle from the sentence's verb of telling: the act is the last before it)
            before = [m for m in acts if m.trigger.end <= verb.idx]
            if before:
                return max(before, key=lambda m: m.trigger.start), ""  # which act of violence it was: the detector's
        if not doers:
            continue
        found = next((m for m in acts if any(m.trigger.start <= i < m.trigger.end
                                             for i in (verb.idx, *(d.idx for d in doers)))), None)
        if found is not None:
            return found, means[doers[0].lemma_.lower()]
    return None


def killed_by_hazard(verb, *, killing: frozenset[str], hazards: frozenset[str]) -> bool:
    """A verb of killing whose subject is a natural or other hazard ("floods killed three people in the village",
    "cholera has killed 30"): a disaster, no act of violence."""
    return verb.lemma_.lower() in killing and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in hazards for c in verb.children)


def dies_of_wounds(token) -> bool:
    """Whether the verb tells a death from the wounds an earlier act gave ("a fourth police officer had died of his
    wounds", "succumbed to her injuries"), or from an illness or a hazard ("200 people in the district have died of
    cholera and another unknown illness"): a toll that rises, or no act, never what a sentence's event is told by."""
    # the wounds' phrase hangs from the verb, or from a phrase of the verb ("died ... on Friday of wounds")
    return token.lemma_.lower() in WOUNDS_DEATH_VERBS and any(
        w.dep_ in ("pobj", "conj") and w.lemma_.lower() in WOUND_NOUNS | HAZARDS and governing_verb(w) == token
        for w in token.subtree)
