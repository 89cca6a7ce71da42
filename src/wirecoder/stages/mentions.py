"""Event mentions: find the words that signal an event and decide its ACLED sub-event type by rule.

Triggers come from taxonomy/triggers.tsv. Some decide the type outright ("missile attack"); others
name a decision the sentence settles: a plain "attack" is typed by the weapon and the target, a "protest"
by how the police responded, ground taken by who takes it from whom, a "ceasefire" only counts when
someone agrees to, signs or declares it. Negated, hypothetical ("threatened to strike") and habitual
("continue to bombard") mentions are kept but flagged, so the assemble stage can leave them out.
"""
from __future__ import annotations

from ..article import ActorMention, Article, EventMention
from ..taxonomy import event_type_of
from ..taxonomy.lexicon import TriggerRule, load_triggers, load_weapons
from .syntax import is_speaker, subject_of, governing_verb, is_modifier, is_predicate, is_reaction_object, is_reference, modality

# nouns an event word may qualify and still name the event: "ceasefire agreement", "rocket fire"
EVENT_HEADS = {"agreement", "deal", "accord", "pact", "treaty", "attack", "strike", "raid", "fire",
                                       "blast", "explosion", "operation", "offensive", "violence", "incident"}
CIVILIAN_VICTIMS = {"ambassador", "diplomat", "official", "politician", "journalist", "judge", "mayor", "lawmaker",
                    "teacher", "doctor", "nurse", "priest", "imam", "pastor", "worker", "student", "villager",
                    "civilian", "resident", "child", "woman", "farmer", "activist", "candidate", "councillor",
                    "councilor", "chief", "elder", "trader", "businessman", "worshipper", "pilgrim", "passenger"}
DISRUPTING = {"find", "discover", "uncover", "defuse", "disarm", "dismantle", "recover", "neutralize", "neutralise",
              "intercept", "seize", "confiscate", "foil", "thwart", "safe", "cache", "hideout", "detect"}
CHEMICAL = {"chemical", "chlorine", "sarin", "mustard", "toxic", "choking", "nerve", "phosgene", "poison"}
SPORT = {"team", "match", "cup", "league", "game", "player", "batsman", "bowler", "goal", "tournament",
         "championship", "striker", "coach", "stadium", "season", "final", "derby", "inning", "wicket"}
BASE_WORDS = {"base", "headquarters", "post", "camp", "outpost", "position", "checkpoint", "garrison", "office"}
CIVILIAN_TARGETS = {"village", "settlement", "house", "home", "church", "mosque", "market", "school", "bus",
                    "hospital", "worshipper", "passenger", "farm", "farmer", "wedding", "funeral", "shop", "hotel",
                    "restaurant", "camp", "displacement", "idp", "family", "residence", "neighbourhood",
                    "neighborhood", "community", "civilian", "villager", "resident", "man", "woman", "child"}
NON_VIOLENT = {"withdraw", "withdrawal", "pull", "vacate", "vacated", "handover", "hand", "abandon", "flee",
               "peacefully", "arrangement", "without", "leave", "retreat", "departure", "evacuate"}
VIOLENT = {"fighting", "fight", "clash", "assault", "battle", "attack", "offensive", "shelling", "gunfight",
           "firefight", "kill", "storm"}
PROTEST_SCENE = {"gather", "placard", "banner", "sit-in", "encampment", "march", "chant", "slogan", "rally",
                 "protest", "protester", "demonstrator", "demonstration", "picket"}
FORCE_WORDS = {"police", "security", "soldier", "force", "troop", "army", "gendarme", "officer", "guard"}
MARKET_WORDS = {"market", "stock", "share", "price", "index", "currency", "exchange", "bond", "dollar", "rupee",
                "euro", "peso", "yen", "oil", "gold"}
CONFLICT_WORDS = {"ceasefire", "truce", "peace", "fighting", "rebel", "militia", "armed", "war", "conflict",
                  "prisoner", "hostage", "weapon", "disarmament", "militant", "insurgent", "troop", "force",
                  "surrender", "reconciliation", "integrate", "demobilization", "demobilisation", "faction",
                  "separatist", "fighter", "hostility", "clan", "junta", "army", "combatant", "detainee", "firearm"}
