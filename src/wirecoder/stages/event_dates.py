"""Event dates: the day each event report is told to have happened.

A report's date is the date of its clause in its sentence, else the nearest date there (a date that only dates the
telling, "officials said on Monday that ...", "The statement, released late on Wednesday, said ...", leaves the
event's day open); with none, a dated mention of the same agreement elsewhere ("the ceasefire declared on 10
October"), else a date of the three sentences before it in its
paragraph or the previous one (not one that only dates a telling there), else a retelling in the sentences after it
that gives its day ("The attack happened on Sunday night"), else the day the article's first dated event happened
(told before it, or in the next sentences). When its own sentence dates only the telling ("..., police said on
Tuesday"), such a retelling dates it too, as does, for violence, a next sentence whose subject is a definite noun of
it that no rule reads ("The killings took place on Sunday evening") or the very next sentence telling an act by any
words, not as another event ("Two soldiers were killed when explosives were dropped ... early on Tuesday"). A day
between the act and a telling that trails it ("killed five people at the weekend, police said on Tuesday") is the
act's, however the parser hung it. A sentence with no date that tells its time against the act told before ("The
same night, drones struck a farm", "Hours later, ...": lexicon/dates.tsv ``same_time``) has that act's day, not the
last date named. A date from another sentence is inherited: it is then less sure.
"""
from __future__ import annotations

from dataclasses import replace

from ..article import Article, DateMention, EventMention, ReportDate
from ..events.actor_roles import VIOLENT_TYPES
from ..events.grievances import grievance_tokens
from ..events.report_dates import sentence_dates
from ..events.retold_places import definite_violence
from ..events.told_after import OTHER_EVENT
from ..lexicon import load_lexicon
from ..syntax import REACTION, SPEECH, governing_verb

SAME_TIME = load_lexicon("dates").pattern("same_time")  # "The same night, ...", "Hours later, ..."
PROTESTS = "Protests"
INHERIT_BACK = 3  # sentences a date may be inherited across, within the same or the previous paragraph


class EventDatesStage:
    name = "event_dates"
    requires = ("reports", "mentions", "dates", "sentences", "doc", "published")
    assigns = ("report_dates",)

    def __call__(self, article: Article) -> Article:
        dated = sentence_dates(article)
        found: dict[int, ReportDate] = {}
        for index in sorted(range(len(article.reports)), key=lambda i: article.reports[i].mention.trigger.start):
            mention = article.reports[index].mention
            told_before = [d.date for i, d in found.items() if d.date is not None and not d.date.background
                           and article.reports[i].mention.sentence < mention.sentence]
            date, inherited = self._date(article, mention, dated, told_before[-1] if told_before else None)
            found[index] = ReportDate(date, bool(inherited))
        article.report_dates = [found[i] for i in range(len(article.reports))]
        return article

    def _date(self, article: Article, mention: EventMention, by_sentence,
              act_before: DateMention | None) -> tuple[DateMention | None, bool]:
        """The mention's date and whether it came from another sentence (None: no date anywhere near). A sentence
        with no date of its own that tells its time against the act told before ("The same night, drones struck a
        farm", "Hours later, ...") has that act's day (``act_before``), not the last date named."""
        own = by_sentence.get(mention.sentence, [])
        if not own and act_before is not None and SAME_TIME.search(article.sentences[mention.sentence].span.text):
            return act_before, True
        if own:
            date, told_only = _closest_date(article, mention, own)
            if told_only:
                retold = _retold_date(article, mention, date, by_sentence)
                before = _before(article, mention, by_sentence) if retold is None else None
                if before is not None and before.precision == 1 and not before.background and (
                        _last_day(before) <= _last_day(date)):
                    retold = before  # "..., the prosecutor's office said in a statement on Sunday": the act's day
                    # is the one told before, not the statement's
                if retold is not None:
                    return retold, True
                if _identifies_its_doer(article, mention):
                    return replace(date, precision=3), True  # on or before the telling's day
            return date, told_only
        if mention.sub_event_type == "Agreement":
            # An agreement is often told twice: "agreed on a ceasefire" ... "the ceasefire declared on 10 October".
            for other in article.mentions:
                if other is not mention and other.sub_event_type == "Agreement" and by_sentence.get(other.sentence):
                    dated, _ = _closest_date(article, other, by_sentence[other.sentence])
                    if not dated.background:
                        return dated, True
        inherited = _before(article, mention, by_sentence)
        if inherited is not None:
            return inherited, True
        return _retold_date(article, mention, None, by_sentence) or _lead_date(article, mention, by_sentence), True


