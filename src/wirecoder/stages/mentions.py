"""Event mentions: find the words that signal an event and decide its ACLED sub-event type by rule.

Triggers come from taxonomy/triggers.tsv. Some decide the type outright ("missile attack"); others
name a decision the sentence settles: a plain "attack" is typed by the weapon and the target, a "protest"
by how the police responded, ground taken by who takes it from whom, a "ceasefire" only counts when
someone agrees to, signs or declares it. Negated, hypothetical ("threatened to strike") and habitual
("continue to bombard") mentions are kept but flagged, so the event_reports stage can leave them out.
"""
from __future__ import annotations

import dataclasses

from ..article import ActorMention, Article, EventMention
from ..lexicon import load_lexicon
from ..taxonomy import event_type_of
from ..taxonomy.acled import VIOLENT_TYPES
from ..taxonomy.kinds import ARMED_KINDS, ActorRole
from ..taxonomy.lexicon import TriggerRule, load_triggers, load_weapons
from ..events.type_rules import Clue, EventTypeRules
from ..syntax import in_reason_clause, is_modifier, is_predicate, is_reaction_object, is_reference, is_speaker, modality

# triggers that only say that violence happened; a sentence that also names its means says it better
_WORDS = load_lexicon("event_mentions")
GENERIC_RULES = _WORDS.words("generic_rule")
_EVENT_WORDS = load_lexicon("event_words")
EVENT_HEADS, NOUN_ONLY, VERB_ONLY = (_EVENT_WORDS.words(n) for n in ("event_heads", "noun_only", "verb_only"))
PROTEST_SCENE = _EVENT_WORDS.words("protest_scene")
GAP_POS = frozenset({"DET", "ADJ", "NUM", "ADV", "PUNCT"})
MAX_GAP = 3


# what police use on crowds: no weapon of an attack ("stun grenades" make no grenade attack)
CROWD_CONTROL = _WORDS.words("crowd_control")

