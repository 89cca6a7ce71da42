"""Counts: how many were killed and injured, read conservatively as ACLED does.

A number counts as a toll only when the syntax ties it to a casualty word: "13 people died", "killing 13",
"the death toll rose to 13", "left 20 wounded". Vague quantities take ACLED's conservative values ("dozens"
12, "tens" 10, "hundreds" 100, "several"/"many" 10); bounds keep their direction ("more than 45" is at least
46, with no upper bound); a range keeps both ends and takes its low end as best ("between 20 and 30 killed":
low 20, best 20, high 30). Groups told in one clause are summed ("five militants and one soldier were
killed": 6). People killed one by one are counted ("shot and killed a teacher", "a shopkeeper was beaten to
death"). A tally over a period ("2,500 civilians killed so far this year") is no event's toll and is left out.
A note that says how its toll was coded ("Fatalities coded as 0", "Total fatalities coded to 10") is read
as the coder says. Every word list is in ``lexicon/counts.tsv``.
"""
from __future__ import annotations

import re

from ..article import Article, Count, CountMention
from ..lexicon import Lexicon, load_lexicon

SKIP_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
BRIDGE_POS = {"DET", "ADJ", "AUX", "ADV", "PART", "NUM", "ADP", "PRON"}
_NONE_HURT = re.compile(
    r"\b(?:no(?:body| one|-one)? (?:was|were|has been|have been) (?:killed|hurt|injured|wounded|harmed)"
    r"|no (?:casualties|deaths|fatalities|injuries|victims)"
    r"|(?:neither|no) (?:fatalities|casualties|deaths) (?:n?or|and) (?:injuries|injured)"
    r"|without (?:causing )?(?:any )?(?:casualties|injuries)"
    r"|caus(?:ed|ing) no (?:casualties|injuries|deaths))\b", re.IGNORECASE)
_CODED = re.compile(r"\bfatalit(?:y|ies)\b[^.;()]{0,40}?\bcoded (?:as|to|at) (\d[\d,]*)\b"
                    r"|\bcoded (?:as|to) (\d[\d,]*) fatalit", re.IGNORECASE)
_SPLIT = re.compile(r"\bfatalit(?:y|ies) (?:are |were )?split (?:up )?(?:across|between|among) \w+ events? \((\d+)\)",
                    re.IGNORECASE)