def _identifies_its_doer(article: Article, mention: EventMention) -> bool:
    """Whether the act is told in a relative clause on who did it, to say who they are ("The gunmen who abducted
    residents of Umaisha have demanded N150 million, relatives said on Friday"): an act before what the sentence
    tells, whose day the telling's day only bounds."""
    span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand") \
        if article.doc is not None else None
    return span is not None and span.root.dep_ == "relcl" and span.root.head.pos_ in ("NOUN", "PROPN") \
        and span.root.head.dep_ in ("nsubj", "nsubjpass")


def _before(article: Article, mention: EventMention, by_sentence) -> DateMention | None:
    """The date of the three sentences before the mention's, in its paragraph or the previous one."""
    sentence = article.sentences[mention.sentence]
    for back in range(1, INHERIT_BACK + 1):
        index = mention.sentence - back
        if index < 0 or article.sentences[index].paragraph < sentence.paragraph - 1:
            break
        if by_sentence.get(index):
            return _inherited(article, by_sentence[index])
    return None


def _inherited(article: Article, dates: list[DateMention]) -> DateMention:
    """The date a later sentence takes from this one: its last date that does not only date a telling ("Gunmen
    killed 11 people late on Saturday, residents said on Sunday. The attackers arrived at about 10 p.m.": Saturday),
    else its last."""
    doc = article.doc
    spans = [doc.char_span(d.span.start, d.span.end, alignment_mode="expand") for d in dates]
    kept = [d for d, span in zip(dates, spans) if span is None or not _told_by_speech(doc, span)]
    return (kept or dates)[-1]


def _told_by_speech(doc, span) -> bool:
    """A date right after a verb of saying that does not open its sentence ("..., residents and a youth leader
    said on Sunday", however the parser hangs the verb)."""
    if _right_after_speech(doc, span):
        return True
    verb = _word_before_day(doc, span)
    return verb is not None and verb.i > span.sent.start + 1 and verb.pos_ == "VERB" \
        and verb.lemma_.lower() in SPEECH and not any(c.dep_ == "mark" for c in verb.children)


def _retold_date(article: Article, mention: EventMention, told: DateMention | None,
                 by_sentence) -> DateMention | None:
    """The day a retelling in the sentences after it gives an event whose own sentence dates only the telling
    ("Gunmen killed five villagers, police said on Tuesday. The attack happened on Sunday night.") or gives no
    date with none before it ("The wife of a man fatally shot by police recorded ... The recording does not
    include a view of the shooting itself, which occurred Tuesday afternoon"). The retelling names the event ("the
    attack", of its type or another of political violence), dates itself (not a telling), and its day is on or
    before the telling's; else None."""
    sentence = article.sentences[mention.sentence]
    for other in sorted(article.mentions, key=lambda m: m.trigger.start):
        telling_on = _telling_on(article, mention, told, other)
        if other.trigger.start <= mention.trigger.start or not (other.reference or telling_on):
            continue
        if other.sentence - mention.sentence > INHERIT_BACK or \
                article.sentences[other.sentence].paragraph > sentence.paragraph + 1:
            break
        if other.sentence == mention.sentence or other.negated or other.hypothetical or other.habitual:
            continue
        if not (other.sub_event_type == mention.sub_event_type or telling_on
                or other.event_type in VIOLENT_TYPES and mention.event_type in VIOLENT_TYPES):
            continue
        dates = by_sentence.get(other.sentence)
        if not dates:
            continue
        dated, told_only = _closest_date(article, other, dates)
        if not told_only and not dated.background and (
                told is None or (dated.date_end or dated.date) <= (told.date_end or told.date)):
            return dated
    return _retold_by_noun(article, mention, told, by_sentence) if mention.event_type in VIOLENT_TYPES else None


def _telling_on(article: Article, mention: EventMention, told: DateMention | None, other: EventMention) -> bool:
    """Whether an act of violence told in the next sentence, by any words, tells on the act of violence a lead dates
    only by its telling ("The army said on Wednesday its troops had repelled an attack on a position in Ndop. ...
    "terrorists" had attacked the position on Monday morning"): not one a sentence tells as another ("Separately,
    ...", "In another attack, ...")."""
    return told is not None and mention.event_type in VIOLENT_TYPES and other.event_type != PROTESTS \
        and other.sentence == mention.sentence + 1 \
        and not OTHER_EVENT.match(article.sentences[other.sentence].span.text)


