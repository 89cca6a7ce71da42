"""Event-type rules: settle what a trigger that names a decision means in its sentence.

A trigger such as "attack", "protest", "seize" or "ceasefire" does not fix an ACLED sub-event type by itself.
The mentions stage gathers what the sentence offers (a ``Clue``: the trigger's syntax, the actors, the weapons,
the words) and asks ``EventTypeRules.decide``; the answer is a sub-event type, or None when the words do not
report an event of this kind ("attacked the proposal", "shares rallied", "a trade agreement").
"""
from __future__ import annotations

from dataclasses import dataclass

from ..article import ActorMention, Article
from ..lexicon import load_lexicon
from ..taxonomy import event_type_of
from ..taxonomy.kinds import CLASHING_FORCES, NON_STATE_ARMED, ActorKind, ActorRole, Decision
from ..syntax import governing_verb, subject_of

_WORDS = load_lexicon("event_words")
ABSTRACT_OBJECTS = _WORDS.words("abstract_objects")
AGREEING = _WORDS.words("agreeing")
AGREEMENT_HEADS = _WORDS.words("agreement_heads")
ARREST_CONTEXT = _WORDS.words("arrest_context")
BASE_WORDS = _WORDS.words("base_words")
CHEMICAL = _WORDS.words("chemical")
CIVILIAN_TARGETS = _WORDS.words("civilian_targets")
CIVILIAN_VICTIMS = _WORDS.words("civilian_victims")
CONFLICT_WORDS = _WORDS.words("conflict_words")
DISRUPTING = _WORDS.words("disrupting")
FORCE_WORDS = _WORDS.words("force_words")
INTERVENTION = _WORDS.words("protest_intervention")
KILLING_MEANS = _WORDS.mapping("killing_means")  # the act a killing verb names as its doer
LETHAL = _WORDS.words("lethal")
MARKET_WORDS = _WORDS.words("market_words")
NON_VIOLENT = _WORDS.words("non_violent")
NOT_OPERATIONS = _WORDS.words("not_operations")
PROTEST_SCENE = _WORDS.words("protest_scene")
PROTEST_WORDS = _WORDS.words("protest_words")
PROTESTER_VIOLENCE = _WORDS.words("protester_violence")
SPORT = _WORDS.words("sport")
SPORT_AMBIGUOUS = _WORDS.words("sport_ambiguous")  # "team", "final": sport only with another sport word
TERRITORY_SHARES = _WORDS.words("territory_shares")
TERRITORY_WORDS = _WORDS.words("territory_words")
VIOLENT = _WORDS.words("violent")
WEAPON_OBJECTS = _WORDS.words("weapon_objects")
POLITICAL_DEBATE = _WORDS.words("political_debate")
NAMED_BOMBS = _WORDS.words("named_bombs")
BLAST_SHELLS = _WORDS.words("blast_shells")
BLAST_DRONES = _WORDS.words("blast_drones")
CROWD_WORDS = _WORDS.words("crowd_words")
EXECUTED_PEOPLE = _WORDS.words("executed_people")
TAKEN_PEOPLE = _WORDS.words("taken_people")
DISAPPEARANCE_WORDS = _WORDS.words("disappearance_words")
ABDUCTORS = _WORDS.words("abductors")
SPORT_HARM = _WORDS.words("sport_harm")
BLAST_HARM = _WORDS.words("blast_harm")
PROTEST_SHOOTING = _WORDS.words("protest_shooting")
SETTING_FIRE = _WORDS.words("setting_fire")
PROTESTER_VICTIMS = _WORDS.words("protester_victims")
CIVILIAN_KILLED = _WORDS.words("civilian_killed")
SEIZED_PEOPLE = _WORDS.words("seized_people")
CONTROL_WORD = _WORDS.words("control_word")
TERRITORY_NOUNS = _WORDS.words("territory_nouns")
# weapon words -> the sub-event type they make of an attack, checked in this order
WEAPON_TYPES = tuple((frozenset(w for w, t in _WORDS.mapping("weapon_types").items() if t == sub_type), sub_type)
                     for sub_type in ("Shelling/artillery/missile attack", "Air/drone strike", "Grenade",
                                      "Remote explosive/landmine/IED", "Chemical weapon"))


