"""Who is speaking: the noun phrase of a speaker, its name and role, and short forms resolved to full mentions.

The small spaCy model misses many person names, so names are found on the surface as well: a run of proper
nouns, stripped of the title words in front of it ("Minister of National Defense Hulusi Akar" -> "Hulusi Akar",
role "Minister of National Defense"). A later "Akar" or "he" is resolved to the nearest compatible full mention:
the last name for short forms; for pronouns, the nearest earlier sentence naming a person, preferring its subject
(people spoken about in the subject position are the ones a following "he said" usually refers to).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..article import Span, Speaker
from ..lexicon import load_lexicon

_WORDS = load_lexicon("speakers")
TITLE_WORDS = _WORDS.words("title_word")
HONORIFICS = _WORDS.words("honorific")
ORG_WORDS = _WORDS.words("organisation_word")
PERSON_PRONOUNS = _WORDS.words("person_pronoun")
GROUP_PRONOUNS = _WORDS.words("group_pronoun")
_NP_EXCLUDED = frozenset({"relcl", "acl", "appos", "advcl", "punct", "parataxis", "ccomp", "xcomp"})
_ROLE_LINKS = _WORDS.words("role_link")  # "Minister of Defence", "the army's spokesman"
_ORG_LINKS = _WORDS.words("organisation_link")  # "Ministry of Defence"
_DETERMINERS = _WORDS.words("leading_determiner")  # "the", "its": words before a role, not part of it
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


def normalise(text: str) -> str:
    """Names and roles are strings, not spans: typographic apostrophes become plain ones, spaces are squeezed, and
    punctuation the parser left at either end (". Matt Harris", "police,") goes."""
    return " ".join(text.translate(_APOSTROPHES).split()).strip(" .,;:!?\"'()[]-–—")


@dataclass(frozen=True)
class NamedMention:
    """A name in the text (a person or an organisation) with the role the text gives it there."""

    name: str
    role: str | None
    start: int
    end: int
    sentence_start: int
    is_person: bool
    is_subject: bool


def _is_title(token) -> bool:
    return token.lower_ in TITLE_WORDS or token.ent_type_ in ("GPE", "NORP")


def _name_run(tokens) -> tuple[int, int] | None:
    """Index range (into ``tokens``) of the name at the end of a proper-noun run, after the titles in front of it."""
    start = len(tokens)
    while start > 0 and (tokens[start - 1].pos_ == "PROPN" or tokens[start - 1].ent_type_ == "PERSON") \
            and not _is_title(tokens[start - 1]):
        start -= 1
    return (start, len(tokens)) if start < len(tokens) else None


def _role_before(doc, name_start: int) -> str | None:
    """The title written right before a name: "Turkey's Minister of National Defense [Hulusi Akar]"."""
    i = name_start - 1
    while i >= 0:
        tok = doc[i]
        if _is_title(tok) or tok.lower_ in _ROLE_LINKS or (tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper()) \
                or (tok.pos_ == "ADJ" and _is_title(doc[i + 1])):  # "regional governor"
            i -= 1
            continue
        break
    role_tokens = list(doc[i + 1:name_start])
    while role_tokens and role_tokens[0].lower_ in _ROLE_LINKS:
        role_tokens.pop(0)
    while role_tokens and role_tokens[-1].lower_ in _ROLE_LINKS:
        role_tokens.pop()
    role_tokens = [t for t in role_tokens if t.lower_ not in HONORIFICS]
    if not role_tokens or not any(t.lower_ in TITLE_WORDS for t in role_tokens):
        return None
    return normalise(doc[role_tokens[0].i:role_tokens[-1].i + 1].text)


def _appositive_role(head) -> str | None:
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ != "PROPN":
            toks = [t for t in child.subtree if t.dep_ != "punct" or t.i not in (child.left_edge.i, child.right_edge.i)]
            if toks:
                text = head.doc[toks[0].i:toks[-1].i + 1].text.strip(" ,")
                return normalise(_strip_article(text))
    return None


def noun_phrase(head) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``, without clauses or appositions hanging off it."""
    keep = [head.i]
    stack = [c for c in head.children if c.dep_ not in _NP_EXCLUDED]
    while stack:
        tok = stack.pop()
        keep.append(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in _NP_EXCLUDED)
    return min(keep), max(keep) + 1