def _retold_by_noun(article: Article, mention: EventMention, told: DateMention | None,
                    by_sentence) -> DateMention | None:
    """The day a next sentence whose subject is a definite noun of violence no trigger rule reads gives the act
    ("Gunmen killed five villagers, police said. The killings took place on Sunday evening.")."""
    paragraph = article.sentences[mention.sentence].paragraph
    for index in range(mention.sentence + 1, min(len(article.sentences), mention.sentence + INHERIT_BACK + 1)):
        if article.sentences[index].paragraph > paragraph + 1:
            break
        if any(m.sentence == index and not m.reference for m in article.mentions):
            return None  # a sentence telling an act of its own: what follows is about that one
        if by_sentence.get(index) and definite_violence(article, index):
            dated = _inherited(article, by_sentence[index])
            if not dated.background and (told is None or _last_day(dated) <= _last_day(told)):
                return dated
    return None


def _last_day(date: DateMention):
    return date.date_end or date.date


def _lead_date(article: Article, mention: EventMention, by_sentence) -> DateMention | None:
    """The day the article's first dated event happened: what wire copy's later, undated paragraphs ("In
    Lagos, a separate march ...", "Hours earlier, ...") are told against, rather than the day it was filed. An
    event told after this one leads it only from the next sentences (as a retelling would: ``INHERIT_BACK``, this
    paragraph or the next): a rally "this spring" twelve paragraphs on does not date "the Dallas shootings"."""
    sentence = article.sentences[mention.sentence]
    for other in sorted(article.mentions, key=lambda m: m.trigger.start):
        if other.trigger.start > mention.trigger.start and (
                other.sentence - mention.sentence > INHERIT_BACK
                or article.sentences[other.sentence].paragraph > sentence.paragraph + 1):
            break
        dates = by_sentence.get(other.sentence)
        if not dates or other.negated or other.hypothetical:
            continue
        dated, told_only = _closest_date(article, other, dates)
        if not told_only and not dated.background:
            return dated
    return None


def _closest_date(article: Article, mention: EventMention, dates: list[DateMention]) -> tuple[DateMention, bool]:
    """The date of the mention's clause, else the nearest; and whether it only dates the telling ("officials
    said on Monday that ..."), which leaves the event's own day open."""
    doc = article.doc
    trigger = doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
    verb = governing_verb(trigger.root) if trigger is not None else None
    own_verbs = _conjoined(verb) if verb is not None else set()
    noun = trigger is not None and trigger.root.pos_ in ("NOUN", "PROPN")
    # an event noun that is what a telling or a reaction is about ("claimed responsibility on Wednesday for an
    # attack on a checkpoint", "condemned on Monday the killing of ..."): that verb's dates are the telling's
    telling_verb = noun and verb is not None and verb.lemma_.lower() in SPEECH | REACTION | ACCOUNTING
    claimed = _claimed_act(trigger.root) if trigger is not None and not noun else None
    grievance = grievance_tokens(article, mention)
    own, fronted, attached, told, in_phrase, other_days = [], [], [], [], [], []
    for date in dates:
        span = doc.char_span(date.span.start, date.span.end, alignment_mode="expand")
        if span is None:
            continue
        if span.root.i in grievance:
            other_days.append(date)  # "protesting against the killing of villagers on Saturday night": the killing's
            continue
        head = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if noun and _in_noun_phrase(span.root, trigger.root):
            in_phrase.append(date)  # "after a clash between two communities on Tuesday night": the noun's own day
            continue
        if _right_after_speech(doc, span):
            told.append(date)  # "police said on Tuesday gunmen had killed ...": however the parser hung it
            continue
        if head is not None and _dates_the_teller(head):
            told.append(date)  # "The statement, released late on Wednesday, said fighters had attacked ...": the
            continue  # day the statement came out, not the act's
        if span.start > 0 and doc[span.start - 1].lower_ in _DEADLINE:
            other_days.append(date)  # "ordered students to leave by Thursday noon": a deadline, nothing happened on it
            continue
        if claimed is not None and head is not None and head.i in own_verbs and span.start < claimed.i:
            told.append(date)  # "claimed responsibility on Monday for a suicide car bombing": the claim's day
            continue
        if telling_verb and head is not None and head.i in own_verbs:
            # before the noun the day is the telling's ("claimed on Wednesday the attack"); after the noun and
            # its phrase, the parser's attachment is a guess and the day the act's ("claimed the abduction of
            # four teachers in Kumbo on Thursday")
            (in_phrase if date.span.start > mention.trigger.end else told).append(date)
            continue
        if head is not None and head.i in own_verbs:
            own.append(date)
        elif _fronted(span):
            fronted.append(date)
        if verb is not None and any(a.i == verb.i for a in span.root.ancestors):
            attached.append(date)
        elif head is not None and head.lemma_.lower() in SPEECH and (verb is None or head.i != verb.i):
            # "Gunmen killed five people at the weekend, police said": a day between the act and a telling that
            # trails it is the act's, however the parser hung it
            (attached if trigger is not None and trigger.root.i < span.start
             and _trailing_telling(head, span, trigger)
             else told).append(date)
    # the date on the trigger's own verb; else the one that opens the sentence ("On 4 May 2020, ... protested
    # against its decision to hold elections in June": the opening date frames every clause, while a date deeper
    # down dates what its own clause names); else one anywhere below the trigger's verb; else any not dating the
    # telling
    # a day modifying the noun before it is the noun's for sure ("the weekend car bombing on Tuesday", "Sunday's
    # attack"); one after it may be the verb's, whatever the parser hung it on
    in_phrase = [d for d in in_phrase if d.span.end <= mention.trigger.start] or in_phrase
    candidates = in_phrase or own or fronted or attached or [d for d in dates if d not in told + other_days] or [
        d for d in dates if d not in other_days] or dates
    attached = in_phrase or own or fronted or attached
    best = min(candidates, key=lambda d: (d.precision, abs(d.span.start - mention.trigger.start)))
    return best, best in told and not attached


