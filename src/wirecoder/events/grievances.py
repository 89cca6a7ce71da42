"""What a crowd protests against: an act its protest names ("youths protesting against the killing of villagers in
Bwoi on Saturday night blocked the road in Mangu town on Sunday") happened at its own place and on its own day,
which are not the crowd's. Read by the event places and dates of protests and riots."""
from __future__ import annotations

from ..article import Article, EventMention
from ..lexicon import load_lexicon
from ..syntax import governing_verb

_WORDS = load_lexicon("event_places")
GRIEVANCE_PREPOSITIONS = _WORDS.words("grievance_preposition")
GRIEVANCE_ACTS = _WORDS.words("grievance_act")
SOLIDARITY = _WORDS.words("solidarity_noun")
PROTEST_WORDS = load_lexicon("event_words").words("protest_words")
CROWD_EVENT_TYPES = frozenset({"Protests", "Riots"})


def grievance_tokens(article: Article, mention: EventMention) -> frozenset[int]:
    """The indices of the tokens telling the act a crowd event protests against: a preposition of grievance
    ("against", "over") hung on the trigger, its verb or a protest word below that verb, whose object is an act
    ("the killing", "the arrest"), with all it says; or such an act as a protest verb's object ("to protest the
    killing of ..."); or whom the crowd is in solidarity with ("in solidarity with protesters in Abuja"). Empty for
    other events, and where the parse gives none."""
    doc = article.doc
    if mention.event_type not in CROWD_EVENT_TYPES or doc is None:
        return frozenset()
    trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    if trigger is None:
        return frozenset()
    verb = governing_verb(trigger.root) or trigger.root
    heads = {trigger.root.i, verb.i} | {t.i for t in verb.subtree if t.lemma_.lower() in PROTEST_WORDS}
    out: set[int] = set()
    for i in heads:
        for child in doc[i].children:
            if child.dep_ == "prep" and child.lower_ in GRIEVANCE_PREPOSITIONS:
                acts = [o for o in child.children if o.dep_ == "pobj" and o.lemma_.lower() in GRIEVANCE_ACTS]
                if acts:
                    out.update(t.i for t in child.subtree)
            elif child.dep_ == "dobj" and doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in PROTEST_WORDS \
                    and child.lemma_.lower() in GRIEVANCE_ACTS:
                out.update(t.i for t in child.subtree)
    for noun in (t for t in verb.subtree if t.lemma_.lower() in SOLIDARITY):  # "in solidarity with protesters in X"
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None  # "with" hung on the noun, or on the verb after it
        told = next((c for c in noun.children if c.lower_ == "with"), None) or (
            after if after is not None and after.lower_ == "with" else None)
        if told is not None:
            out.update(t.i for t in told.subtree)
    return frozenset(out)
