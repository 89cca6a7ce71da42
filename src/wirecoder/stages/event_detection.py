"""Event detection: the learned model decides, sentence by sentence, whether a current event is told and which.

The trained detector (``wirecoder.typing``) reads each sentence but a headline and gives a calibrated probability
to each of ACLED's 25 sub-event types and to "no event". The rule mentions found before (``mentions``) lend what rules
do well: the words of the trigger, the weapons, and whether the act is negated, hypothetical, habitual or referred to.

Per sentence (not the headline nor a line opened by a note's field, "Location:", "Weapon:", which tells no act):
- no event (the probability of any event, the sum over the sub-types, below ``threshold``, also when the clause or
  phrase of a sure trigger, or of a dated act of violence, is read again on its own): its rule mentions are kept
  only as references (``detected`` False), which may add words or a toll to an event coded elsewhere;
- under ``threshold`` but at least ``rule_threshold``, an event when a strong trigger rule (prior >= 0.85: "missile
  attack", "airstrike") names the detector's own best sub-type, or when its best is a crowd's and the sentence
  tells a crowd's violence ("burned tyres"): two independent readings that agree;
- an event: one mention carries the detector's sub-type and probability. Its trigger is the rule mention of the
  same sub-type, else of the same event type, else any rule mention of the sentence, else the verb that on its
  own points most to the sub-type (never a verb of speech, nor a killing a hazard did: "floods killed three people"
  tells a disaster), else the sentence's main verb;
- other rule mentions of the sentence stay as events of their own only when the detector gives their sub-type
  at least ``second_threshold`` ("attacked the village and abducted ten women").

The article's topic moves every sentence's bar: the document model's probability that the article is conflict or
unrest news (``topic``) gives a weight ``w = min(1, topic / topic_saturation)``, and each event probability p
becomes ``p ** (1 / w)``: in conflict news nothing changes; in a sports report or an earnings story a doubtful
"attack" (p 0.6-0.8) falls below the threshold, while a drone strike the detector is sure of keeps its event. A
round-up's item is weighed by its own topic when that is more (``wirecoder.roundup``).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ..article import DETECTOR_RULE, Article, EventMention
from ..events.clauses import clauses_to_read, dated, within_phrase
from ..events.codebook_rules import CodebookRules
from ..events.killings import dies_of_wounds, killed_by_hazard, killing_act, killing_by_violence
from ..events.rule_ties import FIRM_RULE, STRONG_RULE, rule_breaks_tie
from ..events.type_rules import KILLING_MEANS
from ..geo.cues import item_label_at
from ..lexicon import load_lexicon
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.acled import CROWD_TYPES, QUIET_DEVELOPMENTS, VIOLENT_TYPES
from ..typing import DetectorModel
from ..quoting.cues import load_cue_verbs
from ..roundup import label_end, section_weights
from ..syntax import (governing_verb, is_predicate, is_reaction_object, is_reference, modality, of_state,
                      sets_up_inquiry, without_modifiers)

ARRESTS = "Arrests"
LOOTING = "Looting/property destruction"
PEACEFUL = "Peaceful protest"

MIN_TRIGGER_WEIGHT = 0.2
SURE_WITHOUT_TRIGGER = 0.5  # a sub-type this probable needs no pointing word: the sentence's main verb carries it


class EventDetectionStage:
    name = "event_detection"
    requires = ("text", "sentences", "mentions", "headline", "doc", "datelines")
    assigns = ("mentions",)

    def __init__(self, *, model_path: str | Path | None = None, model: DetectorModel | None = None,
                 threshold: float | None = None, second_threshold: float = 0.25, topic_saturation: float | None = None,
                 rule_threshold: float = 0.2):
        self.model = model if model is not None else DetectorModel.load(model_path)
        self.threshold = self.model.threshold if threshold is None else threshold
        self.topic_saturation = self.model.topic_saturation if topic_saturation is None else topic_saturation
        self.second_threshold = second_threshold
        self.rule_threshold = rule_threshold
        self._speech_verbs = frozenset(load_cue_verbs())
        self._political = load_lexicon("political_sides").pattern("political_side")
        counts = load_lexicon("counts")
        self._killing, self._people = counts.words("killing_verbs"), counts.words("person_nouns")
        event_words = load_lexicon("event_words")
        self._hazards = event_words.words("hazard_noun")  # "floods killed three": a disaster
        self._after = load_lexicon("referenced_events").words("aftermath_preposition")  # "after", "following"
        self._codebook = CodebookRules()
        # "Location: Central qat market, ...": a structured note's field that describes an act told elsewhere
        self._field_label = event_words.pattern("descriptive_field")
        self._section_labels = event_words.words("section_label")  # "Situation: ...": no word of the act

    def __call__(self, article: Article) -> Article:
        sentences = [s for s in article.sentences if not article.is_heading(s) and not self._describes(article, s)]
        if not sentences:
            article.mentions = [self._reference_only(m) for m in article.mentions]
            return article
        # a dateline is where and when the copy was filed, not words of its lead ("OUAGADOUGOU, Burkina Faso, March 3
        # (Sahel Wire) - Gunmen killed ..."): the model reads the lead without it
        starts = [max([d.end for d in article.datelines if s.span.start <= d.start < s.span.end],
                      default=self._after_label(article, s)) for s in sentences]
        texts = [article.text[start:s.span.end] for start, s in zip(starts, sentences)]
        probabilities = self.model.sentence_probabilities(texts)
        weight = self._weight(article.text)
        sections = section_weights(article, self._weight) if weight < 1.0 else {}  # a round-up's items: own topics
        by_sentence: dict[int, list[EventMention]] = {}
        for mention in article.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        kept: list[EventMention] = []
        for sentence, row in zip(sentences, probabilities):
            mentions = [self._reference_only(m) if self._is_label(article, sentence.span.start, m) else m
                        for m in by_sentence.pop(sentence.index, [])]
            row = self._clause_row(article, row, mentions)
            # people killed by an act of violence are conflict news whatever the article's topic ("gunmen burst
            # into a birthday party ... and opened fire, killing eight people")
            own = max(weight, sections.get(sentence.paragraph, 0.0))
            sent = article.doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand") \
                if article.doc is not None else None
            violent = sent is not None and killing_by_violence(sent, mentions, killing=self._killing,
                                                                 people=self._people)
            own = 1.0 if violent else own
            killing = killing_act(sent, mentions, killing=self._killing, people=self._people,
                                  means=KILLING_MEANS) if violent else None  # "a strike ... killed five people"
            kept.extend(self._decide(article, sentence.index, self._weighed(row, own), mentions, off_topic=own < 1.0,
                                     killing=killing))
        for mentions in by_sentence.values():  # headlines: never events of their own
            kept.extend(self._reference_only(m) for m in mentions)
        article.mentions = sorted(kept, key=lambda m: m.trigger.start)
        return article

    def _after_label(self, article: Article, sentence) -> int:
        """Where the sentence's words begin after a section's label ("Situation: On 14 March, an armed group
        attacked ...": the model reads the act, not the section's name); a label that names a kind of act
        ("Looting: On 5 May, gunmen ...", an analyst's note's) is the model's to read."""
        end = label_end(article.text, sentence.span.start)
        label = article.text[sentence.span.start:end].strip().rstrip(":-–—").strip().casefold()
        return end if label in self._section_labels else sentence.span.start

    def _describes(self, article: Article, sentence) -> bool:
        """Whether the sentence opens a line with the label of a field that describes an act ("Date and time:",
        "Location:", "Weapon:"): its words tell no act of their own, like a headline's."""
        label = self._field_label.match(sentence.span.text)
        return label is not None and item_label_at(article.text, sentence.span.start, sentence.span.start + label.end())

    def _weight(self, text: str) -> float:
        """How much a text reads as conflict or unrest news: its topic probability over the saturation point."""
        return max(min(1.0, self.model.topic_probability(text) / self.topic_saturation), 0.05) \
            if self.topic_saturation > 0.0 else 1.0

    @staticmethod
    def _is_label(article: Article, start: int, mention: EventMention) -> bool:
        """ "Looting: regime forces looted ...", "Property destruction: ...": a note's opening label names the kind
        of event; the sentence's own words tell it (and who did it), so the label is no trigger."""
        return not article.text[start:mention.trigger.start].strip() and \
            article.text[mention.trigger.end:mention.trigger.end + 2].lstrip(" ").startswith(":")

    def _clause_row(self, article: Article, row: np.ndarray, mentions: list[EventMention]) -> np.ndarray:
        """A sentence under the bar whose trigger rule is sure of its sub-type is read again as the clause of that
        trigger alone: "The fighting continued into October, in the early days of which Armenia launched missile
        attacks on Ganja" tells its event in a relative clause that the whole sentence's words drown. So is a
        dated act of violence told inside a sentence about what came after it, read as its own clause or phrase
        ("the funeral on Friday of three men killed in an Israeli strike in X on Wednesday"). The clause's
        probabilities replace the sentence's when they give the rule's sub-type more, or, for violence, when they
        make an event where the sentence's did not."""
        if float(sum(row[i] for i in self.model.event_columns)) >= self.threshold or article.doc is None:
            return row
        best = row
        for mention in mentions:
            if not (mention.detected and not (mention.negated or mention.hypothetical or mention.habitual)
                    and mention.sub_event_type in self.model.labels):
                continue
            span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            sure, violent = mention.confidence >= STRONG_RULE, mention.event_type in VIOLENT_TYPES
            for tokens in clauses_to_read(span, sure=sure, violent=violent) if span is not None else ():
                clause = article.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
                again = self.model.sentence_probabilities([clause])[0]
                column = self.model.labels.index(mention.sub_event_type)
                if again[column] > best[column] or violent and self._events(again) > max(
                        self._events(best), self.threshold):
                    best = again
        return best

    def _events(self, row: np.ndarray) -> float:
        return float(sum(row[i] for i in self.model.event_columns))

    def _weighed(self, row: np.ndarray, weight: float) -> np.ndarray:
        """The event probabilities of an off-topic article, each raised to 1 / weight (no event takes the rest)."""
        if weight >= 1.0:
            return row
        out = row.copy()
        columns = self.model.event_columns
        out[columns] = row[columns] ** (1.0 / weight)
        return out

    def _decide(self, article: Article, index: int, row: np.ndarray, mentions: list[EventMention], *,
                off_topic: bool = False, killing: tuple[EventMention, str] | None = None):
        labels = self.model.labels
        event_columns = self.model.event_columns
        best = max(event_columns, key=lambda i: row[i])
        sub, p = labels[best], float(row[best])
        sub, p = rule_breaks_tie(article, row, sub, p, mentions, labels=labels, events_mass=self._events(row))
        text = article.sentences[index].span.text
        if sub in QUIET_DEVELOPMENTS and self._codebook.riot_told(text) or sub == LOOTING and any(
                m.detected and m.reference and m.event_type in CROWD_TYPES for m in mentions):
            # "residents burned tires and barricaded roads": a crowd's violence, not a change to group/activity;
            # "the riot on Friday evening, when youths burned a bank and looted shops": looting in a riot it names
            # is the riot
            most = max((i for i in event_columns if SUB_EVENT_TYPES[labels[i]] in CROWD_TYPES), key=lambda i: row[i])
            sub, p = labels[most], float(row[most])
        p_event = float(sum(row[i] for i in event_columns))
        # a rule that names the detector's sub-type, sure of it (a peaceful protest's words, firm: "residents
        # protested outside a hospital", whatever the page's topic says of the rest)
        agreeing = any(m.sub_event_type == sub and m.detected and not (m.negated or m.hypothetical or m.habitual)
                       and m.confidence >= (FIRM_RULE if sub == PEACEFUL else STRONG_RULE) for m in mentions)
        # the act that killed them: its weapon's sub-type, or the detector's own best reading when that is violence
        told = (killing[1] or labels[best]) if killing is not None else None
        told = told if told in labels and SUB_EVENT_TYPES[told] in VIOLENT_TYPES else None
        crowd = self._codebook.crowd_act(sub, text)  # "burned tyres"
        if (p_event < self.threshold and not ((agreeing or crowd) and p_event >= self.rule_threshold)) and told is None:
            return [self._reference_only(m) for m in mentions]
        if told is not None and (p_event < self.threshold or SUB_EVENT_TYPES[sub] != SUB_EVENT_TYPES[told]):
            sub, p = told, float(row[labels.index(told)])  # "a bomb killed five", "killed in a drone strike"
        typed = self._codebook.sub_type(text, sub, acts=without_modifiers(article.doc, article.text,
                                                                          article.sentences[index].span))
        if typed is not None and typed != sub and typed in labels:  # the codebook's sub-type ("an exchange of
            p = max(p, float(row[labels.index(typed)]))  # shelling" is a clash) is as sure as the detector makes it
        sub = typed
        if sub == ARRESTS and off_topic and not self._political.search(text):
            sub = None  # a narcotics team's arrest in a local crime story: ACLED codes arrests with a political side
        if sub is None:
            return [self._reference_only(m) for m in mentions]
        by_killing = told is not None and sub == told  # the act that killed them is the sentence's event
        main = killing[0] if by_killing else self._trigger_mention(article, index, sub, p, mentions)
        if main is None:
            return [self._reference_only(m) for m in mentions]
        instead = self._main_clause_act(article, main, mentions)
        if instead is None and main.rule != DETECTOR_RULE and main.event_type in CROWD_TYPES \
                and main.sub_event_type != sub and self._after_clause_told(article, main):
            instead = main  # "Riots broke out after a driver was killed by a soldier": the riots' own kind
        if instead is not None:  # "three people were killed in riots after a driver was shot dead by a soldier":
            main, sub = instead, instead.sub_event_type  # the riots, not what came before them
            p = max(float(row[labels.index(sub)]), instead.confidence) if sub in labels else instead.confidence
        # two readings that agree: a rule that names the detector's sub-type makes the event as sure as its prior
        # (on ACLED's dev notes such events were right 0.96 of the time, the detector's alone 0.84: docs/typing.md)
        agreed = main.rule != DETECTOR_RULE and (main.sub_event_type == sub or by_killing and main is killing[0])
        p = max(p, main.confidence) if agreed else p
        main.event_type, main.sub_event_type, main.confidence = SUB_EVENT_TYPES[sub], sub, round(p, 3)
        out = [main]
        for mention in mentions:
            if mention is main:
                continue
            second = labels.index(mention.sub_event_type) if mention.sub_event_type in labels else None
            # a second reading the codebook rules out is none ("mourners marched behind the coffins": no protest)
            if second is not None and mention.sub_event_type != sub and row[second] >= self.second_threshold \
                    and self._codebook.sub_type(text, mention.sub_event_type) is not None:
                mention.confidence = round(float(row[second]), 3)
                out.append(mention)
            else:
                out.append(self._reference_only(mention))
        return out

    def _main_clause_act(self, article: Article, main: EventMention, mentions: list[EventMention]):
        """A rule's act told in the main clause when the chosen trigger lies in a clause of what came before
        ("after a motorbike taxi driver was shot dead"); else None."""
        if article.doc is None or not self._before_it(article, main):
            return None
        for mention in mentions:
            if mention is not main and mention.rule != DETECTOR_RULE and not (
                    mention.negated or mention.hypothetical or mention.habitual or mention.reference) \
                    and not self._before_it(article, mention):
                return mention
        return None

    def _after_clause_told(self, article: Article, main: EventMention) -> bool:
        """Whether the main clause tells the chosen act and an "after" clause of its sentence tells what came
        before it ("Riots broke out ... after a driver was killed by a soldier")."""
        if article.doc is None or self._before_it(article, main):
            return False
        span = article.sentences[main.sentence].span
        sent = article.doc.char_span(span.start, span.end, alignment_mode="expand")
        return sent is not None and any(self._after_clause(t) for t in sent)

    def _before_it(self, article: Article, mention: EventMention) -> bool:
        """Whether a trigger lies in an "after" clause or phrase: what came before the sentence's event."""
        span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        if span is None:
            return False
        return any(self._after_clause(token) or (token.dep_ == "pobj" and token.head.lower_ in self._after)
                   for token in (span.root, *span.root.ancestors))

    def _after_clause(self, token) -> bool:
        """Whether the token heads a clause opened by "after" or "following"."""
        return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self._after for c in token.children)

    def _trigger_mention(self, article: Article, index: int, sub: str, p: float, mentions: list[EventMention]):
        event_type = SUB_EVENT_TYPES[sub]
        # a rule mention of another sub-type lends its words only when it is told as done ("demanding the
        # authorities arrest the traffickers" is no trigger for the march that demands it)
        def done(m: EventMention) -> bool:
            return not (m.negated or m.hypothetical or m.habitual)

        # a mention of another sub-type that only names a kind of event ("protection against airstrikes") lends
        # no words to this one
        # a word that only refers to events ("in the third massacre in the department this month") gives way to
        # one that tells the act ("armed men opened fire inside a pool hall"), whatever sub-type its rule gave
        picks = (lambda m: m.sub_event_type == sub, lambda m: m.event_type == event_type and done(m),
                 lambda m: done(m) and not m.reference)
        for pick in (*(lambda m, told=told: told(m) and not m.reference for told in picks), *picks):
            chosen = [m for m in mentions if pick(m) and m.detected]
            if chosen:
                mention = min(chosen, key=lambda m: (m.negated or m.hypothetical or m.habitual, m.trigger.start))
                verb = None if done(mention) else self._verb_mention(article, index, sub, p, pointed=True)
                if verb is not None and done(verb) and not within_phrase(article.doc, verb.trigger, mention.trigger):
                    return verb  # "denied attacking civilians, saying its drones had struck military targets"
                if mention.sub_event_type != sub:
                    mention.rule = f"{mention.rule}+{DETECTOR_RULE}"
                return mention
        return self._verb_mention(article, index, sub, p)

    def _verb_mention(self, article: Article, index: int, sub: str, p: float, *,
                      pointed: bool = False) -> EventMention | None:
        span = article.sentences[index].span
        sent = article.doc.char_span(span.start, span.end, alignment_mode="expand") if article.doc is not None else None
        if sent is None or dies_of_wounds(sent.root):
            return None  # "Three soldiers died ... of wounds they suffered in the attack": a toll, no act of its own
        # a verb of speech reports, it does not act, except in a protest: "workers demanded their salaries"
        protest = SUB_EVENT_TYPES[sub] == "Protests"
        verbs = [t for t in sent if t.pos_ == "VERB" and not of_state(t) and not dies_of_wounds(t) and (
            protest or (t.lower_ not in self._speech_verbs and t.lemma_.lower() not in self._speech_verbs))]
        trigger = None
        if verbs:
            weights = self.model.word_weights([t.text for t in verbs], sub)
            lemma_weights = self.model.word_weights([t.lemma_ for t in verbs], sub)
            weight, trigger = max(((max(w, lw), t) for w, lw, t in zip(weights, lemma_weights, verbs)),
                                  key=lambda pair: (pair[0], -pair[1].i))
            if weight < MIN_TRIGGER_WEIGHT:
                if pointed:
                    return None  # asked for a verb that points to the sub-type: none does
                trigger = self._main_verb(sent)
                if p < SURE_WITHOUT_TRIGGER or trigger is None:
                    return None  # no word points to the event and the type is unsure: text unlike news
        elif pointed or self._attribution_only(sent):
            return None  # '"Got her!" / an officer said.': a quote's attribution cut off from it tells nothing
        elif self._stative(sent) or any(dies_of_wounds(t) for t in sent):
            return None  # what is ("are believed to be members of a local cell"), or a death from wounds: no act
        else:
            nouns = [t for t in sent if t.pos_ == "NOUN"]
            if nouns:
                weights = self.model.word_weights([t.lemma_ for t in nouns], sub)
                weight, trigger = max(zip(weights, nouns), key=lambda pair: (pair[0], -pair[1].i))
                if weight < MIN_TRIGGER_WEIGHT:
                    return None
        if trigger is None or of_state(trigger) or killed_by_hazard(trigger, killing=self._killing,
                                                                    hazards=self._hazards):
            # "the two men are believed to be members of a local cell": who they are, no act (nor is a verb of
            # state a candidate above: "seized a vehicle belonging to a councillor" points to "seized")
            return None
        negated, hypothetical, habitual = modality(trigger)
        if trigger.dep_ == "acl" and trigger.i != sent.root.i and governing_verb(trigger.head) == sent.root and not \
                dated(t for c in trigger.children if c.dep_ in ("prep", "npadvmod") for t in c.subtree):
            # "has been training the forces known as MaT": a participle naming who is spoken of is as asserted as
            # the main verb (ongoing training is no event); one with a day of its own happened that day ("expresses
            # its solidarity with the families of the six men killed on Sunday at a football pitch")
            root_negated, root_hypothetical, root_habitual = modality(sent.root)
            negated, hypothetical, habitual = (negated or root_negated, hypothetical or root_hypothetical,
                                               habitual or root_habitual)
        if trigger.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in trigger.children):
            habitual = True  # "the U.N. is working with ...": a verb no rule knows, in the present progressive,
            # tells what is going on, not an event that happened
        if is_predicate(trigger) or is_reaction_object(trigger) or sets_up_inquiry(trigger):
            hypothetical = True
        return EventMention(
            trigger=article.span(trigger.idx, trigger.idx + len(trigger.text)), sentence=index,
            event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, confidence=0.0, rule=DETECTOR_RULE,
            negated=negated, hypothetical=hypothetical, habitual=habitual, reference=is_reference(trigger))

    def _stative(self, sent) -> bool:
        """Whether the sentence's main verb, or the verb of what its verb of speech reports, is a verb of state."""
        root = sent.root
        if root.lower_ in self._speech_verbs or root.lemma_.lower() in self._speech_verbs:
            root = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis")), root)
        return of_state(root)

    def _attribution_only(self, sent) -> bool:
        """The sentence is only who said something: its root a verb of speech that tells nothing within it."""
        root = sent.root
        return (root.lower_ in self._speech_verbs or root.lemma_.lower() in self._speech_verbs) and not any(
            c.dep_ in ("ccomp", "parataxis", "dobj", "xcomp", "advcl", "nsubjpass", "attr") for c in root.children)

    def _main_verb(self, sent):
        """The sentence's main verb, or the verb of what a speech verb reports ("police fired ..., witnesses told
        Reuters": fired); a verb of speech or sight with the event as its object stays ("monitors observed 12
        explosions")."""
        root = sent.root
        if root.lower_ in self._speech_verbs or root.lemma_.lower() in self._speech_verbs:
            # what was said, else the verb itself when it takes the event as its object ("observed 12 explosions")
            told = next((c for c in root.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ == "VERB"), None)
            # "it was reported ... that a shoot-out took place", whatever the parser hangs the clause on
            told = told or next((t for t in sent if t.pos_ == "VERB" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children)), None)
            seen = any(c.dep_ == "dobj" or c.dep_ == "nsubjpass" and c.pos_ != "PRON" for c in root.children)
            if told is None and not seen:
                return None  # "..., an officer said.": a speech verb with nothing it tells is no event's word
            root = told or root
        return root if root is not None and root.pos_ in ("VERB", "NOUN") else None

    @staticmethod
    def _reference_only(mention: EventMention) -> EventMention:
        mention.detected = False
        return mention