NOUN_ONLY = {"offensive", "counter-offensive", "counteroffensive", "accord", "deal", "agreement", "settlement"}
NOT_OPERATIONS = {"exercise", "drill", "training", "test", "simulation", "parade", "demonstration-fire", "contract",
                  "purchase", "delivery", "export"}
TERRITORY_SHARES = {"percent", "part", "most", "much", "half", "third", "quarter"}
VERB_ONLY = {"shell", "march", "demonstrate", "bombard", "kill", "stab"}
ABSTRACT_OBJECTS = {"proposal", "plan", "policy", "idea", "decision", "remark", "comment", "statement", "law", "bill",
                    "record", "view", "speech", "media", "press", "report", "claim", "stance", "move",
                    "approach", "strategy", "reform", "budget", "opponent", "rival", "critic", "candidate", "campaign",
                    "handling", "management", "record", "leadership", "performance", "rule", "ruling"}
ARREST_CONTEXT = {"terror", "terrorism", "terrorist", "militant", "protest", "protester", "demonstrator", "opposition",
                  "activist", "journalist", "rebel", "insurgent", "attack", "blast", "bomb", "bombing", "plot",
                  "extremist", "jihadist", "separatist", "coup", "dissident", "riot", "rioter", "unrest", "explosion",
                  "shooting", "killing", "insurgency", "treason", "sedition", "espionage", "spy", "armed", "gunman",
                  "gunmen", "kidnapping", "kidnapper", "militia", "fighter", "politician", "leader", "lawmaker",
                  "candidate", "student", "demonstration", "rally", "strike", "union", "minister", "official", "mayor",
                  "governor", "critic", "general", "commander", "lawyer", "blogger", "anti-war", "civil", "rights",
                  "dissent", "supporter", "party", "junta", "regime", "intelligence", "opposition", "soldier"}
GAP_POS = {"DET", "ADJ", "NUM", "ADV", "PUNCT"}
MAX_GAP = 3
AGREEING = {"agree", "sign", "reach", "declare", "announce", "broker", "conclude", "seal", "accept", "establish",
            "negotiate", "mediate", "strike", "enter", "implement"}
AGREEMENT_HEADS = {"agreement", "deal", "accord", "pact", "treaty"}
TERRITORY_WORDS = {"town", "city", "village", "area", "territory", "base", "position", "district", "region",
                   "hill", "height", "airport", "locality", "settlement", "province", "camp", "checkpoint",
                   "outpost", "county", "neighbourhood", "neighborhood", "road", "bridge",
                   "control", "stronghold", "capital", "port", "border", "crossing", "island"}
WEAPON_OBJECTS = {"weapon", "arm", "ammunition", "explosive", "cache", "rifle", "gun", "munition", "missile",
                  "rocket", "drone", "bomb", "grenade", "ied", "mine"}
INTERVENTION = {"disperse", "tear", "teargas", "baton", "cannon", "arrest", "detain", "beat", "rubber",
                "crackdown", "break"}
LETHAL = {"kill", "dead", "death", "shoot", "live", "die"}
PROTESTER_VIOLENCE = {"torch", "stone", "vandalize", "vandalise", "burn", "smash", "loot", "riot", "clash",
                      "barricade", "arson", "molotov", "rock"}
PROTEST_WORDS = {"protest", "protester", "protestor", "demonstration", "demonstrator", "rally", "march", "marcher",
                 "riot", "rioter", "crowd", "mob"}
WEAPON_TYPES = (
    ({"missile", "rocket", "artillery", "mortar", "shell", "howitzer", "grad", "mlrs"},
     "Shelling/artillery/missile attack"),
    ({"airstrike", "warplane", "jet", "aircraft", "helicopter", "drone", "uav", "air"}, "Air/drone strike"),
    ({"grenade"}, "Grenade"),
    ({"ied", "landmine", "mine", "explosive", "bomb"}, "Remote explosive/landmine/IED"),
    ({"chlorine", "sarin", "chemical"}, "Chemical weapon"),
)


