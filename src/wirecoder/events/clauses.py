"""The words of a trigger that event detection reads again on their own when its whole sentence reads as no event
(stages/event_detection.py): a clause, or the phrase of a dated act of violence told inside a sentence about
something else."""
from __future__ import annotations

from ..lexicon import load_lexicon
from ..syntax import NOBODY, governing_verb

CLAUSE_DEPS = frozenset({"relcl", "advcl"})  # clauses read again on their own (a dependency label, not a word)
OCCURRING = load_lexicon("referenced_events").words("occurring_verb")  # "took place", "happened", "occurred"


def clauses_to_read(span, *, sure: bool, violent: bool) -> list[list]:
    """A trigger's clause with a subject of its own (a sure trigger's, or one of violence with a day in it); the
    phrase of a dated act of violence told inside a sentence about something else ("the funeral of four people
    killed in an Israeli strike in X on Tuesday", "the toll from Thursday's missile strike on the city", "visited
    X, where bandits killed many people on Sunday night"). Not "the man who kidnapped the child": a clause saying
    who someone is. A clause is read without its "where" or "which"."""
    found = []  # (words, whether they need a day to be read)
    verb = governing_verb(span.root)
    if verb is not None and verb.dep_ in CLAUSE_DEPS and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in verb.children):
        found.append(([t for t in verb.subtree if not (t.i < verb.i and t.tag_ in ("WRB", "WDT", "WP"))],
                      not sure and not _dated_occurrence(verb)))
    if span.root.pos_ == "NOUN" and span.root.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
        found.append((list(span.root.subtree), True))  # "Thursday's Russian missile strike on the city"
    elif verb is not None and verb.i == span.root.i and verb.dep_ == "acl" and verb.tag_ == "VBN":
        found.append((list(verb.head.subtree), True))  # "four people killed in ...": the people and what befell them
    return [words for words, needs_day in found if not needs_day or violent and dated(words)]


def dated(tokens) -> bool:
    """Whether the words give a day or a time ("on Tuesday", "Thursday's", "on Sunday night")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in tokens)


def _dated_occurrence(verb) -> bool:
    """ "The most serious incident of the week took place on Saturday 10 October, when settlers attacked families":
    a clause telling what happened on the day it hangs on, or on the day its main clause's occurrence gives."""
    if verb.dep_ == "relcl":
        return verb.head.ent_type_ in ("DATE", "TIME")
    return verb.dep_ == "advcl" and verb.head.lemma_.lower() in OCCURRING and dated(
        t for c in verb.head.children if c.dep_ == "prep" for t in c.subtree)


def denied_occurrence(token) -> bool:
    """Whether the text says the act its noun names did not happen: "no attack on Sunday", "the attack on Sunday did
    not take place". What a sentence denies of the act says nothing of whether it happened ("The clashes around
    Pinga at the weekend will not change the map")."""
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NOBODY) for c in token.children):
        return True
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in OCCURRING and any(
        c.dep_ == "neg" for c in token.head.children)


WHEN_WORDS = load_lexicon("referenced_events").words("when_mark")  # "The attack took place ..., when a drone exploded"


def tells_how(doc, noun, clause) -> bool:
    """Whether the trigger ``clause`` (a span of the text) tells how the act the trigger ``noun`` names happened: in
    a "when" clause on the noun's verb ("The attack took place on Thursday evening, when a drone exploded"), or in a
    relative clause on the noun ("the attack, in which a car bomb exploded")."""
    if doc is None:
        return False
    noun_span = doc.char_span(noun.start, noun.end, alignment_mode="expand")
    clause_span = doc.char_span(clause.start, clause.end, alignment_mode="expand")
    if noun_span is None or clause_span is None:
        return False
    head, node = noun_span.root, clause_span.root
    # up to the clause the trigger's words stand in (the parser may hang "when" and the clause on its subject: "when
    # an explosive device planted by ... detonated"), not past the noun's own verb
    while node.dep_ not in ("advcl", "relcl") and node.head.i != node.i and node.i != head.head.i:
        node = node.head
    return (node.dep_ == "advcl" and node.head.i == head.head.i and any(c.lower_ in WHEN_WORDS for c in node.children)
            or node.dep_ == "relcl" and node.head.i == head.i)


def within_phrase(doc, inner, outer) -> bool:
    """Whether the span ``inner`` lies in the phrase the span ``outer`` heads ("condemned the attack, which killed
    four": the clause on the condemned noun shares its standing)."""
    head = doc.char_span(outer.start, outer.end, alignment_mode="expand")
    return head is not None and any(t.idx <= inner.start < t.idx + len(t) for t in head.root.subtree)
