"""Counts: how many were killed and injured, read conservatively as ACLED does.

A number counts as a toll only when the syntax ties it to a casualty word: "13 people died",
"killing 13", "the death toll rose to 13", "left 20 wounded". Vague quantities take ACLED's
conservative values ("dozens" 12, "tens" 10, "hundreds" 100, "several"/"many" 10); bounds keep their
direction ("more than 45" is at least 46, with no upper bound).
"""
from __future__ import annotations

import re

from ..article import Article, Count, CountMention

FATAL = {"kill", "die", "dead", "death", "fatality", "perish", "slay", "murder", "behead", "execute", "lynch",
         "massacre", "life", "body", "corpse", "killed"}
INJURED = {"injure", "wound", "hurt", "maim", "injury", "injured", "wounded"}
AMBIGUOUS = {"casualty"}
PERSON_NOUNS = {
    "people", "person", "civilian", "soldier", "troop", "serviceman", "servicemen", "militant", "fighter",
    "policeman", "policemen", "police", "officer", "child", "children", "woman", "women", "man", "men",
    "villager", "resident", "protester", "protestor", "demonstrator", "student", "worker", "member", "rebel",
    "insurgent", "attacker", "guard", "passenger", "worshipper", "other", "individual", "combatant", "jihadist",
    "gunman", "gunmen", "pilgrim", "migrant", "refugee", "farmer", "herder", "miner", "journalist", "doctor",
    "personnel", "fisherman", "fishermen", "teacher", "inmate", "prisoner", "hostage", "victim", "youth",
    "boy", "girl", "infant", "baby", "family", "militiaman", "militiamen", "assailant", "suspect", "bystander",
    "pedestrian", "driver", "patient", "employee", "volunteer", "staff", "crew", "sailor", "pilot",
}
VAGUE = {"dozens": 12, "dozen": 12, "tens": 10, "hundreds": 100, "thousands": 1000, "scores": 20,
         "several": 10, "many": 10, "numerous": 10, "multiple": 10}
WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "dozen": 12,
}
LOWER_STRICT = ("more than", "over", "upwards of", "in excess of")
LOWER_INCLUSIVE = ("at least", "a minimum of", "no fewer than", "no less than")
UPPER = ("up to", "as many as", "nearly", "almost", "fewer than", "less than", "under")
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated")
SKIP_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
BRIDGE_POS = {"DET", "ADJ", "AUX", "ADV", "PART", "NUM", "ADP", "PRON"}
# verbs that may stand between a number and its casualty word: "were shot dead", "were found dead"
BRIDGE_VERBS = {"shoot", "find", "confirm", "report", "beat", "hack", "stab", "burn", "gun", "feared", "fear",
                "believe", "leave", "shot", "found"}