class MentionIndex:
    """The named people and organisations of one document, in text order, for resolving short forms."""

    def __init__(self, doc, *, skip: list[tuple[int, int]] = ()):
        self.doc = doc
        self._skip_starts = [s for s, _ in skip]
        self._skip = list(skip)
        self.mentions: list[NamedMention] = []
        self.full_names: dict[str, NamedMention] = {}
        self.genders: dict[str, str] = {}  # last name -> "m" | "f", from "Mr."/"Ms." or a gendered title
        for sent in doc.sents:
            self._index_sentence(sent)
        self._starts = [m.start for m in self.mentions]

    def _skipped(self, offset: int) -> bool:
        i = bisect.bisect_right(self._skip_starts, offset) - 1
        return i >= 0 and offset < self._skip[i][1]

    def _index_sentence(self, sent) -> None:
        tokens = list(sent)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON" or self._skipped(tok.idx):
                i += 1
                continue
            j = i
            while j < len(tokens) and (tokens[j].pos_ == "PROPN" or tokens[j].ent_type_ == "PERSON"):
                j += 1
            self._index_run(tokens[i:j], sent.start_char)
            i = j

    def _index_run(self, run, sentence_start: int) -> None:
        is_org = any(t.lower_ in ORG_WORDS for t in run) or run[-1].ent_type_ == "ORG"
        if is_org:
            name_tokens, role = run, None
        else:
            span = _name_run(run)
            if span is None:
                return
            name_tokens = run[span[0]:span[1]]
            if name_tokens[0].ent_type_ in ("GPE", "LOC", "DATE", "FAC", "NORP"):
                return
            role = _role_before(self.doc, name_tokens[0].i) or _appositive_role(name_tokens[-1])
        name = normalise(_strip_article(self.doc[name_tokens[0].i:name_tokens[-1].i + 1].text))
        if not name:  # a run of spaces the tagger called a proper noun
            return
        mention = NamedMention(name, role, name_tokens[0].idx, name_tokens[-1].idx + len(name_tokens[-1]),
                               sentence_start, not is_org,
                               any(t.dep_ in ("nsubj", "nsubjpass") for t in run))
        self.mentions.append(mention)
        gender = _gender(self.doc, name_tokens[0].i, role)
        if mention.is_person and gender is not None:
            self.genders.setdefault(name_tokens[-1].text, gender)
        if mention.is_person and len(name_tokens) >= 2:
            known = self.full_names.get(name_tokens[-1].text)
            if known is None or (known.role is None and role is not None and known.name == name):
                self.full_names[name_tokens[-1].text] = mention

    def _before(self, offset: int) -> list[NamedMention]:
        return self.mentions[:bisect.bisect_left(self._starts, offset)]

    def full_form(self, surname: str, offset: int) -> NamedMention | None:
        known = self.full_names.get(surname)
        return known if known is not None and known.start < offset else None

    def nearest_person(self, offset: int, pronoun: str = "") -> NamedMention | None:
        wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)
        earlier = [m for m in self._before(offset) if m.is_person
                   and (wanted is None or self.genders.get(m.name.split()[-1], wanted) == wanted)]
        if not earlier:
            return None
        last_sentence = earlier[-1].sentence_start
        in_sentence = [m for m in earlier if m.sentence_start == last_sentence]
        chosen = next((m for m in in_sentence if m.is_subject), in_sentence[0])
        return self._canonical(chosen)

    def nearest_organisation(self, offset: int, word: str | None = None) -> NamedMention | None:
        for m in reversed(self._before(offset)):
            if not m.is_person and (word is None or word in m.name.lower()):
                return m
        return None

    def nearest_with_role(self, offset: int, word: str) -> NamedMention | None:
        for m in reversed(self._before(offset)):
            canonical = self._canonical(m)
            if canonical.role and word in canonical.role.lower():
                return canonical
        return None

    def _canonical(self, mention: NamedMention) -> NamedMention:
        last = mention.name.split()[-1]
        full = self.full_names.get(last)
        if full is not None and full.start <= mention.start and (mention.role is None or full.role is not None):
            return full
        return mention

    def speaker(self, head) -> Speaker | None:
        """The speaker whose mention is headed by ``head`` (a noun or pronoun), resolved as far as the text allows;
        None when the head names nobody (a quote mark or a dash the parser took for a subject: "according to “")."""
        doc = self.doc
        if not any(ch.isalnum() for ch in head.text):
            return None
        if head.pos_ == "PRON" or head.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(head)
        start, end = noun_phrase(head)
        tokens = list(doc[start:end])
        while tokens and tokens[-1].dep_ in ("case", "punct"):
            tokens.pop()
        if not tokens:
            return None
        span = Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1]), doc[tokens[0].i:tokens[-1].i + 1].text)
        name_end = head.i + 1
        head_run = [t for t in tokens if t.i < name_end]
        named = _name_run(head_run) if head.pos_ == "PROPN" or head.ent_type_ == "PERSON" else None
        if named is not None:
            name_tokens = head_run[named[0]:named[1]]
            if any(t.lower_ in ORG_WORDS for t in name_tokens) or head.ent_type_ in ("ORG", "GPE", "NORP"):
                org_end = name_end  # "Ministry of Defence", "Observatory for Human Rights"
                while org_end + 1 < end and doc[org_end].lower_ in _ORG_LINKS and doc[org_end + 1].pos_ in (
                        "PROPN", "DET"):
                    org_end += 2
                    while org_end < end and doc[org_end].pos_ == "PROPN":
                        org_end += 1
                return Speaker(normalise(_strip_article(doc[head_run[0].i:org_end].text)), None, span)
            name = normalise(doc[name_tokens[0].i:name_end].text)
            role = _role_before(doc, name_tokens[0].i) or _appositive_role(head)
            if len(name_tokens) == 1 or role is None:
                full = self.full_form(name_tokens[-1].text, span.start)
                if full is not None and (len(name_tokens) == 1 or full.name == name):
                    return Speaker(full.name, role or full.role, span)
            return Speaker(name, role, span)
        for child in head.children:  # "the defence minister, Hulusi Akar, said"
            if child.dep_ == "appos" and child.pos_ == "PROPN" and head.lower_ not in TITLE_WORDS:
                return self.speaker(child)  # "killing five civilians, governor Oleh Synehubov said": a misparse
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name_start, name_stop = noun_phrase(child)
                return Speaker(normalise(doc[name_start:name_stop].text), normalise(_strip_article(
                    doc[start:end].text)), span)
        return self._common_noun(head, span)

    def _common_noun(self, head, span: Span) -> Speaker:
        has_article = any(c.lower_ == "the" and c.dep_ == "det" for c in head.children)
        word = head.lower_
        if has_article and head.tag_ == "NN":
            if word in ORG_WORDS:
                org = self.nearest_organisation(span.start, word)
                if org is not None:
                    return Speaker(org.name, org.role, span)
            elif word in TITLE_WORDS:
                person = self.nearest_with_role(span.start, word)
                if person is not None:
                    return Speaker(person.name, person.role, span)
        text = span.text
        if any(w[:1].isupper() for w in text.split()[1:]):
            text = _strip_article(text)  # "The Ministry of Defence of Azerbaijan", but "a source", "the army"
        return Speaker(normalise(text), None, span)

    def _pronoun(self, head) -> Speaker:
        span = Span(head.idx, head.idx + len(head), head.text)
        if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.pos_ in ("NOUN", "PROPN"):
            # "farmers who said", "the ministry, which said": the name of who it stands for, the mention at the cue
            antecedent = self.speaker(head.head.head)
            if antecedent is not None:
                return Speaker(antecedent.name, antecedent.role, span)
        if head.lower_ in PERSON_PRONOUNS:
            person = self.nearest_person(head.idx, head.lower_)
            if person is not None:
                return Speaker(person.name, person.role, span)
        elif head.lower_ == "it":  # "they" is as often people ("officials", "residents") as a body: left as is
            org = self.nearest_organisation(head.idx)
            if org is not None:
                return Speaker(org.name, org.role, span)
        return Speaker(normalise(head.text), None, span)


_MALE = _WORDS.words("male_word")
_FEMALE = _WORDS.words("female_word")


def _gender(doc, name_start: int, role: str | None) -> str | None:
    """What the text says of a person's gender: the honorific before the name or a gendered title."""
    words = {w.lower() for w in (role or "").split()}
    if name_start > 0:
        words.add(doc[name_start - 1].lower_)
    if words & _MALE:
        return "m"
    if words & _FEMALE:
        return "f"
    return None


def _strip_article(text: str) -> str:
    word, space, rest = text.partition(" ")  # "the spokesman", "The spokesman" (not "THE")
    if space and word.lower() in _DETERMINERS and word in (word.lower(), word.capitalize()):
        return rest
    return text
