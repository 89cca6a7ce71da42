"""Counts: how many were killed and injured, read conservatively as ACLED does.

A number counts as a toll only when the syntax ties it to a casualty word: "13 people died", "killing 13",
"the death toll rose to 13", "left 20 wounded". Vague quantities take ACLED's conservative values ("dozens"
12, "tens" 10, "hundreds" 100, "several"/"many" 10); bounds keep their direction ("more than 45" is at least
46, with no upper bound); a range keeps both ends and takes its low end as best ("between 20 and 30 killed":
low 20, best 20, high 30). Groups told in one clause are summed ("five militants and one soldier were
killed": 6); a pronoun stands for the one person it names ("opened fire on a farmer, killing him": 1), and so
does the death an act led to ("leading to the death of a bystander": 1; not "protested over the death of"); a
breakdown in brackets does not cut a number from its verb ("6 villagers (3 men, 2 women and
1 boy) were killed": 6). People killed one by one are counted ("shot and killed a teacher", "a shopkeeper was beaten to
death"). A tally over a period ("2,500 civilians killed so far this year") is no event's toll and is left out.
A note that says how its toll was coded ("Fatalities coded as 0", "Total fatalities coded to 10") is read
as the coder says. The words and numbers of a toll are read by ``wirecoder.tolls`` (every word list is in
``lexicon/counts.tsv``).
"""
from __future__ import annotations

import re

from ..article import Article, Count, CountMention
from ..lexicon import Lexicon, load_lexicon
from ..tolls import DYING_VERBS, TollWords, in_name, names_time, part_of_toll, range_end

SKIP_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
_WORDS = load_lexicon("counts")


def _slot(name: str) -> str:
    return _WORDS.alternation(name, space=" ")


_NONE_HURT = re.compile(  # "no one was hurt", "no casualties", "neither deaths nor injuries", "caused no injuries"
    rf"\b(?:{_slot('none_subject')} {_slot('none_auxiliary')} {_slot('harm_participle')}"
    rf"|no {_slot('no_casualty_noun')}"
    rf"|(?:neither|no) {_slot('none_death_noun')} (?:n?or|and) {_slot('none_injury_noun')}"
    rf"|without (?:causing )?(?:any )?{_slot('caused_casualty_noun')}"
    rf"|caus(?:ed|ing) no {_slot('caused_no_noun')})\b", re.IGNORECASE)
_BOTH_KINDS = re.compile(rf"casualt|fatalit.*{_WORDS.alternation('wound_stem')}")  # "no casualties": both kinds
_INJURY = re.compile(_WORDS.alternation("wound_stem", "injury_stem"))  # "nobody was hurt": injuries only
_CODED = re.compile(r"\bfatalit(?:y|ies)\b[^.;()]{0,40}?\bcoded (?:as|to|at) (\d[\d,]*)\b"
                    r"|\bcoded (?:as|to) (\d[\d,]*) fatalit", re.IGNORECASE)
_SPLIT = re.compile(r"\bfatalit(?:y|ies) (?:are |were )?split (?:up )?(?:across|between|among) \w+ events? \((\d+)\)",
                    re.IGNORECASE)
_TOTAL = re.compile(r"^(?:total:? )?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) (?:fatalit(?:y|ies)|dead|deaths?)"
                    r"(?:,? (?:and )?\w+ (?:injured|wounded))?\s*(?:reported)?\.?$", re.IGNORECASE)


