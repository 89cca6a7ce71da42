"""Event actors: who did what to whom in each event report, read from the syntax around its trigger.

actor1 is the subject of the trigger's clause, else the agent of a passive ("killed ... by Taliban militants"),
else the armed party that tells of its own act ("the army said its aircraft struck"), else the state's force
whose weapon the trigger is, else the nearest party before the trigger; actor2 is the target (the object, or what
"on", "against", "at" ... name; "with" in a clash); in "clashes between A and B" A and B. Actors named with actor1
are associated actors, or the second party of an agreement or of a fight told with both sides as its subject
("the army and the AA clashed"). A speaker ("the army said") is nobody's actor, nor is who blames another for
the act ("the ministry blamed the front for the abduction": the front is actor1), nor who reacts to it ("the
mission condemned the killing"), nor who acts after it ("police arrested three men after Wednesday's attack on the
market": only the attack's own words name its parties; not after a fight, whose parties go on acting, nor when the
sentence's verb tells who was killed or hurt; nor, of an act told in an "after" clause with a subject of its own,
who acts in the main clause: "sent soldiers to Suarez after dissidents attacked the police station"). The
demonstrators are actor1 of a protest.
"""
from __future__ import annotations

from ..article import ActorMention, Article, EventMention, ReportActors
from ..events.actor_roles import ActorRoles, speaks
from ..geo.countries import CountryNames
from ..lexicon import load_lexicon
from ..syntax import HARMING, REACTION, SPEECH, answered_by, governing_verb, noun_agents, subject_of
from ..taxonomy.kinds import ARMED_KINDS, ActorKind, ActorRole

_WORDS = load_lexicon("event_actors")
TARGET_PREPS = _WORDS.words("target_preposition")
ENGAGING = _WORDS.words("engaging_verb")  # "engaged in a firefight with": the act after "in"
CARRY_OUT_VERBS = _WORDS.words("carry_out_verb")  # "launched an attack": the object is the act, not a target
SELF_PRONOUNS = _WORDS.words("self_pronoun")  # "the army said it had killed ..."
ANAPHORS = _WORDS.words("anaphor_noun")  # "after the latter shelled the city": a party named before
SELF_POSSESSIVES = _WORDS.words("self_possessive")  # "the army said its aircraft struck ..."
REPELLED_ACTS = _WORDS.words("repelled_act")  # "fought off an attack by X": X attacked, the subject was attacked
HITTING = _WORDS.words("hitting_verb")  # "hit the army base": the base's owner was hit
BLAMING_VERBS = load_lexicon("referenced_events").words("blaming_verb")  # "blamed X for the attack": X did it
ACCUSING_VERBS = load_lexicon("referenced_events").words("accusing_verb")  # "accused X of carrying it out"
ACT_PRONOUNS = load_lexicon("referenced_events").words("act_pronoun")
PERPETRATING = load_lexicon("referenced_events").words("perpetrating_verb")  # "of carrying it out"
TELLING_NOUNS = _WORDS.words("telling_by_head")  # "a statement by X", "a police figure": X tells, not does
TELLING_BY_HEADS = TELLING_NOUNS | SPEECH
DENYING = _WORDS.words("denying_verb")  # "the Taliban denied the attack": who denies it is not told as its doer
NOT_DOING = REACTION | DENYING  # who reacts to an act, or denies it
AFTERMATH = load_lexicon("referenced_events").words("aftermath_preposition")  # "after", "following"


def _blamed_for(root):
    """Who a verb of blame holds to have done the act its "for" names ("blamed the Jaime front, a dissident
    faction, for the abduction of two police officers"), else None. The one who blames only tells of it."""
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return None
    host = root.head.head
    if host.pos_ in ("NOUN", "PROPN") and host.dep_ == "dobj":  # the parser hung "for" on the object
        return host if host.head.lemma_.lower() in BLAMING_VERBS else None
    if host.lemma_.lower() in BLAMING_VERBS:
        return next((c for c in host.children if c.dep_ == "dobj"), None)
    return None