class MentionsStage:
    name = "mentions"
    requires = ("doc", "sentences", "actors", "places", "headline")
    assigns = ("mentions",)

    def __init__(self, *, triggers: dict[str, list[TriggerRule]] | None = None, weapons=None):
        self._triggers = triggers if triggers is not None else load_triggers()
        self._weapons = weapons if weapons is not None else load_weapons()

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        mentions: list[EventMention] = []
        for sentence in article.sentences:
            if article.is_heading(sentence):
                continue  # headlines and subheads retell the body; its events are coded from the body
            sent = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None:
                continue
            matches = self._match(sent)
            found = []
            for start, end, rule in matches:
                mention = self._decide(article, sent, sentence.index, doc[start:end], rule)
                if mention is not None:
                    found.append((rule.priority, mention))
            mentions.extend(self._prune(found))
        article.mentions = sorted(mentions, key=lambda m: m.trigger.start)
        return article

    # -- matching ---------------------------------------------------------------------------------
    @staticmethod
    def _key(token) -> tuple[str, str]:
        return token.lemma_.lower(), token.lower_

    def _match(self, sent) -> list[tuple[int, int, TriggerRule]]:
        """All rule matches, then the strongest non-overlapping ones (priority, then length, then position)."""
        doc = sent.doc
        candidates = []
        for i in range(sent.start, sent.end):
            lemma, lower = self._key(doc[i])
            rules = self._triggers.get(lemma, []) + (self._triggers.get(lower, []) if lower != lemma else [])
            for rule in rules:
                end = self._extend(doc, i, sent.end, rule.lemmas[1:], MAX_GAP)
                if end is not None:
                    candidates.append((i, end, rule))
        candidates.sort(key=lambda c: (-c[2].priority, -(c[1] - c[0]), c[0]))
        chosen: list[tuple[int, int, TriggerRule]] = []
        for start, end, rule in candidates:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, rule))
        return sorted(chosen, key=lambda c: c[0])

    def _extend(self, doc, i: int, limit: int, rest: tuple[str, ...], max_gap: int) -> int | None:
        j = i + 1
        for part in rest:
            gap = 0
            while j < limit and part not in self._key(doc[j]):
                if doc[j].pos_ not in GAP_POS or gap >= max_gap or doc[j].text in (",", ";", "."):
                    return None
                gap += 1
                j += 1
            if j >= limit:
                return None
            j += 1
        return j

    # -- deciding ---------------------------------------------------------------------------------
    def _weapons_in(self, sent) -> list[tuple[int, int, str]]:
        doc = sent.doc
        found = []
        i = sent.start
        while i < sent.end:
            lemma, lower = self._key(doc[i])
            hit = None
            for lemmas, name in self._weapons.get(lemma, []) + self._weapons.get(lower, []):
                end = self._extend(doc, i, sent.end, lemmas[1:], 0)
                if end is not None:
                    hit = (i, end, name)
                    break
            if hit:
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

    @staticmethod
    def _previous_lemmas(article: Article, sent, index: int) -> set[str]:
        """The previous sentence of the same paragraph: "Demonstrators gathered ... Soldiers fired on them"."""
        if index == 0 or article.sentences[index - 1].paragraph != article.sentences[index].paragraph:
            return set()
        previous = article.sentences[index - 1].span
        span = sent.doc.char_span(previous.start, previous.end, alignment_mode="expand")
        return {t.lemma_.lower() for t in span} & PROTEST_SCENE if span is not None else set()

    @staticmethod
    def _speaks(doc, actor: ActorMention) -> bool:
        span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        return span is not None and is_speaker(span.root)

    @staticmethod
    def _sentence_actors(article: Article, index: int) -> list[ActorMention]:
        return [a for a in article.actors if a.sentence == index]

    def _decide(self, article: Article, sent, index: int, span, rule: TriggerRule) -> EventMention | None:
        root = span.root
        if is_modifier(root) and root.head.lemma_.lower() not in EVENT_HEADS \
                or len(span) == 1 and root.ent_type_ in ("DATE", "TIME", "PERSON", "ORG"):
            return None  # "riot police", "air raid alert", "in March", a name
        if len(span) == 1 and root.lemma_.lower() in VERB_ONLY and root.pos_ != "VERB":
            return None  # "a shell of the man he was"
        if len(span) == 1 and root.lemma_.lower() in NOUN_ONLY and root.pos_ != "NOUN":
            return None  # "a programme considered offensive"
        decision = rule.decision
        actors = [a for a in self._sentence_actors(article, index) if not self._speaks(sent.doc, a)]
        lemmas = {t.lemma_.lower() for t in sent}
        weapons = self._weapons_in(sent)
        weapon_words = {t.lemma_.lower() for s, e, _ in weapons for t in sent.doc[s:e]}
        if decision == "AGREEMENT_NOUN":
            if not self._agreed(root):
                return None
            decision = "Agreement"
        elif decision in ("AGREEMENT_GENERIC", "AGREE"):
            # "a trade agreement", "analysts agree": an accord is an event only between parties to a conflict
            if not lemmas & CONFLICT_WORDS:
                return None
            if decision == "AGREEMENT_GENERIC" and not self._agreed(root):
                return None
            decision = "Agreement"
        elif decision == "ATTACK":
            decision = self._attack_type(root, weapon_words, actors, lemmas)
        elif decision == "KILL":
            decision = self._kill_type(root, weapon_words, actors, lemmas | self._previous_lemmas(article, sent, index))
        elif decision in ("TERRITORY", "TERRITORY_REGAIN", "SEIZE"):
            decision = self._territory_type(article, root, decision, actors)
        elif decision == "PROTEST":
            # how the police answered is often told in the next sentence: "... gathered to protest. Police fired"
            following = article.sentences[index + 1] if index + 1 < len(article.sentences) else None
            context = set(lemmas)
            if following is not None and following.paragraph == article.sentences[index].paragraph:
                nxt = sent.doc.char_span(following.span.start, following.span.end, alignment_mode="expand")
                context |= {t.lemma_.lower() for t in nxt} if nxt is not None else set()
            decision = self._protest_type(root, context, actors)
        elif decision == "CLASH":
            decision = "Violent demonstration" if lemmas & PROTEST_WORDS or any(
                a.kind in ("protesters", "rioters") for a in actors) else "Armed clash"
            if decision == "Armed clash" and lemmas & {"minister", "cabinet", "parliament", "debate", "lawmaker",
                                                       "senator", "court", "party", "opposition", "election"} \
                    and not any(a.kind in ("rebels", "political_militia", "identity_militia") or a.role == "military"
                                for a in actors):
                decision = None  # "ministers clashed in cabinet": words, not weapons
        elif decision == "Armed clash" and root.pos_ == "VERB" and len(span) == 1 and any(
                c.dep_ == "dobj" and not any(a.span.start <= c.idx < a.span.end for a in actors)
                for c in root.children):
            return None  # "fighting AIDS", "fighting corruption": not a battle
        elif decision == "ARREST":
            if lemmas & PROTEST_SCENE:
                decision = "Protest with intervention"  # "detained activists who had gathered with placards"
            else:
                decision = "Arrests" if lemmas & ARREST_CONTEXT or any(
                    a.kind in ("rebels", "political_militia", "protesters", "rioters") for a in actors) else None
        elif decision == "EXPLOSION":
            # a blast is a bombing only when a bomb is named; gas and factory explosions are not events
            decision = "Remote explosive/landmine/IED" if weapon_words & {
                "bomb", "explosive", "ied", "mine", "landmine", "device", "grenade", "shell", "rocket",
                "missile", "drone"} else None
            if decision and weapon_words & {"shell", "rocket", "missile"}:
                decision = "Shelling/artillery/missile attack"
            if decision and weapon_words & {"drone"}:
                decision = "Air/drone strike"
        elif decision == "BASE":
            objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
            decision = "Headquarters or base established" if any(
                o.lemma_.lower() in BASE_WORDS for o in objects) else None
        elif decision == "MOB":
            decision = "Violent demonstration" if lemmas & PROTEST_WORDS - {"crowd", "mob"} else "Mob violence"
        elif decision == "BEAT":
            attackers = {a.kind for a in actors if a.span.end <= root.idx}
            if lemmas & {"crowd", "mob"} or attackers & {"civilians", "rioters"}:
                decision = "Mob violence"
            elif lemmas & PROTEST_SCENE and attackers & {"state_forces"}:
                decision = "Protest with intervention"
            elif attackers & {"rebels", "political_militia", "identity_militia"}:
                decision = "Attack"
            else:
                decision = None
        elif decision == "FIGHT":
            armed = [a for a in actors if a.kind in ("rebels", "political_militia", "identity_militia",
                                                     "external_forces") or a.role == "military"]
            metaphor = any(c.dep_ == "dobj" and not any(a.span.start <= c.idx < a.span.end for a in actors)
                           for c in root.children)
            decision = "Armed clash" if armed and not metaphor else None
        elif decision == "EXECUTE":
            victims = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
            decision = "Attack" if any(c.lemma_.lower() in CIVILIAN_VICTIMS | {"man", "people", "person", "prisoner",
                                                                              "detainee", "captive", "hostage"}
                                       or c.ent_type_ in ("PERSON", "NORP") or c.pos_ == "PRON"
                                       for c in victims) else None
        elif decision == "ABDUCT_TAKE":
            # "was taken from his apartment by masked soldiers": a person taken, passively, by armed men
            passive = any(c.dep_ == "auxpass" for c in root.children)
            person = any(c.dep_ == "nsubjpass" and (c.lemma_.lower() in CIVILIAN_VICTIMS | {
                "man", "men", "woman", "people", "boy", "girl", "volunteer", "activist"} or c.ent_type_ == "PERSON")
                for c in root.children)
            agents = {a.kind for a in actors if a.span.start > root.idx}
            armed = agents & {"rebels", "political_militia", "identity_militia", "state_forces"}
            decision = ("Abduction/forced disappearance" if passive and person and armed else None)
        elif decision == "DISAPPEAR":
            decision = "Abduction/forced disappearance" if any(
                a.kind in ("state_forces", "rebels", "political_militia") for a in actors) or lemmas & {
                "security", "agent", "intelligence", "abduct", "arrest", "detain"} else None
        elif decision == "ABDUCT":
            decision = "Abduction/forced disappearance" if any(
                a.kind in ("rebels", "political_militia", "identity_militia") for a in actors) or lemmas & {
                "gunman", "kidnapper", "abductor", "militant", "jihadist"} else None
        elif decision == "PROPERTY":
            kinds = {a.kind for a in actors if a.span.end <= root.idx}  # who set the fire, not who came after
            if kinds & {"protesters", "rioters"} or lemmas & PROTEST_WORDS:
                decision = "Violent demonstration"
            elif kinds & {"rebels", "political_militia", "identity_militia", "state_forces", "external_forces"}:
                decision = "Looting/property destruction"
            else:
                decision = None  # a fire with no one named who set it: an accident until told otherwise
        elif decision == "RAID":
            decision = self._raid_type(root, actors)
        if decision is None:
            return None
        decision = self._refine(decision, lemmas)
        if decision is None:
            return None
        negated, hypothetical, habitual = modality(root)
        if is_predicate(root):
            hypothetical = True
        if decision not in ("Agreement",) and is_reaction_object(root):
            hypothetical = True  # "condemned the attack": a reference to an event told elsewhere
        weapon_spans = [article.span(sent.doc[s].idx, sent.doc[e - 1].idx + len(sent.doc[e - 1].text))
                        for s, e, _ in weapons]
        mention = EventMention(
            trigger=article.span(span.start_char, span.end_char), sentence=index,
            event_type=event_type_of(decision), sub_event_type=decision, confidence=rule.confidence,
            rule=" ".join(rule.lemmas), negated=negated, hypothetical=hypothetical, habitual=habitual,
            reference=is_reference(root),
            weapons=weapon_spans, weapon_names=[name for _, _, name in weapons])
        return mention

    @staticmethod
    def _refine(decision: str, lemmas: set[str]) -> str | None:
        """What the whole sentence says about the means: found and defused bombs, chemical agents, a suicide
        attacker, or a match report's 'clash'."""
        if lemmas & SPORT and not lemmas & {"killed", "kill", "wound", "injure"}:
            return None
        if lemmas & NOT_OPERATIONS and event_type_of(decision) in ("Explosions/Remote violence", "Battles"):
            return None  # "artillery firing exercises", "a contract to supply missiles"
        if event_type_of(decision) == "Explosions/Remote violence":
            if lemmas & DISRUPTING and not lemmas & {"kill", "wound", "injure", "dead"}:
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
    def _target_kinds(root, actors: list[ActorMention]) -> set[str]:
        """Kinds of the actors after the trigger in its phrase ('attack on civilians', 'killed five soldiers')."""
        end = max(t.idx for t in root.subtree) + 1
        verb = governing_verb(root)
        if verb is not None:
            end = max(end, max(t.idx for t in verb.subtree) + 1)
        doc = root.doc
        kinds = set()
        for actor in actors:
            if not root.idx < actor.span.start < end:
                continue
            span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
            if span is not None and span.root.head.lower_ == "by":
                continue  # "raids by Montreal police": the agent, not the target
            if span is not None and span.root.dep_ == "poss" and span.root.head.lemma_.lower() in CIVILIAN_VICTIMS:
                kinds.add("civilians")  # "Russia's ambassador": a diplomat, not his state's army
                continue
            kinds.add(actor.kind)
        return kinds

    def _attack_type(self, root, weapon_words: set[str], actors, lemmas: set[str]) -> str | None:
        objects = {c.lemma_.lower() for c in root.children if c.dep_ in ("dobj", "pobj", "nsubjpass")}
        objects |= {g.lemma_.lower() for c in root.children if c.dep_ == "prep" for g in c.children}
        if objects & ABSTRACT_OBJECTS:
            return None  # "attacked the proposal": words, not weapons
        if "suicide" in lemmas:
            return "Suicide bomb"
        for words, sub_type in WEAPON_TYPES:
            if weapon_words & words:
                return sub_type
        targets = self._target_kinds(root, actors)
        attackers = {a.kind for a in actors if a.span.end <= root.idx and a.role != "state"}
        if attackers & {"civilians", "rioters"} or lemmas & {"crowd", "mob"}:
            return "Violent demonstration" if lemmas & PROTEST_WORDS - {"crowd", "mob"} else "Mob violence"
        if attackers & {"protesters"}:
            return "Violent demonstration"
        if targets & {"civilians"} and not targets & {"state_forces", "rebels", "political_militia"}:
            return "Attack"
        if targets & {"protesters"}:
            return "Excessive force against protesters"
        if not targets & {"state_forces", "rebels", "political_militia", "identity_militia"} and \
                objects & CIVILIAN_TARGETS:
            return "Attack"  # "attacked a Christian settlement", "raided the market"
        return "Armed clash"

    def _raid_type(self, root, actors) -> str | None:
        """A raid by armed men is an attack; a police raid on a house is a search, not an event."""
        targets = self._target_kinds(root, actors)
        attackers = {a.kind for a in actors if a.span.end <= root.idx}
        if targets & {"state_forces", "rebels", "political_militia"}:
            return "Armed clash"
        if targets & {"civilians"} and attackers - {"state_forces"}:
            return "Attack"
        if attackers & {"rebels", "political_militia", "identity_militia"}:
            return "Attack" if not targets else "Armed clash"
        return None

    def _kill_type(self, root, weapon_words: set[str], actors, lemmas: set[str]) -> str | None:
        """A killing is coded by its weapon, else by its victims, and only when someone armed did it."""
        killers = {a.kind for a in actors if a.span.end <= root.idx}
        if (lemmas & PROTEST_SCENE or any(a.kind == "protesters" for a in actors)) and (
                killers & {"state_forces"} or lemmas & FORCE_WORDS):
            return "Excessive force against protesters"
        for words, sub_type in WEAPON_TYPES:
            if weapon_words & words:
                return sub_type
        armed = {"state_forces", "rebels", "political_militia", "identity_militia", "rioters", "external_forces"}
        if not any(a.kind in armed and a.role != "state" for a in actors) and not weapon_words:
            return None  # "killed when a tree fell": an accident until someone armed is named
        targets = self._target_kinds(root, actors)
        victims = {c.lemma_.lower() for c in root.subtree}
        if victims & CIVILIAN_VICTIMS and not targets & {"state_forces", "rebels", "political_militia"}:
            return "Attack"
        if root.dep_ in ("acl", "relcl") or root.tag_ == "VBN" and root.dep_ != "ROOT":
            victims |= {root.head.lemma_.lower()}
        if "protesters" in targets or victims & {"protester", "demonstrator"}:
            return "Excessive force against protesters"
        if "civilians" in targets or victims & {"civilian", "villager", "resident", "child", "woman"}:
            return "Attack"
        if targets & {"state_forces", "rebels", "political_militia"}:
            return "Armed clash"
        return "Attack"  # armed men killing people the text does not call combatants

    def _territory_type(self, article: Article, root, decision: str, actors) -> str | None:
        if root.dep_ == "acl" or root.tag_ == "VBN" and root.dep_ in ("amod", "acl", "relcl"):
            return None  # "territories previously occupied by X": a description, not an event
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass", "pobj", "prt")]
        objects += [g for c in root.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
        words = {t.lemma_.lower() for o in objects for t in o.subtree} - {"control"}
        if decision == "SEIZE" and words & WEAPON_OBJECTS:
            return "Disrupted weapons use"
        if decision == "SEIZE" and any(o.lemma_.lower() in CIVILIAN_VICTIMS | {"man", "men", "woman", "people",
                                                                               "critic", "activist", "boy", "girl"}
                                       or o.ent_type_ == "PERSON" for o in objects):
            captors = {a.kind for a in actors if a.span.end <= root.idx} | {
                a.kind for a in actors if a.span.start > root.idx and a.span.start < root.idx + 40}
            return "Arrests" if captors & {"state_forces"} else "Abduction/forced disappearance"
        heads = {o.lemma_.lower() for o in objects} | {g.lemma_.lower() for o in objects if o.dep_ == "prt"
                                                        for g in o.head.children if g.dep_ == "dobj"}
        shares = [t for o in objects if o.lemma_.lower() in TERRITORY_SHARES for t in o.subtree]
        object_is_place = any(p.span.start <= o.idx < p.span.end for o in [*objects, *shares]
                              for p in article.places)
        if not (heads & TERRITORY_WORDS or object_is_place or words & {"territory", "territories"}):
            return None  # "seized 3,000 kilos of meat at the market": goods, not ground
        subject_actors = [a for a in actors if a.span.end <= root.idx]
        actor = subject_actors[0] if subject_actors else None
        if actor is not None and actor.role == "police":
            return None  # police seize goods and raid premises; they do not take ground
        sentence_lemmas = {t.lemma_.lower() for t in root.sent}
        if sentence_lemmas & NON_VIOLENT and not sentence_lemmas & VIOLENT:
            return "Non-violent transfer of territory"  # "took over the base after the army pulled out"
        if actor is None and decision == "TERRITORY_REGAIN":
            return "Government regains territory"
        if actor is not None and actor.kind == "state_forces":
            if decision == "TERRITORY_REGAIN":
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
        kinds = {a.kind for a in actors}
        subject = subject_of(root) if root.pos_ == "VERB" else None
        if subject is not None and any(a.role in ("state", "government") and a.span.start <= subject.idx < a.span.end
                                       for a in actors):
            return None  # "Russia protested the decision": diplomacy, not a demonstration
        if subject is not None and subject.lemma_.lower() in MARKET_WORDS:
            return None  # "shares rallied"
        if root.lemma_.lower() == "rally" and lemmas & MARKET_WORDS:
            return None
        if lemmas & LETHAL and lemmas & (FORCE_WORDS | {"shoot", "live", "fire"}):
            return "Excessive force against protesters"
        if lemmas & PROTESTER_VIOLENCE or {"set", "fire"} <= lemmas:
            return "Violent demonstration"
        if lemmas & INTERVENTION:
            return "Protest with intervention"
        return "Peaceful protest"

    @staticmethod
    def _prune(found: list[tuple[int, EventMention]]) -> list[EventMention]:
        """Within a sentence, weak triggers (a bare 'killed') give way to a stronger one for the same event."""
        if not found:
            return []
        top = max(priority for priority, _ in found)
        protest = any(m.event_type in ("Protests", "Riots") for _, m in found)
        territory = any(m.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
                        for _, m in found)
        kept = []
        demonstration_kept = False
        for priority, mention in found:
            if priority <= 3 and top > 3:
                continue
            if protest and mention.sub_event_type == "Arrests":
                continue  # arrests at a demonstration are the intervention, not a separate event
            if territory and mention.sub_event_type == "Armed clash":
                continue  # "took the town after fighting": one event, the change of hands
            if mention.event_type in ("Protests", "Riots"):
                if demonstration_kept:
                    continue  # "clashes with police ... since many are staging protests": one demonstration
                demonstration_kept = True
            kept.append(mention)
        return kept