class CountsStage:
    name = "counts"
    requires = ("doc", "sentences", "places")
    assigns = ("counts",)

    def __init__(self, *, lexicon: Lexicon | None = None):
        self.words = TollWords(lexicon=lexicon)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        found: list[CountMention] = []
        for sentence in article.sentences:
            span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if span is not None:
                found.extend(self._sentence_counts(article, span, sentence.index))
        article.counts = found
        return article

    def _sentence_counts(self, article: Article, sent, index: int) -> list[CountMention]:
        coded = self._coded(article, sent, index)
        if coded is not None:
            return [coded]
        if self.words.is_tally(sent.text):
            return self._none_hurt(article, sent, index, set())
        results = []
        i = sent.start
        doc = sent.doc
        while i < sent.end:
            run = self.words.number_run(doc, i, sent.end)
            if not run:
                i += 1
                continue
            first, last = run[0], run[-1]
            i = last.i + 1
            if first.ent_type_ in SKIP_ENTITIES and names_time(doc, first) and not (
                    first.ent_type_ == "QUANTITY" and self.words.is_person_or_toll(last.head)):
                continue  # "5 km", "10 tons"; but "1 TMF fighter", which spaCy may take for a quantity, is people
            if last.i + 1 < sent.end and doc[last.i + 1].text in ("%",):
                continue
            value = self.words.vague[first.lower_] if first.lower_ in self.words.vague else self.words.number_value(run)
            high = None
            if last.i + 2 < sent.end and doc[last.i + 1].text in ("-", "–") and doc[last.i + 2].like_num:
                high = self.words.number_value([doc[last.i + 2]])  # "7-10 injured"
                last = doc[last.i + 2]
                i = last.i + 1
            if value is None or value > 100_000:
                continue
            if range_end(doc, first):
                continue  # the high end of "between 20 and 30": read with its low end
            if part_of_toll(doc, first, sent.start) or in_name(doc, first, sent.start):
                continue  # "killing 10, including 3 children", "(10 policemen and 9 civilians)", "Zona 12"
            owner = last.head
            if owner.pos_ == "NOUN" and owner.i > last.i and not self.words.is_person_or_toll(owner):
                continue  # "40 houses", "300 vehicles": a number of things
            upper = high or self.words.range_high(doc, last, sent.end)
            after = last.i + 1 if upper is None or high is not None else last.i + 3
            # "3 were arrested": its own clause; not "two suspected gang members", a participle before a noun
            subject = after < sent.end and doc[after].pos_ in ("AUX", "VERB") and doc[after].dep_ != "amod"
            kind, tie = self.words.casualty_after(doc, after, sent.end) or (
                None if subject else self.words.casualty_before(doc, first.i, sent.start)) or (
                self.words.toll_update(last)) or (None, None)
            if kind is None:
                continue
            count, start = self.words.bounded(doc, first, value, sent.start, vague=first.lower_ in self.words.vague)
            if upper is not None and upper > value:
                count = Count(value, value, upper)
            lo = min(start, tie.idx)
            hi = max(last.idx + len(last.text), tie.idx + len(tie.text))
            results.append(CountMention(article.span(lo, hi), index, kind, count, tie.idx))
        results = self._sum_sides(article, results, totals=self.words.toll_nouns | self.words.update_nouns)
        tied = {c.tie for c in results}
        results += [c for c in self._single_victims(article, sent, index) if c.tie not in tied]
        results += self._none_hurt(article, sent, index, {c.kind for c in results})
        return results

    def _coded(self, article: Article, sent, index: int) -> CountMention | None:
        """ "Fatalities coded as 0 (VoJ reported 1).", "Fatalities are split across 4 events (2).", "3 fatalities.":
        an analyst's note saying how its toll was coded, or a closing remark that gives the total."""
        match = _CODED.search(sent.text) or _SPLIT.search(sent.text)
        if match is None:
            match = _TOTAL.match(sent.text.strip())
            if match is None:
                return None
            value = self.words.number_value([t for t in sent if t.like_num][:1]) if not match.group(1).isdigit() \
                else int(match.group(1))
            if value is None:
                return None
            start = sent.start_char + sent.text.index(match.group(1))
            return CountMention(article.span(start, start + len(match.group(0).strip())), index, "fatalities",
                                Count(value, value, value), start, coded=True)
        value = int(next(g for g in match.groups() if g).replace(",", ""))
        start = sent.start_char + match.start()
        return CountMention(article.span(start, sent.start_char + match.end()), index, "fatalities",
                            Count(value, value, value), start, coded=True)

    @staticmethod
    def _sum_sides(article: Article, counts: list[CountMention], *, totals: frozenset[str]) -> list[CountMention]:
        """'killing four soldiers and 31 militants', '25 fighters and 6 military fatalities': one toll, the sum
        of its parts (a bound stays a bound); a toll told as a total ("civil society put the toll at 19", beside
        "the army said 21 rebels were killed") is another claim of the whole, never a part of one."""
        def total(count: CountMention) -> bool:
            word = article.doc.char_span(count.tie, count.tie + 1, alignment_mode="expand") if count.tie >= 0 else None
            return word is not None and word.root.lemma_.lower() in totals

        summed: list[CountMention] = []
        for kind in ("fatalities", "injured"):
            group = [c for c in counts if c.kind == kind]
            if len(group) <= 1:
                summed.extend(group)
                continue
            parts = [group[0]]
            for count in group[1:]:
                if count.tie == parts[-1].tie or count.span.start - parts[-1].span.end < 60 and not (
                        total(count) or total(parts[-1])):
                    parts.append(count)
                else:
                    summed.append(_total(article, parts))
                    parts = [count]
            summed.append(_total(article, parts))
        return sorted(summed, key=lambda c: c.span.start)

    def _single_victims(self, article: Article, sent, index: int) -> list[CountMention]:
        """'a soldier and a rebel were killed', 'killing the driver', 'shot and killed a teacher', 'a shopkeeper
        was beaten to death': people named one by one, counted."""
        found = []
        for token in sent:
            if token.pos_ == "NOUN" and token.lower_ in self.words.death_of:
                found.extend(self._death_of(article, token, index))
            if token.pos_ != "VERB":
                continue
            kind = self.words.kind(token)
            lemma = token.lemma_.lower()
            to_death = lemma in self.words.to_death and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                for c in token.children)
            shot_dead = lemma in self.words.to_death and any(c.lower_ == "dead" for c in token.children)
            was_found = lemma in self.words.found_verbs and token.tag_ == "VBN"
            found_dead = was_found and any(c.lower_ == "dead" for c in token.children)  # "a man was found dead"
            bodies = [c for c in token.children if c.dep_ == "nsubjpass" and c.tag_ == "NN"
                      and c.lemma_.lower() in self.words.remains
                      and not any(g.dep_ == "nummod" or g.like_num for g in c.children)] if was_found else []
            if bodies:  # "the body of a man was found": one dead for each body told
                n = len([bodies[0], *bodies[0].conjuncts])
                lo, hi = min(t.idx for t in bodies[0].subtree), token.idx + len(token.text)
                found.append(CountMention(article.span(lo, hi), index, "fatalities", Count(n, n, n), token.idx))
                continue
            if to_death or shot_dead or found_dead or lemma in self.words.killing_verbs:
                kind = "fatalities"
            if kind is None:
                continue
            verb = token
            if token.dep_ == "conj" and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
                verb = token.head  # "shot and killed a teacher": the object hangs on the first verb
            victims = [c for c in token.children if c.dep_ == "nsubjpass"
                       or c.dep_ == "dobj" and token.tag_ in ("VBG", "VBD", "VBZ", "VBP")
                       or c.dep_ == "nsubj" and lemma in DYING_VERBS]
            if not victims and verb is not token:
                victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            # "in Alagoinha, Pernambuco, a man was killed": the parser's (other) subject may be a place or a date
            victims = [v for v in victims if not _a_place(article, v) and v.ent_type_ not in ("DATE", "TIME")]
            if not victims and token.tag_ == "VBN":
                victims = _word_before_passive(token)  # "Santa Catarina, a drug trafficker was killed": the parser
                # hung the subject on the place as an apposition
            if len(victims) != 1:
                continue
            people = [victims[0], *victims[0].conjuncts]
            if not all(p.tag_ in ("NN", "NNP") and self.words.could_be_person(p)
                       and not any(c.dep_ == "nummod" for c in p.children) for p in people) and not (
                    len(people) == 1 and people[0].tag_ == "PRP" and people[0].lower_ in self.words.victim_pronouns):
                continue  # "killing him": the one person the sentence told of
            # the victims' words and the verb, not the verb's whole clause ("a man was killed", "killed a teacher")
            lo = min([token.idx] + [min(t.idx for t in p.subtree) for p in people])
            hi = max([token.idx + len(token)] + [max(t.idx + len(t) for t in p.subtree) for p in people])
            n = len(people)
            found.append(CountMention(article.span(lo, hi), index, kind, Count(n, n, n), token.idx))
        return found

    def _death_of(self, article: Article, token, index: int) -> list[CountMention]:
        """'leading to the death of one demonstrator', 'resulted in the death of the commander': one death, the
        person its "of" names, when the act led to it (no number before it: "the deaths of 3 civilians" is read as
        a number)."""
        result = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else None
        if result is None or result.lemma_.lower() not in self.words.death_results:
            return []  # "protested over the death of a nurse": the death that set it off, no toll of its own
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        person = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if person is None or person.tag_ not in ("NN", "NNP") or not self.words.could_be_person(person) or any(
                c.dep_ == "nummod" and self.words.number_value([c]) != 1 for c in person.children) or person.conjuncts:
            return []
        end = max(t.idx + len(t) for t in person.subtree)
        return [CountMention(article.span(token.idx, end), index, "fatalities", Count(1, 1, 1), token.idx)]

    @staticmethod
    def _none_hurt(article: Article, sent, index: int, known: set[str]) -> list[CountMention]:
        """'no casualties were reported', 'no one was hurt': a toll of zero, which ACLED records as 0."""
        found = []
        for match in _NONE_HURT.finditer(sent.text):
            words = match.group().lower()
            kinds = ["fatalities", "injured"] if _BOTH_KINDS.search(words) else \
                ["injured"] if _INJURY.search(words) else ["fatalities"]
            start = sent.start_char + match.start()
            for kind in kinds:
                if kind not in known:
                    found.append(CountMention(article.span(start, start + len(match.group())), index, kind,
                                              Count(0, 0, 0), start))
        return found


def _word_before_passive(verb) -> list:
    """The noun right before a passive verb's auxiliary ("a drug trafficker was killed"), when the parser gave the
    verb no subject."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if aux is None or aux.i == 0:
        return []
    before = verb.doc[aux.i - 1]
    return [before] if before.tag_ in ("NN", "NNP") and before.dep_ in ("appos", "conj", "nsubj") else []


def _a_place(article: Article, token) -> bool:
    """Whether a word is a place's name (a geoparsed place, or what the parser calls one)."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") or any(
        p.span.start <= token.idx < p.span.end for p in article.places)


def _total(article: Article, group: list[CountMention]) -> CountMention:
    if len(group) == 1:
        return group[0]

    def total(values):
        return None if any(v is None for v in values) else sum(values)

    count = Count(total([c.count.low for c in group]), total([c.count.best for c in group]),
                  total([c.count.high for c in group]))
    start = min(c.span.start for c in group)
    end = max(c.span.end for c in group)
    return CountMention(article.span(start, end), group[0].sentence, group[0].kind, count, group[0].tie)