@dataclass(frozen=True)
class Clue:
    """What a sentence tells about one trigger."""

    article: Article
    sent: object  # the spaCy Span of the sentence
    index: int
    span: object  # the spaCy Span of the trigger (None while the sentence's clue is being shared)
    actors: list[ActorMention]  # the sentence's actors, speakers left out
    lemmas: frozenset[str]
    weapon_words: frozenset[str]
    previous_lemmas: frozenset[str]  # protest words of the previous sentence in the paragraph
    next_lemmas: frozenset[str]  # all words of the next sentence in the paragraph

    @property
    def root(self):
        return self.span.root


class EventTypeRules:
    """Decides sub-event types for trigger decisions; holds no state."""

    def decide(self, decision: str, clue: Clue) -> str | None:
        root, actors, lemmas, weapon_words = clue.root, clue.actors, clue.lemmas, clue.weapon_words
        article, span = clue.article, clue.span
        if decision == Decision.AGREEMENT_NOUN:
            if not self._agreed(root):
                return None
            decision = "Agreement"
        elif decision in (Decision.AGREEMENT_GENERIC, Decision.AGREE):
            # "a trade agreement", "analysts agree": an accord is an event only between parties to a conflict
            if not lemmas & CONFLICT_WORDS:
                return None
            if decision == Decision.AGREEMENT_GENERIC and not self._agreed(root):
                return None
            decision = "Agreement"
        elif decision == Decision.ATTACK:
            decision = self._attack_type(root, weapon_words, actors, lemmas)
        elif decision == Decision.KILL:
            decision = self._kill_type(root, weapon_words, actors, lemmas | clue.previous_lemmas)
        elif decision in (Decision.TERRITORY, Decision.TERRITORY_REGAIN, Decision.SEIZE):
            decision = self._territory_type(article, root, decision, actors)
        elif decision == Decision.PROTEST:
            # how the police answered is often told in the next sentence: "... gathered to protest. Police fired"
            decision = self._protest_type(root, lemmas | clue.next_lemmas, actors)
        elif decision == Decision.CLASH:
            decision = "Violent demonstration" if lemmas & PROTEST_WORDS or any(
                a.kind in (ActorKind.PROTESTERS, ActorKind.RIOTERS) for a in actors) else "Armed clash"
            if decision == "Armed clash" and lemmas & POLITICAL_DEBATE \
                    and not any(a.kind in NON_STATE_ARMED or a.role == ActorRole.MILITARY
                                for a in actors):
                decision = None  # "ministers clashed in cabinet": words, not weapons
        elif decision == "Armed clash" and root.pos_ == "VERB" and len(span) == 1 and any(
                c.dep_ == "dobj" and not any(a.span.start <= c.idx < a.span.end for a in actors)
                for c in root.children):
            return None  # "fighting AIDS", "fighting corruption": not a battle
        elif decision == Decision.ARREST:
            if lemmas & PROTEST_SCENE:
                decision = "Protest with intervention"  # "detained activists who had gathered with placards"
            else:
                decision = "Arrests" if lemmas & ARREST_CONTEXT or any(
                    a.kind in (ActorKind.REBELS, ActorKind.POLITICAL_MILITIA, ActorKind.PROTESTERS, ActorKind.RIOTERS)
                    for a in actors) else None
        elif decision == Decision.EXPLOSION:
            # a blast is a bombing only when a bomb is named; gas and factory explosions are not events
            decision = "Remote explosive/landmine/IED" if weapon_words & NAMED_BOMBS else None
            if decision and weapon_words & BLAST_SHELLS:
                decision = "Shelling/artillery/missile attack"
            if decision and weapon_words & BLAST_DRONES:
                decision = "Air/drone strike"
        elif decision == Decision.BASE:
            objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
            decision = "Headquarters or base established" if any(
                o.lemma_.lower() in BASE_WORDS for o in objects) else None
        elif decision == Decision.MOB:
            decision = "Violent demonstration" if lemmas & PROTEST_WORDS - CROWD_WORDS else "Mob violence"
        elif decision == Decision.BEAT:
            attackers = {a.kind for a in actors if a.span.end <= root.idx}
            if lemmas & CROWD_WORDS or attackers & {ActorKind.CIVILIANS, ActorKind.RIOTERS}:
                decision = "Mob violence"
            elif lemmas & PROTEST_SCENE and attackers & {ActorKind.STATE_FORCES}:
                decision = "Protest with intervention"
            elif attackers & NON_STATE_ARMED:
                decision = "Attack"
            else:
                decision = None
        elif decision == Decision.FIGHT:
            armed = [a for a in actors if a.kind in (NON_STATE_ARMED | {ActorKind.EXTERNAL_FORCES})
                     or a.role == ActorRole.MILITARY]
            metaphor = any(c.dep_ == "dobj" and not any(a.span.start <= c.idx < a.span.end for a in actors)
                           for c in root.children)
            decision = "Armed clash" if armed and not metaphor else None
        elif decision == Decision.EXECUTE:
            victims = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
            decision = "Attack" if any(c.lemma_.lower() in CIVILIAN_VICTIMS | EXECUTED_PEOPLE
                                       or c.ent_type_ in ("PERSON", "NORP") or c.pos_ == "PRON"
                                       for c in victims) else None
        elif decision == Decision.ABDUCT_TAKE:
            # "was taken from his apartment by masked soldiers": a person taken, passively, by armed men
            passive = any(c.dep_ == "auxpass" for c in root.children)
            person = any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in CIVILIAN_VICTIMS | TAKEN_PEOPLE
                                                    or c.ent_type_ == "PERSON") for c in root.children)
            agents = {a.kind for a in actors if a.span.start > root.idx}
            armed = agents & (NON_STATE_ARMED | {ActorKind.STATE_FORCES})
            decision = ("Abduction/forced disappearance" if passive and person and armed else None)
        elif decision == Decision.DISAPPEAR:
            decision = "Abduction/forced disappearance" if any(
                a.kind in CLASHING_FORCES for a in actors) or lemmas & DISAPPEARANCE_WORDS else None
        elif decision == Decision.ABDUCT:
            decision = "Abduction/forced disappearance" if any(
                a.kind in NON_STATE_ARMED for a in actors) or lemmas & ABDUCTORS else None
        elif decision == Decision.PROPERTY:
            # who set the fire, not who came after; a fire a weapon set is the strike's damage
            kinds = {a.kind for a in actors if a.span.end <= root.idx and a.role != ActorRole.WEAPON}
            if kinds & {ActorKind.PROTESTERS, ActorKind.RIOTERS} or lemmas & PROTEST_WORDS:
                decision = "Violent demonstration"
            elif kinds & (NON_STATE_ARMED | {ActorKind.STATE_FORCES, ActorKind.EXTERNAL_FORCES}):
                decision = "Looting/property destruction"
            else:
                decision = None  # a fire with no one named who set it: an accident until told otherwise
        elif decision == Decision.RAID:
            decision = self._raid_type(root, actors)
        if decision is None:
            return None
        doing = {t.head.lemma_.lower() for t in (root, root.head) if t.dep_ == "nsubj"}  # "air strikes neutralised
        return self._refine(decision, lemmas - doing)  # several of them": what the act did, no weapon disrupted

    @staticmethod
    def _refine(decision: str, lemmas: set[str]) -> str | None:
        """What the whole sentence says about the means: found and defused bombs, chemical agents, a suicide
        attacker, or a match report's 'clash'."""
        if (lemmas & SPORT or len(lemmas & SPORT_AMBIGUOUS) >= 2) and not lemmas & SPORT_HARM:
            return None
        if lemmas & NOT_OPERATIONS and event_type_of(decision) in ("Explosions/Remote violence", "Battles"):
            return None  # "artillery firing exercises", "a contract to supply missiles"
        if event_type_of(decision) == "Explosions/Remote violence":
            if lemmas & DISRUPTING and not lemmas & BLAST_HARM:
                return "Disrupted weapons use"
            if lemmas & CHEMICAL:
                return "Chemical weapon"
            if "suicide" in lemmas:
                return "Suicide bomb"
        return decision

    @staticmethod
    def _agreed(root) -> bool:
        if root.head.lemma_.lower() in AGREEMENT_HEADS or root.lemma_.lower() in AGREEMENT_HEADS:
            return True
        if any(c.lemma_.lower() in AGREEING and c.dep_ in ("acl", "relcl") for c in root.children):
            return True
        verb = governing_verb(root)
        return verb is not None and verb.lemma_.lower() in AGREEING and verb.i < root.i + 8

    @staticmethod
    def _subject_kinds(root, actors: list[ActorMention]) -> set[str]:
        """Kinds of the actor that is the grammatical subject (or 'by' agent) of the trigger's verb."""
        verb = governing_verb(root)
        subject = subject_of(verb) if verb is not None else None
        if subject is None:
            return set()
        return {a.kind for a in actors if a.span.start <= subject.idx < a.span.end or a.head == subject.idx}

    @staticmethod
    def _target_kinds(root, actors: list[ActorMention]) -> set[str]:
        """Kinds of the actors after the trigger in its phrase ('attack on civilians', 'killed five soldiers')."""
        end = max(t.idx for t in root.subtree) + 1
        verb = governing_verb(root)
        if verb is not None:
            end = max(end, max(t.idx for t in verb.subtree) + 1)
        doc = root.doc
        kinds = set()
        passive_subjects = [c for c in root.children if c.dep_ == "nsubjpass"]
        for actor in actors:
            # "One police officer was killed": a passive subject is the target, wherever it stands
            victim = any(actor.span.start <= c.idx < actor.span.end for c in passive_subjects)
            if not (root.idx < actor.span.start < end or victim):
                continue
            span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
            doer = span is not None and span.root.dep_ == "nsubj" and span.root.head.i != root.i and any(
                c.dep_ == "dobj" for c in span.root.head.children)  # "the raid, when bandits took 30 people"
            if span is not None and (span.root.head.lower_ == "by" or doer):
                continue  # "raids by Montreal police": the agent, not the target
            if span is not None and span.root.dep_ == "poss" and span.root.head.lemma_.lower() in CIVILIAN_VICTIMS:
                kinds.add(ActorKind.CIVILIANS)  # "Russia's ambassador": a diplomat, not his state's army
                continue
            kinds.add(actor.kind)
        return kinds

    def _attack_type(self, root, weapon_words: set[str], actors, lemmas: set[str]) -> str | None:
        objects = {c.lemma_.lower() for c in root.children if c.dep_ in ("dobj", "pobj", "nsubjpass")}
        objects |= {g.lemma_.lower() for c in root.children if c.dep_ == "prep" for g in c.children}
        if objects & ABSTRACT_OBJECTS:
            return None  # "attacked the proposal": words, not weapons
        verb = governing_verb(root)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.lemma_.lower() in MARKET_WORDS:
            return None  # "the currency came under attack"
        if "suicide" in lemmas:
            return "Suicide bomb"
        for words, sub_type in WEAPON_TYPES:
            if weapon_words & words:
                return sub_type
        targets = self._target_kinds(root, actors)
        attackers = self._subject_kinds(root, actors) or {
            a.kind for a in actors if a.span.end <= root.idx and a.role != ActorRole.STATE
            and not _object_of_a_verb(root.doc, a)}  # "killed 17 civilians in an attack": victims, not attackers
        if attackers & {ActorKind.CIVILIANS, ActorKind.RIOTERS} or lemmas & CROWD_WORDS:
            return "Violent demonstration" if lemmas & PROTEST_WORDS - CROWD_WORDS else "Mob violence"
        if attackers & {ActorKind.PROTESTERS}:
            return "Violent demonstration"
        if targets & {ActorKind.CIVILIANS} and not targets & CLASHING_FORCES:
            return "Attack"
        if targets & {ActorKind.PROTESTERS}:
            return "Excessive force against protesters"
        if not targets & (NON_STATE_ARMED | {ActorKind.STATE_FORCES}) and \
                objects & CIVILIAN_TARGETS:
            return "Attack"  # "attacked a Christian settlement", "raided the market"
        return "Armed clash"

    def _raid_type(self, root, actors) -> str | None:
        """A raid by armed men is an attack; a police raid on a house is a search, not an event."""
        targets = self._target_kinds(root, actors)
        attackers = {a.kind for a in actors if a.span.end <= root.idx}
        if targets & CLASHING_FORCES:
            return "Armed clash"
        if targets & {ActorKind.CIVILIANS} and attackers - {ActorKind.STATE_FORCES}:
            return "Attack"
        if attackers & NON_STATE_ARMED:
            return "Attack" if not targets else "Armed clash"
        return None

    def _kill_type(self, root, weapon_words: set[str], actors, lemmas: set[str]) -> str | None:
        """A killing is coded by its weapon, else by its victims, and only when someone armed did it."""
        killers = {a.kind for a in actors if a.span.end <= root.idx}
        if (lemmas & PROTEST_SCENE or any(a.kind == ActorKind.PROTESTERS for a in actors)) and (
                killers & {ActorKind.STATE_FORCES} or lemmas & FORCE_WORDS):
            return "Excessive force against protesters"
        for words, sub_type in WEAPON_TYPES:
            if weapon_words & words:
                return sub_type
        means = next((KILLING_MEANS[c.lemma_.lower()] for c in root.children
                      if c.dep_ == "nsubj" and c.lemma_.lower() in KILLING_MEANS), None)
        if means is not None:
            return means  # "a Russian strike on an apartment block killed five": a strike that kills is no walkout
        armed = NON_STATE_ARMED | {ActorKind.STATE_FORCES, ActorKind.RIOTERS, ActorKind.EXTERNAL_FORCES}
        if not any(a.kind in armed and a.role != ActorRole.STATE for a in actors) and not weapon_words:
            return None  # "killed when a tree fell": an accident until someone armed is named
        targets = self._target_kinds(root, actors)
        victims = {c.lemma_.lower() for c in root.subtree}
        if victims & CIVILIAN_VICTIMS and not targets & CLASHING_FORCES:
            return "Attack"
        if root.dep_ in ("acl", "relcl") or root.tag_ == "VBN" and root.dep_ != "ROOT":
            victims |= {root.head.lemma_.lower()}
        if ActorKind.PROTESTERS in targets or victims & PROTESTER_VICTIMS:
            return "Excessive force against protesters"
        if ActorKind.CIVILIANS in targets or victims & CIVILIAN_KILLED:
            return "Attack"
        if targets & CLASHING_FORCES:
            return "Armed clash"
        return "Attack"  # armed men killing people the text does not call combatants

    def _territory_type(self, article: Article, root, decision: str, actors) -> str | None:
        if root.dep_ == "acl" or root.tag_ == "VBN" and root.dep_ in ("amod", "acl", "relcl"):
            return None  # "territories previously occupied by X": a description, not an event
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "prt")]
        objects += [g for c in root.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
        words = {t.lemma_.lower() for o in objects for t in o.subtree} - CONTROL_WORD
        if decision == Decision.SEIZE and words & WEAPON_OBJECTS:
            return "Disrupted weapons use"
        if decision == Decision.SEIZE and any(o.lemma_.lower() in CIVILIAN_VICTIMS | SEIZED_PEOPLE
                                       or o.ent_type_ == "PERSON" for o in objects):
            captors = {a.kind for a in actors if a.span.end <= root.idx} | {
                a.kind for a in actors if a.span.start > root.idx and a.span.start < root.idx + 40}
            return "Arrests" if captors & {ActorKind.STATE_FORCES} else "Abduction/forced disappearance"
        heads = {o.lemma_.lower() for o in objects} | {g.lemma_.lower() for o in objects if o.dep_ == "prt"
                                                        for g in o.head.children if g.dep_ == "dobj"}
        shares = [t for o in objects if o.lemma_.lower() in TERRITORY_SHARES for t in o.subtree]
        object_is_place = any(p.span.start <= o.idx < p.span.end for o in [*objects, *shares]
                              for p in article.places)
        if not (heads & TERRITORY_WORDS or object_is_place or words & TERRITORY_NOUNS):
            return None  # "seized 3,000 kilos of meat at the market": goods, not ground
        subject_actors = [a for a in actors if a.span.end <= root.idx]
        actor = subject_actors[0] if subject_actors else None
        if actor is not None and actor.role == ActorRole.POLICE:
            return None  # police seize goods and raid premises; they do not take ground
        sentence_lemmas = {t.lemma_.lower() for t in root.sent}
        violence = {t.lemma_.lower() for t in root.sent if t.lemma_.lower() in VIOLENT
                    and t.head.lower_ != "without" and not any(c.lower_ == "no" for c in t.children)}
        if sentence_lemmas & NON_VIOLENT and not violence:
            return "Non-violent transfer of territory"  # "took over the base after the army pulled out"
        if actor is None and decision == Decision.TERRITORY_REGAIN:
            return "Government regains territory"
        if actor is not None and actor.kind == ActorKind.STATE_FORCES:
            if decision == Decision.TERRITORY_REGAIN:
                return "Government regains territory"
            return "Non-state actor overtakes territory" if self._foreign(article, actor, root) else \
                "Government regains territory"
        return "Non-state actor overtakes territory"

    @staticmethod
    def _foreign(article: Article, actor: ActorMention, root) -> bool:
        sentence = article.sentence_at(root.idx)
        places = [p for p in article.places if article.sentence_at(p.span.start) == sentence and p.country]
        return any(p.country != actor.country for p in places)

    @staticmethod
    def _protest_type(root, lemmas: set[str], actors) -> str | None:
        subject = subject_of(root) if root.pos_ == "VERB" else None
        if subject is not None and any(a.role in (ActorRole.STATE, ActorRole.GOVERNMENT)
                                       and a.span.start <= subject.idx < a.span.end for a in actors):
            return None  # "Russia protested the decision": diplomacy, not a demonstration
        if subject is not None and subject.lemma_.lower() in MARKET_WORDS:
            return None  # "shares rallied"
        if root.lemma_.lower() == "rally" and lemmas & MARKET_WORDS:
            return None
        if lemmas & LETHAL and lemmas & (FORCE_WORDS | PROTEST_SHOOTING):
            return "Excessive force against protesters"
        if lemmas & PROTESTER_VIOLENCE or SETTING_FIRE <= lemmas:
            return "Violent demonstration"
        if lemmas & INTERVENTION:
            return "Protest with intervention"
        return "Peaceful protest"


def _object_of_a_verb(doc, actor: ActorMention) -> bool:
    """Whether an actor is what a verb acts on ("killed 17 civilians"), not who acts."""
    span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("dobj", "nsubjpass", "pobj")
