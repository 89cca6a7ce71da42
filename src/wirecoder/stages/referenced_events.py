"""Referenced events: an event the text names by its day is an event the article reports, marked as referenced.

Follow-up and reaction articles often tell an incident only by naming it: "The number of people killed in
Monday's bombing at a mosque in Peshawar has risen to 100", "Obama ... addressing Friday's attack in Munich",
"after Wednesday's attacks in San Bernardino". The detector, which reads whole sentences, finds no event in them
(the sentence is about a toll, a speech, a debate), and a definite mention that is the object of a reaction
("condemned Sunday's attack") is read as a reference to an event told elsewhere. Yet a day that names the event
says that it happened, when and (with its place) where: a report of that incident, as a merge of reports needs.

So an event noun (``lexicon/referenced_events.tsv``: "bombing", "attack", ...; or a two-word trigger rule that types
an act by its weapon, "bomb attack") tied to a date of one day in the past, or a weekend's two ("Monday's", "the
weekend car bombing", "the Nov. 13 attacks", "the massacre Tuesday", "the attack that hit a building early on
Saturday", "The largest incident was the abduction of ... on Sunday", "the clashes around X at the weekend") is a
detected event mention, however its sentence reads and whatever it denies of the act ("... will not change the
map"; only "no attack", or "did not take place", deny it), with ``referenced`` set: its evidence is the reference.
A rule mention on that noun keeps its sub-type ("Monday's suicide bombing"); a noun no rule types takes the lexicon's.
A weapon is an act only through a clause that says what it did ("the bomb that killed two people ... on Wednesday":
``weapon_noun``), and a noun no mention holds is the sentence's act when its verb says it happened on a day ("The
blast ... occurred on Wednesday morning"), whatever word the detector took. Headlines are never events. A noun with
no such date ("the attack") stays as it was.

Reaction pieces tell an incident a second way: as what a reaction or an aftermath follows ("candidates on
Wednesday reacted to a mass shooting in San Bernardino", "nearly a week after the police shooting of a black man
here sparked protests"), or as what an arrest or a charge answers ("arrested three men over the bombing of a bus
in Quetta", "detained in connection with the killing of seven people in Choloma"), or as what a group claims ("on
Friday claimed a suicide bombing at a passport office in X", "claimed responsibility for an attack on a police post in
X": the claim's day is not the act's). Such a noun is an event too, ``followed`` as well as ``referenced``: it
happened on or before the day its sentence tells (the record gives that day at time_precision 3), or as many days
before it as a count says ("on Thursday ..., two days after communal clashes": Tuesday, ``days_before``; "looked like
a battlefield on Sunday morning, after a night of clashes": Saturday, and the clashes, not the detector's guess at the
sentence's verb, are its event). Only when the sentence says where (a place inside the noun's phrase, or "here" in a
datelined story: an event with no place joins nothing; with a count of days, any place of its sentence), when it is
news (brought by "a" or "this", a count of days, or "the" when the headline names an event of the same type: the
article is about it, not about one of years ago), when no other date names it ("after the 2001 attacks"), and when
no modifier makes it no violence between people ("a heart attack").

A third way, in commentary: a past act named by its place alone ("in the wake of the Orlando shooting", "the
attacks in Paris had changed the debate"), definite or a bare noun after its place, with no date, no person and
no event told in its sentence. It is ``named``: a background event of the article, on or before its sentence's
day, which merging joins to the incident a dated report tells.
"""
from __future__ import annotations

import datetime as dt

from ..article import DETECTOR_RULE, Article, DateMention, EventMention
from ..events.clauses import denied_occurrence
from ..events.day_counts import DayCounts
from ..events.report_dates import a_day_in
from ..geo.countries import COUNTRY_CODES
from ..lexicon import load_lexicon
from ..syntax import answered_by, chain_to, deed_of, governing_verb, harm_in, has_object
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.acled import CROWD_TYPES, VIOLENT_TYPES
from ..taxonomy.lexicon import trigger_compounds

REFERENCE_RULE = "referenced"
STRATEGIC = "Strategic developments"
REFERENCE_CONFIDENCE = 0.6  # the prior of a generic trigger ("attack"): a day says it happened, not how


