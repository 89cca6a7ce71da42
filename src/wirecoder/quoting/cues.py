"""The verbs that introduce speech, read from taxonomy/cue_verbs.tsv, and the parts of a clause they govern."""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import lexicon_error, load_lexicon, package_path, read_rows

CONTENT_KINDS = ("clause", "accusation", "object", "request", "quotation")
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
_SUBJECT_DEPS = frozenset({"nsubj"})
_INHERITS_SUBJECT = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep"})
_BEFORE_INVERSION = frozenset({"”", "»", '"', "''", ","})
_NOT_A_SPEAKER_AFTER = load_lexicon("speakers").words("not_a_speaker_after")  # "said that", "said on"
_CONTENT_PREPOSITIONS = load_lexicon("speakers").words("content_preposition")  # "accused X of"


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    content: str  # one of CONTENT_KINDS


def load_cue_verbs() -> dict[str, CueVerb]:
    """Word form (lower case) -> the cue verb it is a form of."""
    forms: dict[str, CueVerb] = {}
    for number, cells in read_rows(package_path("wirecoder.taxonomy", "cue_verbs.tsv"), header="lemma\t"):
        if len(cells) != 3 or cells[2] not in CONTENT_KINDS:
            raise lexicon_error("cue_verbs.tsv", number, f"want lemma<TAB>forms<TAB>content, the content one of "
                                f"{', '.join(CONTENT_KINDS)}")
        lemma, word_forms, content = cells
        for form in word_forms.split(","):
            forms[form.strip()] = CueVerb(lemma, content)
    return forms


def is_verb(token) -> bool:
    return token.tag_.startswith("VB") or token.pos_ in ("VERB", "AUX")


def subject_of(verb):
    """The subject of a cue verb: its own, or the one of the verb it hangs off ("..., saying", "and added")."""
    seen = 0
    while verb is not None and seen < 4:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:  # two subjects is a misparse of "X, the minister says": the one next to the verb speaks
            return min(subjects, key=lambda c: abs(c.i - verb.i))
        for child in verb.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None  # "it was reported that ...": the text names no one
        if verb.dep_ in _INHERITS_SUBJECT and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "relcl" and verb.head.i != verb.i:
            return verb.head  # "Akar, who said ..."
        return _inverted_subject(verb)
    return None


def _inverted_subject(verb):
    """'“...,” said Skelly': after a quotation or comma the name may follow the verb, and the parser may not make
    it the subject (it tags some names as adverbs)."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    first_of_sentence = verb.i == verb.sent.start or (verb.i > 0 and doc[verb.i - 1].is_space)
    if not first_of_sentence and doc[verb.i - 1].text not in _BEFORE_INVERSION:
        return None  # "Stated Stone: “...”" starts a sentence; "“...,” said Skelly" follows a mark
    after = doc[verb.i + 1]
    if after.pos_ == "DET" and after.head.i > after.i:
        after = after.head
    while after.dep_ == "compound" and after.head.i > after.i:
        after = after.head
    if after.ent_type_ in ("DATE", "TIME") or after.lower_ in _NOT_A_SPEAKER_AFTER:
        return None
    if after.pos_ in ("PROPN", "NOUN", "PRON") or (after.is_alpha and after.text[:1].isupper()):
        return after
    return None


def content_children(verb, cue: CueVerb, subject) -> list:
    """The dependents of a cue verb that carry what was said, per the kind of content the verb takes."""
    picked = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
    if cue.content in ("accusation", "object", "request"):
        picked += [c for c in verb.children if c.dep_ in ("dobj", "prep") and (subject is None or c.i != subject.i)
                   and (c.dep_ != "prep" or c.lower_ in _CONTENT_PREPOSITIONS)]
    return [c for c in picked if subject is None or not (c.left_edge.i <= subject.i <= c.right_edge.i)]