def _dates_the_teller(verb) -> bool:
    """Whether a date's verb only says when what tells the news came out: a participle or relative clause on the
    subject of a verb of saying ("The statement, released late on Wednesday, said ...", "A video that appeared on
    Sunday showed ...")."""
    subject = verb.head
    return verb.dep_ in ("acl", "relcl") and subject.dep_ in ("nsubj", "nsubjpass") \
        and subject.head.lemma_.lower() in SPEECH


_BEFORE_DAY = load_lexicon("dates").words("before_day")
_DEADLINE = load_lexicon("dates").words("deadline_word")
ACCOUNTING = load_lexicon("dates").words("account_verb")  # "gave details on Thursday of a clash on Monday"
CLAIMING = load_lexicon("referenced_events").words("claiming_verb")  # "claimed responsibility for ..."


def _claimed_act(verb):
    """The act a claim of responsibility names ("claimed responsibility for a suicide car bombing": "bombing"), when
    the trigger is the claiming verb itself; else None."""
    if verb.lemma_.lower() not in CLAIMING or not any(c.lower_ == "responsibility" for c in verb.children):
        return None
    return next((o for c in verb.subtree if c.dep_ == "prep" and c.lower_ == "for"
                 for o in c.children if o.dep_ == "pobj"), None)


def _trailing_telling(verb, span, trigger) -> bool:
    """Whether a verb of saying and its speaker come after the day ("..., police said"), and no other verb comes
    between the act and the day."""
    return span.end <= verb.i and any(c.dep_ == "nsubj" and c.i >= span.end for c in verb.children) and not any(
        t.pos_ in ("VERB", "AUX") for t in span.doc[trigger.end:span.start])


def _in_noun_phrase(token, noun) -> bool:
    """Whether the token hangs from the noun with no verb between ("a clash ... on Tuesday night") but the noun's own
    relative clause ("the drone attack that hit a building early on Saturday"), not through a clause of another
    noun ("a rally against the attack that took place on April 28": that day is the attack's)."""
    current = token
    while current.i != noun.i:
        if current.head.i == current.i:
            return False
        current = current.head
        if current.i != noun.i and current.pos_ in ("VERB", "AUX") and not (
                current.dep_ == "relcl" and current.head.i == noun.i):
            return False
    return True


def _conjoined(verb) -> set[int]:
    """The verb and the verbs it is conjoined with ("gathered ... and demonstrated")."""
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    found = {first.i}
    stack = [first]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i not in found:
                found.add(child.i)
                stack.append(child)
    return found


def _fronted(span) -> bool:
    """A date that opens its sentence and is set off by a comma ("On 4 May 2020, ...", "Late on Sunday, ...")."""
    sent = span.sent
    before = [t for t in sent[: span.start - sent.start] if not t.is_punct]
    return len(before) <= 2 and all(t.pos_ in ("ADP", "ADV", "DET") for t in before) \
        and span.end < sent.end and span.doc[span.end].text in (",", "(")


def _right_after_speech(doc, span) -> bool:
    """A date right after a verb of saying ("said on Tuesday", "said late on Monday") dates the telling, even when
    the parser hangs it on the reported clause ("said on Tuesday its troops had repelled ..."); a possessive
    ("said Sunday's attack ...") dates what it names, and "(as) reported on" with no one telling the event."""
    if span.end < len(doc) and doc[span.end].lower_ in ("'s", "’s"):
        return False
    verb = _word_before_day(doc, span)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in SPEECH:
        return False
    # "(As) reported on 2 May 2020, ...": a telling with no one telling; the day of the report stands for the
    # event's, as ACLED's notes write it
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _word_before_day(doc, span):
    """The word before a date and the words that lead into it ("said late on Monday": said), or None."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _BEFORE_DAY:
        i -= 1
    return doc[i] if i >= 0 else None