def _accused_of(root):
    """Who a verb of accusing in the act's own sentence holds to have done it, told by a pronoun: what it is accused
    "of" doing to it ("... were killed in the attack on X and accused fighters of the Katiba Macina of carrying it
    out"), or what it is blamed "for" ("blamed the group for it"); else None. Accused of something else ("accused
    the army of failing to protect them"), it did not do the act."""
    for token in root.sent:
        doer = next((c for c in token.children if c.dep_ == "dobj"), None)
        if token.lemma_.lower() not in ACCUSING_VERBS or doer is None:
            continue
        for prep in (c for c in token.children if c.dep_ == "prep"):
            told = [w for w in prep.children if w.dep_ in ("pobj", "pcomp")]
            if prep.lower_ == "for" and any(w.lower_ in ACT_PRONOUNS for w in told) or prep.lower_ == "of" and any(
                    w.lemma_.lower() in PERPETRATING and any(o.dep_ == "dobj" and o.lower_ in ACT_PRONOUNS
                                                              for o in w.children) for w in told):
                return doer
    return None


class EventActorsStage:
    name = "event_actors"
    requires = ("reports", "actors", "doc", "sentences")
    assigns = ("report_actors",)

    def __init__(self, *, countries: CountryNames):
        self._roles = ActorRoles(countries=countries)
        self._exchange = load_lexicon("battle_weapons").pattern("exchange")  # "clashed", "fought", "exchanged fire"

    def __call__(self, article: Article) -> Article:
        article.report_actors = [self._actors(article, report.mention) for report in article.reports]
        return article

    def _actors(self, article: Article, mention: EventMention) -> ReportActors:
        doc = article.doc
        actors = [a for a in article.actors if a.sentence == mention.sentence]
        actors = [a for a in actors if not speaks(doc, a)]
        trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        root = trigger.root
        verb = governing_verb(root)
        if not actors:  # "Al-Shabaab said its fighters attacked a base": the one who speaks tells of its own act
            return ReportActors(_owner_who_speaks(article, mention, subject_of(verb)) if verb is not None else None,
                                None, [])
        if root.dep_ == "dobj" and root.pos_ == "NOUN" and root.head.lemma_.lower() in NOT_DOING:
            # "the mission condemned the killing of eight civilians": who reacts did not do it, nor who denies it
            reactor = subject_of(root.head)
            if reactor is not None:
                reacting = {t.idx for t in reactor.subtree}
                actors = [a for a in actors if a.span.start not in reacting and a.head not in reacting]
                if not actors:
                    return ReportActors(None, None, [])

        # "police arrested three men on Friday after Wednesday's attack on the market": who acts after an attack did
        # not do it; the noun's own words may name its parties ("after an attack by ADF rebels"). A fight's parties
        # often go on acting after it ("troops recovered territory following a clash with the ADF"), and who was
        # killed or hurt after an attack was its target ("two soldiers were killed following an attack")
        noun_after = root.pos_ == "NOUN" and root.dep_ == "pobj" and root.head.lower_ in AFTERMATH \
            and mention.event_type != "Battles" and not any(  # what "after" hangs on ("killed following")
                v.lemma_.lower() in HARMING for v in (root.head.head, *root.head.head.conjuncts))
        # "sending soldiers to Suarez after dissidents attacked the police station": a clause of what came before,
        # with a subject of its own, names its own parties; who acts in the main clause did not do it
        clause_after = verb is not None and verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in AFTERMATH for c in verb.children) and any(
            c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in ANAPHORS for c in verb.children)
        if noun_after or clause_after:
            own = {t.idx for t in (root if noun_after else verb).subtree}
            actors = [a for a in actors if a.span.start in own or a.head in own]
            if not actors:
                return ReportActors(None, None, [])
        arrest = answered_by(root)
        if arrest is not None:
            # "police arrested two gang members over the killing of seven people": who arrests did not do it, and
            # who is arrested is only suspected of it (what follows an act is often done by its parties: "soldiers
            # recovered territory following a clash with the ADF")
            while arrest.dep_ in ("acl", "relcl", "amod") and arrest.head.i != arrest.i:
                arrest = governing_verb(arrest.head) or arrest.head  # "detained three people suspected of ..."
            told = {t.idx for t in arrest.subtree} - {t.idx for t in root.subtree}
            actors = [a for a in actors if a.span.start not in told and a.head not in told]
            if not actors:
                return ReportActors(None, None, [])

        def actor_at(token):
            if token is None:
                return None
            for actor in actors:
                if actor.span.start <= token.idx < actor.span.end or actor.head == token.idx:
                    return actor
            telling = token.pos_ == "NOUN" and token.lemma_.lower() in TELLING_NOUNS  # "19 (police figure)": who counts
            for child in token.children:  # "positions of the army", "the population of Azerbaijan"
                if child.dep_ in ("compound", "amod") and child.i < token.i and not telling:  # "an army base"
                    found = next((a for a in actors if a.span.start <= child.idx < a.span.end), None)
                    if found:
                        return found
                if child.dep_ == "prep" and child.lower_ == "of":
                    for grandchild in child.children:
                        found = actor_at(grandchild)
                        if found:
                            return found
            return None

        blamed = _blamed_for(root) or _accused_of(root)  # "the ministry blamed the front for the abduction"
        actor1 = None
        if blamed is not None:  # the phrase's own actor, else one its apposition names ("a faction of the FARC")
            actor1 = actor_at(blamed) or next(iter(_named_within(blamed, actors)), None)
        if actor1 is None and root.pos_ == "NOUN":  # "buried 19 people after an attack by armed bandits": the
            actor1 = actor_at(next(iter(noun_agents(root)), None))  # noun's own agent, not who buried
        if actor1 is None:
            actor1 = actor_at(subject_of(verb)) if verb is not None else None
        actor2 = None
        fought_off = _object_act(root, verb)
        by = next(iter(noun_agents(fought_off)), None) if fought_off is not None else None
        # "by Islamic State West Africa Province (ISWAP) fighters": the party named before the agent's noun
        agent = None if by is None else actor_at(by) or next(
            (a for a in _named_within(by, actors) if a.span.start < by.idx), None)
        if agent is not None and agent is not actor1:  # "troops fought off an attack by ISWAP fighters on a base": the
            actor1, actor2 = agent, actor1  # attack's doer and its target, as ACLED codes the battle
        for head in _act_heads(root, verb):
            if actor2 is not None:
                break
            preps = TARGET_PREPS | ({"with"} if mention.sub_event_type == "Armed clash" else set())
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    for pobj in child.children:
                        actor2 = actor2 or actor_at(pobj)
                elif child.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() not in CARRY_OUT_VERBS:
                    # "a man and a woman were shot": a conjunct of the target is a target too
                    actor2 = actor2 or next((a for a in map(actor_at, (child, *child.conjuncts)) if a), None)
        if actor1 is None:  # "clashes took place between regime forces and rebels": the first party, then the other
            for head in (root, verb):
                pobj = next((o for c in (head.children if head is not None else ()) if c.dep_ == "prep"
                             and c.lower_ == "between" for o in c.children if o.dep_ == "pobj"), None)
                first = actor_at(pobj)
                if first is not None and first is not actor2:
                    actor1 = first
                    actor2 = actor2 or next((p for p in map(actor_at, pobj.conjuncts) if p and p is not first), None)
                    if actor2 is None:  # "between pro-Houthi and pro-Hadi forces": two sides before one noun
                        inside = {t.idx for o in pobj.head.children if o.dep_ == "pobj" for t in o.subtree}
                        actor2 = next((a for a in actors if a is not first and a.span.start in inside), None)
                    break
        subject = subject_of(verb) if verb is not None else None
        owner = _owner_who_speaks(article, mention, subject)  # "the army said its aircraft struck": the army's
        if (owner is None or root.pos_ == "NOUN") and (actor1 is None or actor1 is actor2):  # "6 soldiers were
            # killed following attacks by Taliban militants"; not the agent of another word when the speaker owns the
            # subject of the act's verb ("the RSF said its fighters had clashed with civilians mobilised by the army")
            by_agent = next((found for t in trigger.sent if t.lower_ == "by" and t.head.pos_ in ("VERB", "NOUN")
                             and t.head.lemma_.lower() not in TELLING_BY_HEADS
                             for found in [actor_at(next((c for c in t.children if c.dep_ == "pobj"), None))]
                             if found is not None and found is not actor2), None)
            actor1 = by_agent or actor1
        if owner is not None and (actor1 is None or (actor1 is actor_at(subject)
                                                     and owner.kind != ActorKind.STATE_FORCES)):
            actor1 = owner  # "the Arakan Army said its troops captured ...": a group's troops are its own, not the
            # state's forces "troops" stands for alone (a ministry's are)
        if actor1 is None:  # "Russian guided aerial bombs": the trigger inside a state's weapon phrase
            actor1 = next((a for a in actors if a.span.start <= mention.trigger.start < a.span.end
                           and a.kind == ActorKind.STATE_FORCES and a is not actor2), None)
        if actor1 is None:
            actor1 = _nearest_party(doc, actors, mention, exclude=actor2)
            if actor1 is not None and actor2 is None and _owns_what_was_hit(doc, actor1):
                actor1, actor2 = None, actor1  # "the attack hit the army base ... when drones struck": the target
        if actor2 is None and mention.event_type in ("Violence against civilians",):
            after = [a for a in actors if a.kind == ActorKind.CIVILIANS and a.span.start > mention.trigger.start]
            actor2 = after[0] if after else None
        assoc = []
        if actor1 is not None:
            token = doc.char_span(actor1.span.start, actor1.span.end, alignment_mode="expand")
            siblings = [a for a in actors if a is not actor1 and a.head == actor1.head]  # "forces of A and B"
            for partner in [actor_at(conj) for conj in (token.root.conjuncts if token is not None else ())] + siblings:
                if partner and partner is not actor1:
                    # "the army and the AA clashed": the other side of a clash; the other party of an agreement
                    if actor2 is None and (mention.event_type == "Strategic developments" or (
                            mention.sub_event_type == "Armed clash" and self._exchange.search(
                                doc[trigger.root.i:trigger.root.i + 3].text))):
                        actor2 = partner
                    elif partner is not actor2:
                        assoc.append(partner)
        if actor2 is None and mention.sub_event_type == "Agreement":
            others = [a for a in actors if a not in (actor1, *assoc) and a.role != ActorRole.STATE]
            actor2 = others[0] if others else None
        if mention.event_type == "Strategic developments":
            # mediators and other states named with the parties ("with Russia's mediation")
            assoc.extend(a for a in actors
                         if a.role == ActorRole.STATE and a not in (actor1, actor2) and a not in assoc)
        if mention.event_type == "Protests":
            # ACLED's protest events have the demonstrators as actor1, whoever else the sentence makes its subject;
            # residents or students who march are protesters; police who intervene are actor2
            marchers = [a for a in actors if a.kind == ActorKind.PROTESTERS] or [
                self._roles.protesters(a) for a in actors if a.kind == ActorKind.CIVILIANS]
            if actor1 is None or actor1.kind != ActorKind.PROTESTERS:
                others = [a for a in (actor1, actor2) if a is not None and a.kind == ActorKind.STATE_FORCES]
                actor1 = marchers[0] if marchers else None  # None: ACLED's "Protesters (Country)" below
                actor2 = others[0] if others else actor2
        if actor1 is actor2:
            actor2 = None
        return ReportActors(actor1, actor2, assoc)


