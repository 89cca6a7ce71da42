"""The words and numbers of a toll: the value of a number ("1,200", "thirteen", "two dozen"), ACLED's
conservative values of vague quantities ("dozens" 12), bounds ("more than 45" is at least 46), the words of death
and injury, the nouns of people and of things, and the syntax that ties a number to them. The counts stage
(stages/counts.py) reads tolls with them; every word list is in ``lexicon/counts.tsv``.
"""
from __future__ import annotations

import re

from .article import Count
from .lexicon import Lexicon, load_lexicon

BRIDGE_POS = {"DET", "ADJ", "AUX", "ADV", "PART", "NUM", "ADP", "PRON"}
_WORDS = load_lexicon("counts")
SCALE_WORDS = _WORDS.words("scale_word")  # "two dozen", "three hundred": a number run goes on
NOBODY = _WORDS.words("nobody")  # "nobody was hurt": a toll of none, read apart
NOBODY_DETERMINERS = _WORDS.words("nobody_determiner")  # "no civilian was killed"
BREAKDOWN_WORDS = _WORDS.words("breakdown_word")  # "killing 10, including 3 children": a part of a toll told
BREAKDOWN_HEADS = _WORDS.words("breakdown_head")
COUNT_IN_DATE_WORDS = _WORDS.words("count_in_date_word")  # "between 20 and 30 people", taken for a date
TIME_UNITS = _WORDS.words("time_unit")  # "20 years", "3 days ago": a number of a time
RANGE_JOINERS = _WORDS.words("range_joiner")  # "between 20 and 30", "2 to 4"
UPDATE_PREPOSITIONS = _WORDS.words("toll_update_preposition")  # "rose to 59", "stood at 12"
GROUP_JOINERS = _WORDS.words("group_joiner")  # "five militants and one soldier", "... as well as"
GROUP_JOINER_NEXT = _WORDS.words("group_joiner_next")  # "and a soldier", "as well as"
_GROUP_WORDS = GROUP_JOINERS | GROUP_JOINER_NEXT
DYING_VERBS = _WORDS.words("dying_verb")  # "13 people died": the subject is the toll
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


