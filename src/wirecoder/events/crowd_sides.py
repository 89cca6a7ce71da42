"""Whether a clash is a crowd's. ACLED's battles are between organised armed groups; "dozens of Palestinian youths
clashed with Israeli forces", "clashes erupted between locals and the police", "residents clashed with traders"
are riots (mob violence): the people who fight are a crowd. The sides are read from the parse of the clash: the
subject of its verb and what it clashed with, or the parties "between" which it erupted, and a crowd is a plural of
people (lexicon battle_weapons.tsv crowd_people: youths, locals, residents, villagers, men with no "armed" on
them) or a people named by its nationality ("Palestinians"). The other side must be state forces or another crowd
(two nationalities clashing may be two armies)."""
from __future__ import annotations

from ..article import ActorMention, Article, EventMention
from ..lexicon import load_lexicon
from ..syntax import governing_verb, noun_agents
from ..taxonomy.kinds import ActorKind

_WORDS = load_lexicon("battle_weapons")
CROWD_PEOPLE = _WORDS.words("crowd_people")
CROWD_QUANTITY = _WORDS.words("crowd_quantity")
ARMED_MODIFIER = _WORDS.words("armed_modifier")
CROWD_MEMBERS = _WORDS.words("crowd_members")
FIREARM_ACTS = _WORDS.words("firearm_act")
CROWD_CLASH_MODIFIERS = _WORDS.words("crowd_clash_modifier")
NON_STATE_ARMED = frozenset({ActorKind.REBELS, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA,
                             ActorKind.EXTERNAL_FORCES})


def crowd_clash(article: Article, mention: EventMention) -> bool:
    """True when one side of the clash is a crowd and the other state forces, another crowd, or unnamed."""
    root = _trigger_root(article, mention)
    if root is not None and root.lemma_.lower() != "clash":  # "a man was killed and 40 injured when activists of
        # two parties clashed": the clash the killing's clause tells
        root = next((t for t in root.subtree if t.dep_ == "advcl" and t.lemma_.lower() == "clash"), root)
    sides = _sides(root) if root is not None else []
    if not sides:  # "two days after communal clashes left 15 people injured": communities clash as crowds
        return root is not None and any(c.dep_ == "amod" and c.lower_ in CROWD_CLASH_MODIFIERS for c in root.children)
    actors = [a for a in article.actors if a.sentence == mention.sentence]
    kinds = [_kind(token, actors) for token in sides]
    if "armed" in kinds or kinds.count("nation") > 1:
        return False
    # a side the parse made of a name no actor holds ("activists of the BNP and Jamaat-e-Islami clashed": "Islami")
    # is no armed party's
    return any(k in ("crowd", "nation") for k in kinds) and all(
        k in ("crowd", "nation", "state") or (k == "other" and token.pos_ == "PROPN") for k, token in zip(kinds, sides))


def crowd_attackers(article: Article, mention: EventMention) -> bool:
    """True when an attack's doers are a crowd of people, not an armed group: "a group of local people killed a man",
    "five persons beat up a man", "settlers beat a Palestinian" (ACLED's mob violence); the subject of the act's
    verb, or its "by" agent. Never for an act of firearms (firearm_act: "two men shot at people")."""
    span = _trigger_span(article, mention)
    if span is None:
        return False
    root = span.root
    verb = root if root.pos_ == "VERB" else governing_verb(root)
    if verb is None or FIREARM_ACTS & {t.lemma_.lower() for t in (*span, verb)}:
        return False  # "two men shot at customers", "men in a pickup opened fire": who fires a gun is armed, no crowd
    doers = [c for c in verb.children if c.dep_ == "nsubj" and not any(  # "LAE, Oct 18 - Crowds looted": the
        d.start <= c.idx < d.end for d in article.datelines)]  # parse's subject in the dateline is no doer
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if root.pos_ == "NOUN" and root.i != verb.i:  # "villagers fled after an attack by gunmen": the noun's own agent;
        doers = noun_agents(root) or ([] if root.dep_ == "pobj" else doers)  # with none, a noun in a phrase has none
    if not doers:
        return False
    actors = [a for a in article.actors if a.sentence == mention.sentence]
    kinds = [_kind(_crowd_head(d), actors) for d in doers]
    return all(k in ("crowd", "nation") for k in kinds)


def _trigger_span(article: Article, mention: EventMention):
    """The tokens of the mention's trigger, or None when its words do not align with tokens."""
    return article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")


def _trigger_root(article: Article, mention: EventMention):
    """The head token of the mention's trigger, or None when its words do not align with tokens."""
    span = _trigger_span(article, mention)
    return span.root if span is not None else None


def _sides(root) -> list:
    """The heads of the clash's parties: subject and "with" object of its verb, or the objects of "between"."""
    heads = []
    for token in [root] + ([governing_verb(root)] if root.pos_ != "VERB" else []):
        if token is None:
            continue
        for child in token.children:
            if child.i == root.i:
                continue  # "clashes erupted between ...": the clash is no side of itself
            if child.dep_ == "nsubj" and token.i == root.i and token.pos_ == "VERB":  # "youths clashed with"; not
                # the subject of another verb the clash hangs on ("14 people were killed in fighting")
                heads.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("with", "between", "against"):
                heads.extend(c for c in child.children if c.dep_ == "pobj")
    out = []
    for head in heads:
        out.append(head)
        out.extend(c for c in head.conjuncts if c.i > head.i)
    return [_crowd_head(h) for h in out]


def _crowd_head(token):
    """'dozens of youths' -> 'youths'."""
    if token.lemma_.lower() in CROWD_QUANTITY or token.lower_ in CROWD_QUANTITY:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


def _kind(token, actors: list[ActorMention]) -> str:
    """'state', 'armed', 'crowd', 'nation' or 'other' for a party's head word."""
    for actor in actors:
        if actor.span.start <= token.idx < actor.span.end or actor.head == token.idx:
            if actor.kind == ActorKind.STATE_FORCES:
                return "state"
            if actor.kind in NON_STATE_ARMED:
                return "armed"
    if any(c.lower_ in ARMED_MODIFIER for c in token.children):
        return "armed"
    if token.lower_ in CROWD_PEOPLE and token.tag_ in ("NNS", "NN"):
        return "crowd"
    if token.lower_ == "members" and any(c.dep_ == "compound" and c.lower_ in CROWD_MEMBERS for c in token.children):
        return "crowd"  # "community members", "party members"
    if token.tag_ == "NNS" and token.lemma_.lower() in CROWD_MEMBERS:
        return "crowd"  # "a clash between two communities", "two families clashed"
    if token.lower_ == "members" and any(o.tag_ == "NNS" and o.lemma_.lower() in CROWD_MEMBERS
                                         for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for o in p.children):
        return "crowd"  # "members of two communities"
    if token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") or (
            token.ent_type_ == "NORP" and token.text.endswith("s") and token.tag_ == "NNP"):
        return "nation"
    return "other"