class ReferencedEventsStage:
    name = "referenced_events"
    requires = ("doc", "sentences", "mentions", "dates", "headline", "published", "places", "datelines", "title")
    assigns = ("mentions",)

    def __init__(self) -> None:
        words = load_lexicon("referenced_events")
        self._harm_nouns = words.mapping("harm_noun")  # "killed in Tuesday's Israeli strike"
        self._weapons = words.mapping("weapon_noun")  # "the bomb that killed two people ... on Wednesday"
        nouns = {**words.mapping("event_noun"), **self._harm_nouns}  # and "bomb attack": an act its weapon types
        self._nouns = {**trigger_compounds(heads=nouns, types=SUB_EVENT_TYPES), **nouns, **self._weapons}
        self._links = words.words("date_link")
        self._of_words = words.words("date_preposition")
        self._occurring = words.words("occurring_verb")
        self._acting = words.words("acting_verb")
        self._clause_date_links = words.words("clause_date_link")
        self._perpetrating = words.words("perpetrating_verb")
        self._after = words.words("aftermath_preposition")
        self._aftermath_nouns = words.words("aftermath_noun")
        self._reactions = words.words("reacting_verb")
        self._blaming = words.words("blaming_verb")
        self._owning = load_lexicon("speaker_kinds").words("responsibility_word")
        self._claiming = words.words("claiming_verb")
        self._blaming_or_owning = self._blaming | self._owning  # "blamed X for", "claimed responsibility for"
        self._reacting_or_claiming = self._reactions | self._claiming  # "condemned the attack", "claimed the attack"
        self._new = words.words("new_determiner")
        self._day_prepositions = words.words("day_preposition")  # "the attack on Sunday", "the clashes at the weekend"
        self._not_violence = words.words("not_violence_modifier")
        places = load_lexicon("event_places")
        self._here = places.words("here_word")
        self._fleeing = places.words("fleeing_verb")  # "fled the fighting ... on Saturday": it happened that day
        self._day_counts = DayCounts(after=self._after)  # "two days after", "after a night of clashes"
        self._riot = load_lexicon("crowd_violence").pattern("riot")  # "looted", "set fire", "threw stones"
        tolls = load_lexicon("counts")
        self._toll_nouns = tolls.words("toll_nouns") | tolls.words("update_nouns")
        self._toll_verbs = tolls.words("toll_verbs")

    def __call__(self, article: Article) -> Article:
        days = [d for d in article.dates if self._one_past_day(d, article.published)]
        if article.doc is None:
            return article
        doc = article.doc
        by_root: dict[int, EventMention] = {}
        for mention in article.mentions:
            span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            if span is not None:
                by_root.setdefault(span.root.i, mention)
        found: list[EventMention] = []
        flipped: list[EventMention] = []
        for sentence in article.sentences:
            if article.is_heading(sentence):
                continue
            sent = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if sent is None:
                continue
            for token in sent:
                noun = self._noun(token)
                if noun is None:
                    continue
                followed, days_before, named = False, None, False
                if not self._named_by_day(token, days) and (token.i in by_root or not self._occurred_on(token, days)):
                    dated = self._followed(article, token, noun, days)
                    if dated is None:
                        named = self._named_by_place(article, token, noun, sentence.index)
                        if not named:
                            continue
                    followed = not dated  # "after a bombing on Sunday in Kabul": its own day dates it
                    days_before = self._day_counts.days_before(token) if followed and not named else None
                mention = by_root.get(token.i)
                sub = self._nouns[noun]
                if mention is None:
                    mention = EventMention(
                        trigger=article.span(token.idx, token.idx + len(token.text)), sentence=sentence.index,
                        event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, confidence=REFERENCE_CONFIDENCE,
                        rule=REFERENCE_RULE)
                    found.append(mention)
                    flipped.append(mention)
                elif SUB_EVENT_TYPES[sub] in CROWD_TYPES and mention.event_type != SUB_EVENT_TYPES[sub] or (
                        mention.event_type == STRATEGIC and SUB_EVENT_TYPES[sub] in VIOLENT_TYPES):
                    # "incited Saturday's riot in Tibu": the noun names a crowd's event, whatever the sentence's
                    # armed group made the detector read; "mourning declared after Thursday's attack on the market":
                    # an act of violence, not the sentence's development
                    mention.event_type, mention.sub_event_type = SUB_EVENT_TYPES[sub], sub
                if not mention.detected:
                    flipped.append(mention)
                mention.detected = True
                mention.hypothetical = mention.habitual = mention.reference = False
                mention.negated = denied_occurrence(token)  # "will not change": the act still happened
                mention.referenced = True
                mention.followed = mention.followed or followed
                mention.named = named
                if days_before is not None:
                    mention.days_before = days_before
        for mention in article.mentions:  # "on Wednesday defended its plan, a day after police used tear gas to break
            # up a protest": an act told in a clause a count of days puts after is that many days before its sentence's
            if mention.detected and not mention.referenced and mention.days_before is None:
                span = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
                mention.days_before = self._day_counts.clause_days_before(span.root) if span is not None else None
        for mention in article.mentions:  # "arrested three men on Friday, two days after gunmen attacked a bus station
            count = self._counted_act(article, mention)  # in the city": news the detector, reading the arrest, missed
            if count is not None:
                mention.detected, mention.days_before = True, count
        for mention in flipped:  # the detector, finding no rule to agree with, took a word of its own for the
            for other in article.mentions:  # sentence's event; the rule's noun names it, surer than that guess, and
                # whatever its guess when a count of days puts the noun's act before ("looked like a battlefield on
                # Sunday morning, after a night of clashes": the clashes, not the look of the square)
                if other.sentence == mention.sentence and other.rule == DETECTOR_RULE and other.detected \
                        and (other.confidence < mention.confidence or mention.days_before is not None) \
                        and not self._crowd_act_beside(article, other, mention):
                    other.detected = False
        if found:
            article.mentions = sorted([*article.mentions, *found], key=lambda m: m.trigger.start)
        return article

    def _crowd_act_beside(self, article: Article, act: EventMention, noun: EventMention) -> bool:
        """Whether the detector's crowd event is told by riot acts beside the noun's, outside the phrase that counts
        its days ("14 houses were looted on Saturday, a day after a clash"): news of its own, not a guess."""
        span = article.doc.char_span(noun.trigger.start, noun.trigger.end, alignment_mode="expand")
        at = article.sentences[act.sentence].span
        sentence = article.doc.char_span(at.start, at.end, alignment_mode="expand")
        return act.event_type in CROWD_TYPES and noun.days_before is not None and span is not None \
            and sentence is not None and self._day_counts.told_beside(span.root, sentence, self._riot)

    def _noun(self, token) -> str | None:
        """The event noun the token is: a noun of the lexicon, or a gerund the parser took for a verb ("the police
        shooting of a man"); else None."""
        if token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            weapon = next((f"{c.lower_} {lemma}" for c in token.children if c.dep_ in ("compound", "amod")
                           and f"{c.lower_} {lemma}" in self._nouns), None)  # "drone strike"
            if weapon is None and lemma in self._harm_nouns:
                return lemma if harm_in(token) is not None else None
            if weapon is None and lemma in self._weapons:
                return lemma if any(self._acting_clause(c) for c in token.children) else None
            return weapon or (lemma if lemma in self._nouns else None)
        if token.tag_ == "VBG" and token.lower_ in self._nouns and (
                any(c.dep_ == "det" for c in token.children)
                or token.dep_ == "pcomp" and token.head.lower_ in self._after and not has_object(token)):
            return token.lower_  # "three days after fighting with M23 rebels": the parser's gerund names the fight
        return None

    def _occurred_on(self, token, days: list[DateMention]) -> bool:
        """Whether the noun is the subject of a verb that says it happened on a day ("The blast, caused by an
        improvised device, occurred on Wednesday morning"): the act the sentence tells, whatever word the detector
        took for it (only a noun no mention holds: one that does is the sentence's event already)."""
        verb = token.head
        return token.dep_ == "nsubj" and verb.lemma_.lower() in self._occurring and a_day_in(
            (w for c in verb.children if c.dep_ in self._clause_date_links for w in c.subtree), days)

    def _acting_clause(self, child) -> bool:
        """Whether a relative clause tells what the noun did ("the attack that hit a building", "the bomb that
        killed two people")."""
        return child.dep_ == "relcl" and child.lemma_.lower() in self._acting and any(
            c.dep_ == "nsubj" and c.tag_ == "WDT" for c in child.children)

    @staticmethod
    def _one_past_day(date: DateMention, published: dt.date | None) -> bool:
        """A past day, or two days told as one ("the weekend car bombing": Saturday and Sunday)."""
        span = 0 if date.date_end is None else (date.date_end - date.date).days
        return (date.precision == 1 and span == 0 or date.precision == 2 and 0 < span <= 1) and (
            published is None or date.date <= published)

    def _followed(self, article: Article, token, noun: str, days: list[DateMention]) -> bool | None:
        """Whether the noun is a violent event a reaction or an aftermath follows, told as news with its place:
        None when not, True when a past day inside its phrase dates it, False when only its sentence's day can."""
        if SUB_EVENT_TYPES[self._nouns[noun]] == "Protests" and self._day_counts.days_before(token) is None:
            return None  # "after a demonstration of the product": a protest is told by its own words, or counted
        head = token.head
        arrest = answered_by(token)
        if arrest is not None or self._toll_of(token):
            pass  # "arrested two men over the bombing", "suspected of carrying out the bombing", "the number of
            # people killed in an armed attack on a party in Urireo rose to 11 on Monday"
        elif token.dep_ in ("pobj", "pcomp"):
            verb = head.head
            if not (head.lower_ in self._after or (head.lower_ == "of" and verb.lemma_.lower() in self._aftermath_nouns)
                    or self._day_counts.period(token) is not None
                    or (head.lower_ == "to" and verb.lemma_.lower() in self._reactions)
                    or (head.lower_ == "for" and verb.lemma_.lower() in self._blaming_or_owning)):
                return None  # "blamed the front for the abduction of two police officers on Sunday"; "claimed
                # responsibility for a suicide bombing at a passport office in the north"
        elif token.dep_ in ("nsubj", "nsubjpass"):  # "after the police shooting of a black man here sparked protests"
            if not any(c.dep_ == "mark" and c.lower_ in self._after for c in head.children):
                return None
        elif token.dep_ != "dobj" or head.lemma_.lower() not in self._reacting_or_claiming:
            return None  # "condemned an attack on a market in X", "claimed a bombing at an office in X"
        deed = deed_of(token) if arrest is not None else None
        words = list((deed or token).subtree)  # "suspected of carrying out the bombing on Monday": the deed's day
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in self._not_violence
               for c in token.children):
            return None
        if any(c.dep_ == "prep" and any(o.dep_ == "pobj" and o.ent_type_ == "PERSON" for o in c.children)
               for c in token.children):
            return None  # "after an attack on Clinton by Trump": words, not violence, as a person's attack on one
        told = [w for w in words if w.ent_type_ in ("DATE", "TIME")]
        if any(w.ent_type_ == "DATE" and not any(d.span.start <= w.idx < d.span.end for d in days) for w in told):
            return None  # "after the 2001 attacks", "last year's shooting": not news of these days ("night" may be)
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        # "two days after communal clashes": a count of days says it is news, and its sentence says where
        # ("Authorities in Hazaribagh district on Thursday extended ..., two days after communal clashes")
        counted = self._day_counts.days_before(token) is not None
        if counted:
            words = list(token.sent)
        # the headline line of the text, else the title the article came with (a feed's, a page's)
        headline = (article.headline.text if article.headline is not None else article.title or "").casefold()
        if not told and not counted and determiner not in self._new and not (
                determiner == "the" and self._in_headline(noun, headline)):
            return None  # a past day of its own makes it news too
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        placed = any(start <= p.span.start < end and p.lat is not None for p in article.places) or (
            bool(article.datelines) and any(w.lower_ in self._here for w in token.sent))
        return bool(told) if placed else None

    def _toll_of(self, token) -> bool:
        """Whether the noun names the act whose toll its sentence updates: it lies in the subject of a toll verb
        ("the number of people killed in an attack on a party in Urireo rose to 11 on Monday", "the death toll
        from an attack ... has reached 30"): the day is the update's, the act came before it."""
        return any(a.dep_ in ("nsubj", "nsubjpass") and a.lemma_.lower() in self._toll_nouns
                   and a.head.lemma_.lower() in self._toll_verbs for a in token.ancestors)

    def _named_by_place(self, article: Article, token, noun: str, sentence: int) -> bool:
        """Whether the noun names a past act of violence by its place and nothing dates it ("the Orlando shooting",
        "the attacks in Paris", "the massacre at a nightclub in Orlando"): a definite or bare noun whose own phrase
        holds a place, no date, no person it is about and no modifier that makes it no violence, that no sentence
        told as an event of its own (a sentence with a detected mention tells the article's news)."""
        if SUB_EVENT_TYPES[self._nouns[noun]] == "Protests" or any(
                m.detected and m.sentence == sentence for m in article.mentions):
            return False  # a sentence that tells an event of its own tells news ("observed 12 explosions near X")
        determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
        named_before = any(c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in token.children)
        if determiner != "the" and not (determiner is None and named_before):
            return False  # "an attack in Paris", "this shooting": news, told by the reaction path if at all
        words = list(token.subtree)
        no_violence = any(c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in self._not_violence
                          for c in token.children)
        if no_violence or any(w.ent_type_ in ("DATE", "TIME", "PERSON") for w in words):
            return False  # "the 2001 attacks", "the attack on Clinton", "a heart attack"
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        return any(start <= p.span.start < end and p.lat is not None and p.feature_code not in COUNTRY_CODES
                   for p in article.places)

    def _counted_act(self, article: Article, mention: EventMention) -> int | None:
        """How many days before its sentence's day a rule's act of violence or of a crowd that the detector left is
        told, when a count of days puts its clause so, in a sentence that says where; else None."""
        if mention.detected or mention.negated or mention.hypothetical or mention.habitual or mention.reference \
                or mention.rule in (DETECTOR_RULE, REFERENCE_RULE) or SUB_EVENT_TYPES[mention.sub_event_type] not in \
                VIOLENT_TYPES | CROWD_TYPES or article.is_heading(article.sentences[mention.sentence]):
            return None
        span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
        count = self._day_counts.clause_days_before(span.root) if span is not None else None
        sentence = article.sentences[mention.sentence].span
        placed = any(sentence.start <= p.span.start < sentence.end and p.lat is not None for p in article.places)
        return count if placed else None

    def _in_headline(self, noun: str, headline: str) -> bool:
        """Whether the headline names an event of the noun's type ("the killing of seven people", under "Police
        arrest two over Choloma massacre")."""
        kind = SUB_EVENT_TYPES[self._nouns[noun]]
        words = headline.replace("-", " ").split()
        return any(word.startswith(other) for word in words
                   for other, sub in self._nouns.items() if SUB_EVENT_TYPES[sub] == kind)

    def _named_by_day(self, token, days: list[DateMention]) -> bool:
        """Whether a date of one day is tied to the noun: a possessive ("Monday's", "Sunday night's"), a modifier
        ("the Nov. 13 attacks"), a bare day after it ("the massacre Tuesday") or "of" a day ("the attacks of Nov.
        13") or the day a clause says it happened on ("the shooting, which occurred Tuesday"), or a day told after it
        inside the subject of a verb that tells its own day after it ("survivors of the attack on Monday arrived
        on Wednesday"). A day "on" which
        something was done ("condemned the attack on Sunday") may be the reaction's, not the subject's ("the
        massacre on Saturday night was aimed at ...")."""
        def a_day(words) -> bool:
            return a_day_in(words, days)

        # a day "on" (or "at", "over") the noun itself, which only the cases below let stand for the act's
        on_a_day = any(c.dep_ == "prep" and c.lower_ in self._day_prepositions and a_day(
            w for w in c.children if w.dep_ == "pobj") for c in token.children)
        for child in token.children:
            if child.dep_ in self._links and a_day(child.subtree):
                return True
            if child.dep_ == "prep" and child.lower_ in self._of_words and a_day(
                    w for w in child.children if w.dep_ == "pobj"):
                return True
            occurring = child.dep_ == "relcl" and child.lemma_.lower() in self._occurring
            if (occurring or self._acting_clause(child)) and a_day(
                    w for verb in (child, *(c for c in child.children if c.dep_ == "conj"))
                    for c in verb.children if c.dep_ in self._clause_date_links for w in c.subtree):
                return True  # "the shooting itself, which occurred Tuesday afternoon", "the attack that hit ... on
                # Saturday", "the bomb that killed two people and wounded 11 at the market on Wednesday"
        if token.dep_ == "attr" and token.head.lemma_ == "be" and any(
                c.dep_ == "prep" and a_day(c.subtree) for c in (*token.children, *token.head.children)):
            return True  # "The largest incident of the week was the abduction of ... before dawn on Sunday 10 March"
            # (the copula tells no act of its own: a day the parser hangs on it is the noun's)
        if token.dep_ in ("nsubj", "nsubjpass") and on_a_day:
            return True  # "the massacre on Saturday night was aimed at ...": no reaction to claim the day, a subject's
        if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lemma_.lower() in self._owning:
            # "claimed responsibility for the abduction of four officials in Batibo on Tuesday": a day after the act,
            # on the verb that claims or denies it, is the act's (one told before it is the claim's)
            claim = token.head.head.head
            if claim.lemma_.lower() in self._claiming and any(
                    c.dep_ in self._clause_date_links and c.i > token.i and a_day(c.subtree) for c in claim.children):
                return True
        verb = token.head
        if token.dep_ == "dobj" and verb.lemma_.lower() in self._reactions:
            # "the mission on Tuesday condemned the killing of eight civilians near Bohong on Sunday": a reaction
            # dated before the act it names, and a day again after it, tells the act's day second
            inside = {w.i for w in token.subtree}
            before = a_day(w for w in verb.subtree if w.i < token.i and w.i not in inside)
            if before and any(c.dep_ in self._clause_date_links and c.i > token.i and a_day(c.subtree)
                              for c in verb.children):
                return True
        if token.dep_ == "dobj" and verb.lemma_.lower() in self._fleeing and (on_a_day or any(
                c.dep_ in self._clause_date_links and a_day(c.subtree) for c in verb.children)):
            return True  # "families who fled the fighting in Ndele on Saturday": one flees an act as it happens
        if token.dep_ == "dobj" and verb.lemma_.lower() in self._perpetrating and verb.dep_ != "ROOT":
            # the act's own verb carries its day ("carried out a mass shooting Dec. 2", "launched an attack on
            # Sunday"): a day "on" the act is the act's, not a reaction's. Only in a clause the sentence is not
            # about ("... became an issue after a couple carried out ..."): the detector reads main clauses
            return any(c.dep_ in self._clause_date_links and a_day(c.subtree) for c in verb.children) or any(
                c.dep_ == "prep" and a_day(w for w in c.children if w.dep_ == "pobj") for c in token.children)
        holder = governing_verb(token)
        if holder is not None and token.i < holder.i and any(
                c.dep_ == "prep" and token.i < c.i < holder.i and a_day(w for w in c.children if w.dep_ == "pobj")
                for head in chain_to(token, holder) for c in head.children) \
                and a_day(w for w in holder.subtree if w.i > holder.i):
            return True  # "Survivors of the RSF attack on Um Talha on Monday began arriving in Dinder on Wednesday":
            # a day told after the noun, before the verb its phrase hangs from, when the verb tells its own day after
            # it, is the noun's (the parser hangs it on the verb, or on the subject's noun: survivors have no day)
        harmed = harm_in(token)
        if harmed is not None and harmed.i < token.i and any(c.lower_ == "the" for c in token.children):
            # "22 people were killed in the attack last Wednesday": who died in an act died on its day; a day on the
            # harm's verb, or "on" the act, dates the act the detector reads as told before ("in an attack" is news
            # the detector reads itself)
            return on_a_day or any(c.dep_ in self._clause_date_links and c.i != verb.i and a_day(c.subtree)
                                   for c in harmed.children)
        return False