class TollWords:
    """The counts lexicon, and what it tells of tokens."""

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
        self.toll_nouns = words.words("toll_nouns")
        self.update_nouns = words.words("update_nouns")
        self.killing_verbs = words.words("killing_verbs")
        self.to_death = words.words("to_death_verbs")
        self.found_verbs = words.words("found_verbs")
        self.remains = words.words("remains_nouns")
        self.victim_pronouns = words.words("victim_pronoun")
        self.death_of = words.words("death_of_noun")
        self.death_results = words.words("death_result_verb")
        self.tallies = tuple(sorted(words.words("tally_phrases")))

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

    def number_run(self, doc, i: int, end: int):
        token = doc[i]
        if token.lower_ in self.vague and token.lower_ != "dozen":
            counted = doc[i + 2] if i + 2 < end and doc[i + 1].lower_ == "of" else None
            if counted is not None and (counted.lemma_.lower() in self.things or counted.lower_ in self.things):
                return []  # "four herders and scores of cattle": the cattle are no toll
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
            if (nxt.like_num or nxt.lower_ in SCALE_WORDS) and nxt.lower_ not in ("a", "an") \
                    and not (nxt.is_digit and run[-1].is_digit):
                run.append(nxt)
                j += 1
                continue
            break
        return run

    def is_tally(self, text: str) -> bool:
        lowered = text.casefold()
        return any(phrase in lowered for phrase in self.tallies)

    def range_high(self, doc, last, end: int) -> int | None:
        j = last.i + 1
        if j + 1 < end and doc[j].lower_ in RANGE_JOINERS and doc[j + 1].like_num and (
                doc[j].lower_ == "to" or last.i >= 1 and doc[last.i - 1].lower_ == "between"):
            return self.number_value([doc[j + 1]])
        return None

    def could_be_person(self, token) -> bool:
        """A singular noun killed or wounded is a person unless it is a thing ("a house", "the vehicle")."""
        lemma = token.lemma_.lower()
        if lemma in NOBODY or any(
                c.dep_ == "det" and c.lower_ in NOBODY_DETERMINERS for c in token.children):
            return False  # "nobody was hurt", "no civilian was killed": a toll of none, read apart
        if token.pos_ == "PROPN":
            return token.ent_type_ in ("PERSON", "NORP", "")
        return lemma not in self.things and token.lower_ not in self.things

    def is_person_or_toll(self, token) -> bool:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.persons or lower in self.persons or self.kind(token) is not None \
                or lemma in self.ambiguous or token.ent_type_ in ("NORP", "PERSON"):
            return True
        return token.tag_ == "NNS" and lemma not in self.things and lower not in self.things

    def kind(self, token) -> str | None:
        lemma, lower = token.lemma_.lower(), token.lower_
        if lemma in self.fatal or lower in self.fatal:
            if lemma == "life" and token.head.lemma_ != "lose":
                return None
            return "fatalities"
        if lemma in self.injured or lower in self.injured:
            return "injured"
        return None

    def casualty_after(self, doc, start: int, end: int):
        """'13 people died', '45 people were injured', '13 dead', 'two soldiers killed'."""
        for j in range(start, min(start + 10, end)):
            token = doc[j]
            kind = self.kind(token)
            if kind:
                after = doc[j + 1] if j + 1 < end else None
                if after is not None and after.lower_ == "or" and j + 2 < end and self.kind(doc[j + 2]):
                    return None  # "killed or injured": no split between the two
                return kind, token
            if token.lower_ in GROUP_JOINERS and j + 1 < end and (doc[j + 1].like_num or doc[j + 1].lower_ in
                                                                  GROUP_JOINER_NEXT):
                continue  # "five militants and one soldier were killed": the toll is told after the last group
            if token.lower_ == "and" and j + 1 < end and doc[j + 1].pos_ == "VERB" and _passive(doc[j - 1]) or (
                    _passive(token) and j + 2 < end and doc[j + 1].lower_ == "and" and self.kind(doc[j + 2])):
                continue  # "2 soldiers were shot and killed", "were abducted and killed": passive verbs of one
                # subject (not "two militants shot and killed a civilian": the number is who did it)
            if token.text == "(" and j > start:  # "6 villagers (3 men, 2 women and 1 boy) were killed"
                close = next((k for k in range(j + 1, min(j + 16, end)) if doc[k].text == ")"), None)
                if close is not None:
                    return self.casualty_after(doc, close + 1, end) if close + 1 < end else None
            if token.is_punct or token.like_num:
                if token.like_num and j > start and doc[j - 1].lower_ in _GROUP_WORDS:
                    continue
                return None
            noun_ok = token.pos_ == "PROPN" or token.pos_ == "NOUN" and (
                self.is_person_or_toll(token) or token.dep_ == "compound")
            if not (noun_ok or token.pos_ in BRIDGE_POS or token.lower_ in ("of",)
                    or token.pos_ == "VERB" and token.lemma_.lower() in self.bridge_verbs):
                return None
            if token.pos_ == "ADP" and token.lower_ not in ("of",):
                return None
        return None

    def casualty_before(self, doc, start: int, floor: int):
        """'killing 13', 'killed 13 people', 'the death toll rose to 13', 'injuring at least 30'."""
        for token in reversed(doc[max(floor, start - 6):start]):
            if token.lemma_.lower() == "toll":
                return "fatalities", token
            kind = self.kind(token)
            if kind and (token.pos_ == "VERB" or token.lower_.endswith("ing")):
                return kind, token
            if token.lower_ == "of" and token.i > 0 and doc[token.i - 1].lemma_.lower() in self.remains:
                return "fatalities", doc[token.i - 1]  # "the bodies of 2 civilians", "the corpses of around thirty"
            if token.lower_ == "dead" and token.i > 0 and doc[token.i - 1].lemma_.lower() in self.bridge_verbs:
                return "fatalities", token  # "shot dead three protesters", "beat dead two men"
            if token.is_punct or token.pos_ == "SCONJ" or token.lower_ == "by" or (
                    token.pos_ == "VERB" and token.lemma_.lower() not in self.toll_verbs):
                return None  # "killed in a house by several armed men": the attackers, not a toll
        return None

    def toll_update(self, number):
        """A toll told as it changes, however long its subject: "the death toll from Monday's suicide bombing at a
        mosque in Peshawar rose to 59", "the number of people killed in the attack has risen to 100", "the toll
        stood at 12": the number is what a toll verb rises to (or reaches), and the verb's subject is a toll, or a
        number of the dead or wounded. The kind and the word that ties it, or None."""
        if number.dep_ == "pobj" and number.head.lower_ in UPDATE_PREPOSITIONS and number.head.dep_ == "prep":
            verb = number.head.head
        elif number.dep_ in ("dobj", "attr"):
            verb = number.head
        else:
            return None
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in self.toll_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return None
        if subject.lemma_.lower() in self.toll_nouns:
            return "fatalities", subject
        if subject.lemma_.lower() not in self.update_nouns:
            return None
        for prep in subject.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj":
                    continue
                for token in (noun, *(c for c in noun.children if c.dep_ in ("acl", "relcl", "amod"))):
                    kind = self.kind(token)
                    if kind:
                        return kind, token
        return None

    def bounded(self, doc, first, value: int, floor: int, *, vague: bool) -> tuple[Count, int]:
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


def part_of_toll(doc, token, floor: int) -> bool:
    """A number that breaks down a toll told already: after "including" or "among them", or in brackets."""
    if any(t.lower_ in BREAKDOWN_WORDS for t in doc[max(floor, token.i - 3):token.i]):
        return True
    if any(a.lower_ in BREAKDOWN_HEADS for a in list(token.ancestors)[:4]):
        return True
    opened = [t.i for t in doc[floor:token.i] if t.text == "("]
    closed = [t.i for t in doc[floor:token.i] if t.text == ")"]
    return bool(opened) and (not closed or max(opened) > max(closed))


def in_name(doc, token, floor: int) -> bool:
    """A number that is part of a name ("Zona 12", "Colonia 5 de Mayo", "Mine 6"): right after a capitalised
    word that does not open the sentence."""
    if token.i - 1 < floor + 1:
        return False
    before = doc[token.i - 1]
    return before.is_title and before.pos_ == "PROPN" and before.i > floor


def names_time(doc, token) -> bool:
    """A number inside a date, time, percentage or sum, as opposed to a count spaCy took for a date
    ("between 20 and 30 people")."""
    if token.ent_type_ != "DATE":
        return True
    entity = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    if entity is None or len(token.text) == 4 and token.is_digit:
        return True
    return any(t.is_alpha and t.lower_ not in COUNT_IN_DATE_WORDS
               for t in entity) or entity.end < len(doc) and doc[entity.end].lemma_.lower() in TIME_UNITS


def range_end(doc, token) -> bool:
    """The second number of "between 20 and 30" or "2 to 4"."""
    i = token.i
    if i >= 2 and doc[i - 1].lower_ in RANGE_JOINERS and doc[i - 2].like_num:
        return i >= 3 and doc[i - 3].lower_ == "between" or doc[i - 1].lower_ == "to"
    return False


def _passive(token) -> bool:
    """A passive participle ("were shot")."""
    return token.pos_ == "VERB" and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)