def _object_act(root, verb):
    """The act a trigger verb takes as its object ("fought off an attack by ISWAP fighters", "repelled an assault
    by JNIM"; not "shelled a field hospital set up by GNA forces"), however the parser hung "off"; else None."""
    if root is not verb:
        return None
    for child in root.children:
        if child.dep_ in ("prt", "prep") and child.lower_ == "off":
            child = next((o for o in child.children if o.dep_ == "pobj"), child)
        if child.dep_ in ("dobj", "pobj") and child.lemma_.lower() in REPELLED_ACTS:
            return child
    return None


def _act_heads(root, verb) -> list:
    """Where the act's target hangs: the trigger, its verb, the verbs it is coordinated with ("shot and
    injured the officer", "were shot and killed"), the verb an act noun is attached to ("soldiers were
    killed following attacks by militants"), the act a verb of taking part names ("engaged in a fight"), what a
    verb did ("exchanged fire with") and a participle of hitting on any of them ("targeting")."""
    heads = [root]
    if verb is not None:
        heads.append(verb)
        heads.extend(verb.conjuncts)
        if verb.dep_ in ("advcl", "prep", "pcomp") and verb.head.pos_ == "VERB":
            heads.append(verb.head)
            heads.extend(verb.head.conjuncts)
    heads.extend(act for h in list(heads) if h.lemma_.lower() in ENGAGING for c in h.children  # "engaged in a fight"
                 if c.dep_ == "prep" and c.lower_ == "in" for act in c.children if act.pos_ == "NOUN")
    # "exchanged fire with police", "fired shots at the convoy": the target hangs on what the verb did
    heads.extend(c for h in list(heads) if h.pos_ == "VERB" for c in h.children
                 if c.dep_ == "dobj" and c.pos_ == "NOUN")
    # "carried out air strikes targeting Taliban positions", "an IED exploded, targeting a convoy": a participle of
    # hitting on the act, its verb or the verb's object names what was hit
    heads.extend(c for h in heads + [d for h in heads for d in h.children if d.dep_ == "dobj"] for c in h.children
                 if c.dep_ in ("acl", "advcl") and c.tag_ == "VBG" and c.lemma_.lower() in HITTING)
    out = []
    for head in heads:
        if head not in out:
            out.append(head)
    return out