TOLL_VERBS = {"rise", "reach", "climb", "stand", "increase", "jump", "hit", "be"}
_NONE_HURT = re.compile(
    r"\b(?:no(?:body| one|-one)? (?:was|were|has been|have been) (?:killed|hurt|injured|wounded|harmed)"
    r"|no (?:casualties|deaths|fatalities|injuries|victims)"
    r"|without (?:causing )?(?:any )?(?:casualties|injuries)"
    r"|caus(?:ed|ing) no (?:casualties|injuries|deaths))\b", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def number_value(tokens) -> int | None:
    """The value of a run of number tokens ("13", "1,200", "thirteen", "two dozen", "twenty-five")."""
    total, current = 0, 0
    for token in tokens:
        word = token.lower_.replace("-", " ")
        if _DIGITS.match(word):
            current += int(word.replace(",", ""))
            continue
        for part in word.split():
            if part not in WORDS:
                return None
            value = WORDS[part]
            if value in (100, 1000, 1_000_000, 12) and part != "twelve" and current:
                current *= value
                if value >= 1000:
                    total, current = total + current, 0
            else:
                current += value
    value = total + current
    return value or None


class CountsStage:
    name = "counts"
    requires = ("doc", "sentences")
    assigns = ("counts",)

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
            if first.ent_type_ in SKIP_ENTITIES or (last.i + 1 < sent.end and doc[last.i + 1].text in ("-", "%")):
                continue
            if first.lower_ in VAGUE:
                value = VAGUE[first.lower_]
            else:
                value = number_value(run)
            if value is None or value > 100_000:
                continue
            owner = last.head
            if owner.pos_ == "NOUN" and owner.i > last.i and not self._is_person_or_toll(owner):
                continue  # "40 houses", "300 vehicles": a number of things

            kind, tie = self._casualty_after(doc, last.i + 1, sent.end) or self._casualty_before(doc, first.i, sent.start) \
                or (None, None)
            if kind is None:
                continue
            count, start = self._bounded(doc, first, value, sent.start, vague=first.lower_ in VAGUE)
            lo = min(start, tie.idx)
            hi = max(last.idx + len(last.text), tie.idx + len(tie.text))
            results.append(CountMention(article.span(lo, hi), index, kind, count, tie.idx))
        results = self._sum_sides(article, results)
        tied = {c.tie for c in results}
        results += [c for c in self._single_victims(article, sent, index) if c.tie not in tied]
        results += self._none_hurt(article, sent, index, {c.kind for c in results})
        return results

    @staticmethod
    def _sum_sides(article: Article, counts: list[CountMention]) -> list[CountMention]:
        """'killing four soldiers and 31 militants': one toll, the sum of its parts (a bound stays a bound)."""
        by_tie: dict[tuple[str, int], list[CountMention]] = {}
        for count in counts:
            by_tie.setdefault((count.kind, count.tie), []).append(count)
        summed = []
        for (kind, tie), group in by_tie.items():
            close = max(c.span.start for c in group) - min(c.span.end for c in group) < 60
            if len(group) == 1 or tie < 0 or not close or any(c.count.high is None for c in group):
                summed.extend(group[:1] if len(group) > 1 and tie >= 0 else group)
                continue
            def total(values):
                return None if any(v is None for v in values) else sum(values)
            count = Count(total([c.count.low for c in group]), total([c.count.best for c in group]),
                          total([c.count.high for c in group]))
            start = min(c.span.start for c in group)
            end = max(c.span.end for c in group)
            summed.append(CountMention(article.span(start, end), group[0].sentence, kind, count, tie))
        return summed

    def _single_victims(self, article: Article, sent, index: int) -> list[CountMention]:
        """'a soldier and a rebel were killed', 'killing the driver': people named one by one, counted."""
        found = []
        for token in sent:
            kind = self._kind(token)
            if kind is None or token.pos_ != "VERB":
                continue
            victims = [c for c in token.children if c.dep_ == "nsubjpass"
                       or c.dep_ == "dobj" and token.tag_ in ("VBG", "VBD")
                       or c.dep_ == "nsubj" and token.lemma_.lower() == "die"]
            if len(victims) != 1:
                continue
            people = [victims[0], *victims[0].conjuncts]
            if not all(p.tag_ in ("NN", "NNP") and self._is_person_or_toll(p)
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
            kinds = ["injured"] if re.search(r"injur|hurt|wound", words) else \
                ["fatalities", "injured"] if "casualt" in words else ["fatalities"]
            start = sent.start_char + match.start()
            for kind in kinds:
                if kind not in known:
                    found.append(CountMention(article.span(start, start + len(match.group())), index, kind,
                                              Count(0, 0, 0), start))
        return found

    def _is_person_or_toll(self, token) -> bool:
        return (token.lemma_.lower() in PERSON_NOUNS or token.lower_ in PERSON_NOUNS or self._kind(token) is not None
                or token.lemma_.lower() in AMBIGUOUS or token.ent_type_ in ("NORP", "PERSON"))

    @staticmethod
    def _number_run(doc, i: int, end: int):
        token = doc[i]
        if token.lower_ in VAGUE and token.lower_ not in ("dozen",):
            return [token]
        if not token.like_num or token.lower_ in ("a", "an"):
            return []
        run = [token]
        j = i + 1
        while j < end and (doc[j].like_num or doc[j].lower_ in ("dozen", "hundred", "thousand")) \
                and doc[j].lower_ not in ("a", "an"):
            run.append(doc[j])
            j += 1
        return run

    @staticmethod
    def _kind(token) -> str | None:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in FATAL or lower in FATAL:
            if lemma == "life" and token.head.lemma_ != "lose":
                return None
            return "fatalities"
        if lemma in INJURED or lower in INJURED:
            return "injured"
        return None

    def _casualty_after(self, doc, start: int, end: int):
        """'13 people died', '45 people were injured', '13 dead', 'two soldiers killed'."""
        for j in range(start, min(start + 6, end)):
            token = doc[j]
            kind = self._kind(token)
            if kind:
                after = doc[j + 1] if j + 1 < end else None
                if after is not None and after.lower_ == "or" and j + 2 < end and self._kind(doc[j + 2]):
                    return None  # "killed or injured": no split between the two
                return kind, token
            if token.is_punct or token.like_num:
                return None
            noun_ok = token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in PERSON_NOUNS
                                                            or token.lower_ in PERSON_NOUNS
                                                            or token.ent_type_ in ("NORP", "PERSON"))
            if not (noun_ok or token.pos_ in BRIDGE_POS or token.lower_ in ("of",)
                    or token.pos_ == "VERB" and token.lemma_.lower() in BRIDGE_VERBS):
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
            if token.lower_ == "dead" and token.i > 0 and doc[token.i - 1].lemma_.lower() in BRIDGE_VERBS:
                return "fatalities", token  # "shot dead three protesters", "beat dead two men"
            if token.is_punct or token.pos_ == "SCONJ" or (
                    token.pos_ == "VERB" and token.lemma_.lower() not in TOLL_VERBS):
                return None
        return None

    @staticmethod
    def _bounded(doc, first, value: int, floor: int, *, vague: bool) -> tuple[Count, int]:
        before = doc[max(floor, first.i - 3):first.i]
        words = " ".join(t.lower_ for t in before)
        start = first.idx
        for phrases, make in (
            (LOWER_STRICT, lambda v: Count(v + 1, v + 1, None)),
            (LOWER_INCLUSIVE, lambda v: Count(v, v, None)),
            (UPPER, lambda v: Count(None, v, v)),
            (APPROX, lambda v: Count(None, v, None)),
        ):
            for phrase in phrases:
                if words.endswith(phrase):
                    offset = len(phrase.split())
                    return make(value), doc[first.i - offset].idx
        if vague:
            return Count(value, value, None), start
        return Count(value, value, value), start