class MentionsStage:
    name = "mentions"
    requires = ("doc", "sentences", "actors", "places", "headline")
    assigns = ("mentions",)

    def __init__(self, *, triggers: dict[str, list[TriggerRule]] | None = None, weapons=None):
        self._triggers = triggers if triggers is not None else load_triggers()
        self._weapons = weapons if weapons is not None else load_weapons()
        self._rules = EventTypeRules()

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
            if not matches:
                continue
            # what the sentence tells (actors, words, weapons, neighbours) is read once for all its triggers
            weapons = self._weapons_in(sent)
            clue = Clue(article=article, sent=sent, index=sentence.index, span=None,
                        actors=[a for a in self._sentence_actors(article, sentence.index)
                                if not self._speaks(doc, a)],
                        lemmas=frozenset(t.lemma_.lower() for t in sent),
                        weapon_words=frozenset(t.lemma_.lower() for s, e, name in weapons
                                               if name not in CROWD_CONTROL for t in doc[s:e]),
                        previous_lemmas=frozenset(self._previous_lemmas(article, sent, sentence.index)),
                        next_lemmas=frozenset(self._next_lemmas(article, sent, sentence.index)))
            found = []
            for start, end, rule in matches:
                if any(s <= start and end <= e and name in CROWD_CONTROL for s, e, name in weapons):
                    continue  # "police responded with stun grenades": crowd control, no grenade attack
                mention = self._decide(dataclasses.replace(clue, span=doc[start:end]), weapons, rule)
                if mention is not None:
                    found.append((rule.priority, mention))
            mentions.extend(self._prune(found, doc))
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
            if doc[i].tag_ == "NNPS" and lemma == lower:  # "CHAD - Riots broke out": a plural taken for a name's
                lemma = next((lower[:-n] for n in (2, 1) if lower[:-n] in self._triggers), lemma)  # "clash(es)"
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
    def _next_lemmas(article: Article, sent, index: int) -> set[str]:
        following = article.next_in_paragraph(index)
        if following is None:
            return set()
        span = sent.doc.char_span(following.span.start, following.span.end, alignment_mode="expand")
        return {t.lemma_.lower() for t in span} if span is not None else set()

    @staticmethod
    def _speaks(doc, actor: ActorMention) -> bool:
        span = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        return span is not None and is_speaker(span.root)

    @staticmethod
    def _sentence_actors(article: Article, index: int) -> list[ActorMention]:
        return [a for a in article.actors if a.sentence == index]

    def _decide(self, clue: Clue, weapons: list[tuple[int, int, str]], rule: TriggerRule) -> EventMention | None:
        span, root, article, sent = clue.span, clue.root, clue.article, clue.sent
        if is_modifier(root) and root.head.lemma_.lower() not in EVENT_HEADS \
                or len(span) == 1 and root.ent_type_ in ("DATE", "TIME", "PERSON", "ORG"):
            return None  # "riot police", "air raid alert", "in March", a name
        if span[0].lemma_.lower() in VERB_ONLY and span[0].pos_ != "VERB":
            return None  # "a shell of the man he was", "the last of the fires at a fuel depot" ("fire at")
        if len(span) == 1 and root.lemma_.lower() in NOUN_ONLY and root.pos_ != "NOUN":
            return None  # "a programme considered offensive"
        decision = self._rules.decide(rule.decision, clue)
        if decision is None:
            return None
        negated, hypothetical, habitual = modality(root)
        if is_predicate(root):
            hypothetical = True
        if decision not in ("Agreement",) and is_reaction_object(root):
            hypothetical = True  # "condemned the attack": a reference to an event told elsewhere
        weapon_spans = [article.span(sent.doc[s].idx, sent.doc[e - 1].idx + len(sent.doc[e - 1].text))
                        for s, e, _ in weapons]
        confidence = max(rule.confidence, SIDES_CONFIDENCE) if decision == "Armed clash" and _two_sides(
            sent, self._sentence_actors(article, clue.index)) else rule.confidence
        mention = EventMention(
            trigger=article.span(span.start_char, span.end_char), sentence=clue.index,
            event_type=event_type_of(decision), sub_event_type=decision, confidence=confidence,
            rule=rule.name, negated=negated, hypothetical=hypothetical, habitual=habitual,
            reference=is_reference(root),
            weapons=weapon_spans, weapon_names=[name for _, _, name in weapons])
        return mention

    @staticmethod
    def _prune(found: list[tuple[int, EventMention]], doc) -> list[EventMention]:
        """Within a sentence, weak triggers (a bare 'killed') give way to a stronger one for the same event."""
        if not found:
            return []
        top = max(priority for priority, _ in found)
        protest = any(m.event_type in ("Protests", "Riots") for _, m in found)
        # a mention told only as the reason for another ("attacked the post because soldiers had occupied a village")
        # names no event the others are told by: it takes no ground from the fight, and is no "specific" word for it
        told = [m for _, m in found if not in_reason_clause(
            doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand").root)]
        territory = any(m.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory")
                        for m in told)
        kept = []
        demonstration_kept = False
        types_kept: set[str] = set()
        specific = any(m.event_type in VIOLENT_TYPES and m.rule not in GENERIC_RULES for m in told)
        for priority, mention in found:
            if specific and mention.event_type in VIOLENT_TYPES and mention.rule in GENERIC_RULES:
                continue  # "the drone strike ... in the attack": the generic word names the specific event
            if mention.sub_event_type in types_kept:
                continue  # "found a roadside bomb and defused it": one event told by two words

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
            types_kept.add(mention.sub_event_type)
            kept.append(mention)
        return kept


SIDES_CONFIDENCE = 0.9  # a clash's word with its two armed sides named: as sure as a strong trigger rule


def _two_sides(sent, actors: list[ActorMention]) -> bool:
    """ "fighting broke out ... between the SSPDF and the SPLA-IO": two armed parties told as the sides of what
    happened, one of them an organisation the text names (not "the army and rebels"), make a word of fighting as
    sure as a strong rule, whatever words (acronyms) the detector has not learnt."""
    for between in (t for t in sent if t.lower_ == "between"):
        inside = [w for c in between.children if c.dep_ == "pobj" for w in c.subtree]
        if inside:
            start, end = inside[0].idx, inside[-1].idx + len(inside[-1].text)
            sides = [a for a in actors if a.named and a.kind in ARMED_KINDS and start <= a.span.start < end]
            if len({a.name for a in sides}) >= 2 and any(a.role == ActorRole.GROUP for a in sides):
                return True
    return False