def _owner_who_speaks(article: Article, mention: EventMention, subject) -> ActorMention | None:
    """The armed party that tells of its own act: "the army said its aircraft struck ...", "the army said it
    had killed 12 fighters", "the group said its fighters attacked ...": the speaker owns the subject."""
    if subject is None or not (subject.lower_ in SELF_PRONOUNS or any(
            c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in subject.children)):
        return None
    speech = next((a for a in subject.ancestors if a.lemma_.lower() in SPEECH), None)
    speaker = subject_of(speech) if speech is not None else None
    if speaker is None:
        return None
    armed = [a for a in article.actors if a.sentence == mention.sentence and a.kind in ARMED_KINDS]
    direct = next((a for a in armed if a.span.start <= speaker.idx < a.span.end or a.head == speaker.idx), None)
    if direct is not None:
        return direct
    # "a dissident faction of Colombia's former FARC guerrillas said ... it was holding": the party the speaker's
    # words name, not the country that only qualifies it
    return next((a for a in _named_within(speaker, armed) if a.role != ActorRole.STATE), None)


def _named_within(token, actors: list[ActorMention]) -> list[ActorMention]:
    """The actors named inside the token's phrase ("a dissident faction of the former FARC rebels")."""
    words = list(token.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return [a for a in actors if start <= a.span.start and a.span.end <= end]


def _nearest_party(doc, actors: list[ActorMention], mention: EventMention, *, exclude):
    """No subject found: the nearest actor before the trigger that is not a mere possessor
    ("Russia's mediation") nor what another verb did something to ("its forces struck a vehicle carrying
    Ukrainian personnel, ... a drone hit a bus"), taken at the head of its conjunction ("Armenia and Azerbaijan");
    with no other, the nearest actor after all (ACLED dev's actor1 agrees less when it is left unnamed)."""
    before = [a for a in actors if a.span.end <= mention.trigger.start and a is not exclude
              and not _apposed_to(doc, a, exclude)]
    by_head = {a.head: a for a in actors}
    for actor in reversed(before):
        token = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        if token is None:
            continue
        root = token.root
        if root.dep_ == "poss" or (root.dep_ in ("dobj", "nsubjpass") and not _relative_subject(root, mention)):
            continue  # what another verb's act befell ("struck a vehicle carrying soldiers", "were killed") did not act
        while root.dep_ == "conj" and root.head.idx in by_head:
            root = root.head
        return by_head.get(root.idx, actor)
    return before[-1] if before else None


def _apposed_to(doc, actor: ActorMention, other: ActorMention | None) -> bool:
    """Whether the actor is told in apposition to the other, as one of them ("Four soldiers, one of them an officer,
    were killed": the officer is among the dead, not who killed them)."""
    token = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand") if other is not None else None
    root = token.root if token is not None else None
    while root is not None and root.dep_ == "appos" and root.head.i != root.i:
        root = root.head
        if other.span.start <= root.idx < other.span.end:
            return True
    return False


def _owns_what_was_hit(doc, actor: ActorMention) -> bool:
    """Whether the actor only names whose place an act befell: a modifier of a verb's object or passive subject
    ("hit the army base", "a police post was attacked")."""
    token = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    root = token.root if token is not None else None
    return root is not None and root.dep_ in ("compound", "amod") and root.head.dep_ in ("dobj", "nsubjpass") \
        and root.head.head.pos_ == "VERB" and root.head.head.lemma_.lower() in HITTING


def _relative_subject(root, mention: EventMention) -> bool:
    """Whether the phrase is what a relative clause holding the trigger tells of ("arrested militants who
    attacked ..."): the clause's doer, though the phrase is the main verb's object."""
    return any(t.dep_ == "relcl" and any(d.idx == mention.trigger.start for d in t.subtree) for t in root.children)