_TOTAL = re.compile(r"^(?:total:? )?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten) (?:fatalit(?:y|ies)|dead|deaths?)"
                    r"(?:,? (?:and )?\w+ (?:injured|wounded))?\s*(?:reported)?\.?$", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")
_RANGE = re.compile(r"^(\d+)\s*[-–]\s*(\d+)$")


class CountsStage:
    name = "counts"
    requires = ("doc", "sentences")
    assigns = ("counts",)

    def __init__(self, *, lexicon: Lexicon | None = None):
        words = lexicon if lexicon is not None else load_lexicon("counts")
        self.fatal = words.words("fatal_words")
        self.injured = words.words("injured_words")
        self.ambiguous = words.words("ambiguous_words")
        self.persons = words.words("person_nouns")
        self.things = words.words("thing_nouns")
        self.vague = words.numbers("vague_quantities")
        self.numbers = words.numbers("number_words")
        self.bounds = ((words.words("lower_strict"), "strict"), (words.words("lower_inclusive"), "inclusive"),
                       (words.words("upper_bound"), "upper"), (words.words("approximate"), "approx"))
        self.bridge_verbs = words.words("bridge_verbs")
        self.toll_verbs = words.words("toll_verbs")
        self.killing_verbs = words.words("killing_verbs")
        self.to_death = words.words("to_death_verbs")
        self.tallies = tuple(sorted(words.words("tally_phrases")))

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        found: list[CountMention] = []
        for sentence in article.sentences:
            span = doc.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
            if span is not None:
                found.extend(self._sentence_counts(article, span, sentence.index))
        article.counts = found
        return article

    # -- numbers ----------------------------------------------------------------------------------
    def number_value(self, tokens) -> int | None:
        """The value of a run of number tokens ("13", "1,200", "thirteen", "two dozen", "twenty-three")."""
        total, current = 0, 0
        for token in tokens:
            word = token.lower_.replace("-", " ")
            if _DIGITS.match(word):
                current += int(word.replace(",", ""))
                continue
            for part in word.split():
                if part not in self.numbers:
                    return None
                value = self.numbers[part]
                if value in (100, 1000, 1_000_000, 12) and part != "twelve" and current:
                    current *= value
                    if value >= 1000:
                        total, current = total + current, 0
                else:
                    current += value
        value = total + current
        return value or None

    def _number_run(self, doc, i: int, end: int):
        token = doc[i]
        if token.lower_ in self.vague and token.lower_ != "dozen":
            return [token]
        if not token.like_num or token.lower_ in ("a", "an"):
            return []
        run = [token]
        j = i + 1
        while j < end:
            nxt = doc[j]
            if nxt.text == "-" and j + 1 < end and doc[j + 1].like_num and not doc[j + 1].is_digit \
                    and not token.is_digit:
                run.append(doc[j + 1])  # "twenty-three" cut into three tokens
                j += 2
                continue
            if (nxt.like_num or nxt.lower_ in ("dozen", "hundred", "thousand")) and nxt.lower_ not in ("a", "an") \
                    and not (nxt.is_digit and run[-1].is_digit):
                run.append(nxt)
                j += 1
                continue
            break
        return run

    # -- one sentence -----------------------------------------------------------------------------
    def _sentence_counts(self, article: Article, sent, index: int) -> list[CountMention]:
        coded = self._coded(article, sent, index)
        if coded is not None:
            return [coded]
        if self._is_tally(sent.text):
            return self._none_hurt(article, sent, index, set())
        results = []
        i = sent.start
        doc = sent.doc
        while i < sent.end:
            run = self._number_run(doc, i, sent.end)
            if not run:
                i += 1
                continue
            first, last = run[0], run[-1]
            i = last.i + 1
            if first.ent_type_ in SKIP_ENTITIES and self._names_time(doc, first):
                continue
            if last.i + 1 < sent.end and doc[last.i + 1].text in ("%",):
                continue
            value = self.vague[first.lower_] if first.lower_ in self.vague else self.number_value(run)
            high = None
            if last.i + 2 < sent.end and doc[last.i + 1].text in ("-", "–") and doc[last.i + 2].like_num:
                high = self.number_value([doc[last.i + 2]])  # "7-10 injured"
                last = doc[last.i + 2]
                i = last.i + 1
            if value is None or value > 100_000:
                continue
            if self._range_end(doc, first):
                continue  # the high end of "between 20 and 30": read with its low end
            if self._part_of_toll(doc, first, sent.start) or self._in_name(doc, first, sent.start):
                continue  # "killing 10, including 3 children", "(10 policemen and 9 civilians)", "Zona 12"
            owner = last.head
            if owner.pos_ == "NOUN" and owner.i > last.i and not self._is_person_or_toll(owner):
                continue  # "40 houses", "300 vehicles": a number of things
            upper = high or self._range_high(doc, last, sent.end)
            after = last.i + 1 if upper is None or high is not None else last.i + 3
            subject = after < sent.end and doc[after].pos_ in ("AUX", "VERB")  # "3 were arrested": its own clause
            kind, tie = self._casualty_after(doc, after, sent.end) or (
                None if subject else self._casualty_before(doc, first.i, sent.start)) or (None, None)
            if kind is None:
                continue
            count, start = self._bounded(doc, first, value, sent.start, vague=first.lower_ in self.vague)
            if upper is not None and upper > value:
                count = Count(value, value, upper)
            lo = min(start, tie.idx)
            hi = max(last.idx + len(last.text), tie.idx + len(tie.text))
            results.append(CountMention(article.span(lo, hi), index, kind, count, tie.idx))
        results = self._sum_sides(article, results)
        tied = {c.tie for c in results}
        results += [c for c in self._single_victims(article, sent, index) if c.tie not in tied]
        results += self._none_hurt(article, sent, index, {c.kind for c in results})
        return results

    @staticmethod
    def _part_of_toll(doc, token, floor: int) -> bool:
        """A number that breaks down a toll told already: after "including" or "among them", or in brackets."""
        if any(t.lower_ in ("including", "among", "whom", "incl") for t in doc[max(floor, token.i - 3):token.i]):
            return True
        if any(a.lower_ in ("including", "among") for a in list(token.ancestors)[:4]):
            return True
        opened = [t.i for t in doc[floor:token.i] if t.text == "("]
        closed = [t.i for t in doc[floor:token.i] if t.text == ")"]
        return bool(opened) and (not closed or max(opened) > max(closed))

    @staticmethod
    def _in_name(doc, token, floor: int) -> bool:
        """A number that is part of a name ("Zona 12", "Colonia 5 de Mayo", "Mine 6"): right after a capitalised
        word that does not open the sentence."""
        if token.i - 1 < floor + 1:
            return False
        before = doc[token.i - 1]
        return before.is_title and before.pos_ == "PROPN" and before.i > floor

    @staticmethod
    def _names_time(doc, token) -> bool:
        """A number inside a date, time, percentage or sum, as opposed to a count spaCy took for a date
        ("between 20 and 30 people")."""
        if token.ent_type_ != "DATE":
            return True
        entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if entity is None or len(token.text) == 4 and token.is_digit:
            return True
        return any(t.is_alpha and t.lower_ not in ("between", "and", "to", "some", "about", "around", "over")
                   for t in entity) or entity.end < len(doc) and doc[entity.end].lemma_.lower() in (
                       "year", "day", "month", "week", "hour", "minute", "ago")

    def _is_tally(self, text: str) -> bool:
        lowered = text.casefold()
        return any(phrase in lowered for phrase in self.tallies)

    def _coded(self, article: Article, sent, index: int) -> CountMention | None:
        """ "Fatalities coded as 0 (VoJ reported 1).", "Fatalities are split across 4 events (2).", "3 fatalities.":
        an analyst's note saying how its toll was coded, or a closing remark that gives the total."""
        match = _CODED.search(sent.text) or _SPLIT.search(sent.text)
        if match is None:
            match = _TOTAL.match(sent.text.strip())
            if match is None:
                return None
            value = self.number_value([t for t in sent if t.like_num][:1]) if not match.group(1).isdigit() \
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
    def _range_end(doc, token) -> bool:
        """The second number of "between 20 and 30" or "2 to 4"."""
        i = token.i
        if i >= 2 and doc[i - 1].lower_ in ("and", "to") and doc[i - 2].like_num:
            return i >= 3 and doc[i - 3].lower_ == "between" or doc[i - 1].lower_ == "to"
        return False

    def _range_high(self, doc, last, end: int) -> int | None:
        j = last.i + 1
        if j + 1 < end and doc[j].lower_ in ("and", "to") and doc[j + 1].like_num and (
                doc[j].lower_ == "to" or last.i >= 1 and doc[last.i - 1].lower_ == "between"):
            return self.number_value([doc[j + 1]])
        return None

    @staticmethod
    def _sum_sides(article: Article, counts: list[CountMention]) -> list[CountMention]:
        """'killing four soldiers and 31 militants', '25 fighters and 6 military fatalities': one toll, the sum
        of its parts (a bound stays a bound)."""
        summed: list[CountMention] = []
        for kind in ("fatalities", "injured"):
            group = [c for c in counts if c.kind == kind]
            if len(group) <= 1:
                summed.extend(group)
                continue
            parts = [group[0]]
            for count in group[1:]:
                if count.span.start - parts[-1].span.end < 60 and count.tie != parts[-1].tie or count.tie == parts[-1].tie:
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
            if token.pos_ != "VERB":
                continue
            kind = self._kind(token)
            lemma = token.lemma_.lower()
            to_death = lemma in self.to_death and any(
                c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                for c in token.children)
            shot_dead = lemma in self.to_death and any(c.lower_ == "dead" for c in token.children)
            if to_death or shot_dead or lemma in self.killing_verbs:
                kind = "fatalities"
            if kind is None:
                continue
            verb = token
            if token.dep_ == "conj" and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
                verb = token.head  # "shot and killed a teacher": the object hangs on the first verb
            victims = [c for c in token.children if c.dep_ == "nsubjpass"
                       or c.dep_ == "dobj" and token.tag_ in ("VBG", "VBD", "VBZ", "VBP")
                       or c.dep_ == "nsubj" and lemma in ("die", "perish")]
            if not victims and verb is not token:
                victims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if len(victims) != 1:
                continue
            people = [victims[0], *victims[0].conjuncts]
            if not all(p.tag_ in ("NN", "NNP") and self._could_be_person(p)
                       and not any(c.dep_ == "nummod" for c in p.children) for p in people):
                continue
            lo = min(min(t.idx for t in p.subtree) for p in people + [token])
            hi = max(max(t.idx + len(t) for t in p.subtree) for p in people + [token])
            n = len(people)
            found.append(CountMention(article.span(lo, hi), index, kind, Count(n, n, n), token.idx))
        return found

    @staticmethod
    def _none_hurt(article: Article, sent, index: int, known: set[str]) -> list[CountMention]:
        """'no casualties were reported', 'no one was hurt': a toll of zero, which ACLED records as 0."""
        found = []
        for match in _NONE_HURT.finditer(sent.text):
            words = match.group().lower()
            kinds = ["fatalities", "injured"] if re.search(r"casualt|fatalit.*(?:injur|wound)", words) else \
                ["injured"] if re.search(r"injur|hurt|wound", words) else ["fatalities"]
            start = sent.start_char + match.start()
            for kind in kinds:
                if kind not in known:
                    found.append(CountMention(article.span(start, start + len(match.group())), index, kind,
                                              Count(0, 0, 0), start))
        return found

    # -- words ------------------------------------------------------------------------------------
    def _could_be_person(self, token) -> bool:
        """A singular noun killed or wounded is a person unless it is a thing ("a house", "the vehicle")."""
        lemma = token.lemma_.lower()
        if lemma in ("nobody", "none", "anyone", "anybody", "everyone", "everybody", "one") or any(
                c.dep_ == "det" and c.lower_ in ("no", "any", "every") for c in token.children):
            return False  # "nobody was hurt", "no civilian was killed": a toll of none, read apart
        if token.pos_ == "PROPN":
            return token.ent_type_ in ("PERSON", "NORP", "")
        return lemma not in self.things and token.lower_ not in self.things

    def _is_person_or_toll(self, token) -> bool:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.persons or lower in self.persons or self._kind(token) is not None \
                or lemma in self.ambiguous or token.ent_type_ in ("NORP", "PERSON"):
            return True
        return token.tag_ == "NNS" and lemma not in self.things and lower not in self.things

    def _kind(self, token) -> str | None:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.fatal or lower in self.fatal:
            if lemma == "life" and token.head.lemma_ != "lose":
                return None
            return "fatalities"
        if lemma in self.injured or lower in self.injured:
            return "injured"
        return None

    def _casualty_after(self, doc, start: int, end: int):
        """'13 people died', '45 people were injured', '13 dead', 'two soldiers killed'."""
        for j in range(start, min(start + 10, end)):
            token = doc[j]
            kind = self._kind(token)
            if kind:
                after = doc[j + 1] if j + 1 < end else None
                if after is not None and after.lower_ == "or" and j + 2 < end and self._kind(doc[j + 2]):
                    return None  # "killed or injured": no split between the two
                return kind, token
            if token.lower_ in ("and", "as") and j + 1 < end and (doc[j + 1].like_num or doc[j + 1].lower_ in (
                    "well", "a", "an")):
                continue  # "five militants and one soldier were killed": the toll is told after the last group
            if token.is_punct or token.like_num:
                if token.like_num and j > start and doc[j - 1].lower_ in ("and", "as", "a", "an", "well"):
                    continue
                return None
            noun_ok = token.pos_ == "PROPN" or token.pos_ == "NOUN" and (
                self._is_person_or_toll(token) or token.dep_ == "compound")
            if not (noun_ok or token.pos_ in BRIDGE_POS or token.lower_ in ("of",)
                    or token.pos_ == "VERB" and token.lemma_.lower() in self.bridge_verbs):
                return None
            if token.pos_ == "ADP" and token.lower_ not in ("of",):
                return None
        return None

    def _casualty_before(self, doc, start: int, floor: int):
        """'killing 13', 'killed 13 people', 'the death toll rose to 13', 'injuring at least 30'."""
        for token in reversed(doc[max(floor, start - 6):start]):
            if token.lemma_.lower() == "toll":
                return "fatalities", token
            kind = self._kind(token)
            if kind and (token.pos_ == "VERB" or token.lower_.endswith("ing")):
                return kind, token
            if token.lower_ == "dead" and token.i > 0 and doc[token.i - 1].lemma_.lower() in self.bridge_verbs:
                return "fatalities", token  # "shot dead three protesters", "beat dead two men"
            if token.is_punct or token.pos_ == "SCONJ" or token.lower_ == "by" or (
                    token.pos_ == "VERB" and token.lemma_.lower() not in self.toll_verbs):
                return None  # "killed in a house by several armed men": the attackers, not a toll
        return None

    def _bounded(self, doc, first, value: int, floor: int, *, vague: bool) -> tuple[Count, int]:
        before = doc[max(floor, first.i - 3):first.i]
        words = " ".join(t.lower_ for t in before)
        start = first.idx
        makers = {"strict": lambda v: Count(v + 1, v + 1, None), "inclusive": lambda v: Count(v, v, None),
                  "upper": lambda v: Count(None, v, v), "approx": lambda v: Count(None, v, None)}
        for phrases, how in self.bounds:
            for phrase in sorted(phrases, key=len, reverse=True):
                if words == phrase or words.endswith(" " + phrase):
                    offset = len(phrase.split())
                    return makers[how](value), doc[first.i - offset].idx
        if vague:
            return Count(value, value, None), start
        return Count(value, value, value), start


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
