"""Prior acts: an act told only to say who its people are happened on or before the day its sentence tells.

Follow-up reports name an incident by the people it touched: "Students abducted from a school in Kankara were
released on Thursday", "Six of the worshippers kidnapped from a church in Kwassam escaped on Monday night", "The
bodies of two men killed in an attack on Kabo were buried on Friday", "Three soldiers wounded in an ambush near
Diffa died in hospital on Wednesday". The abduction, the attack and the ambush are told in a participle that
modifies a noun (spaCy's ``acl``), not as what the sentence reports; the day the sentence gives is the release's,
the burial's, the death's. The act came before it: the event is ``followed`` (dated on or before that day, ACLED's
time_precision 3), as an act a reaction follows is (stages/referenced_events.py).

Only when the sentence's verb tells what befell those people after the act (``lexicon/referenced_events.tsv``
``aftermath_verb``: released, escaped, buried, died, ...), never when it may go on with the act itself ("shells
fired by the army fell on a market", "soldiers wounded in the ambush fired back", "left warehouses burnt": one
scene, one day); and not when the participle's own words give a day ("two soldiers killed in clashes on Monday
were buried on Tuesday": Monday dates the clashes).

An act told in a clause opened by "after" or "following" came before what its sentence's main clause tells: "Shops
stayed shut in Bishnupur on Saturday after two farmers were shot dead", "Residents fled on Sunday after gunmen
attacked the village". When the day is told only outside that clause, it is the main clause's day, and the act is
``followed`` too; a day inside the clause ("after gunmen attacked the village on Friday") dates the act itself, and a
main clause that tells harm or violence of its own tells one scene with the act ("two farmers were killed on Thursday
after gunmen opened fire", "forces clashed with the rebels on Tuesday after the latter shelled the town").
"""
from __future__ import annotations

from ..article import Article
from ..lexicon import load_lexicon
from ..syntax import governing_verb
from ..taxonomy import SUB_EVENT_TYPES
from ..taxonomy.acled import VIOLENT_TYPES
from ..typing import DetectorModel

CLAUSE_EDGES = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis"})
TIME_LABELS = ("DATE", "TIME")


class PriorActsStage:
    name = "prior_acts"
    requires = ("doc", "mentions", "sentences", "text")
    assigns = ("mentions",)

    def __init__(self, *, model: DetectorModel) -> None:
        self._model = model  # the event detector's (stages/event_detection.py)
        words = load_lexicon("referenced_events")
        self._after = words.words("aftermath_verb")
        self._marks = words.words("aftermath_preposition")  # "after", "following"

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            return article
        for mention in article.mentions:
            if not mention.detected or mention.followed or mention.referenced or mention.days_before is not None \
                    or article.is_heading(article.sentences[mention.sentence]):
                continue
            span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            clause = self._after_clause(span.root) if span is not None else None
            if clause is not None:
                mention.followed = _dated_outside_only(clause) and not self._violent_scene(article, clause)
                continue
            participle = _modifying_participle(span.root) if span is not None else None
            if participle is None:
                continue
            verb = governing_verb(participle.head)
            if verb is None or verb.lemma_.lower() not in self._after:
                continue
            mention.followed = _dated_outside_only(participle)
        return article

    def _violent_scene(self, article: Article, clause) -> bool:
        """Whether the main clause, read by the detector without its "after" clause, tells violence of its own: one
        scene with the act that clause tells ("two farmers were killed on Thursday after gunmen opened fire on them",
        "forces clashed with the rebels on 5 May after the latter shelled the town"), whose day is the clause's."""
        words = list(clause.subtree)
        sent = clause.sent
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        text = f"{article.text[sent.start_char:start]} {article.text[end:sent.end_char]}".strip()
        row = self._model.sentence_probabilities([text])[0]
        columns = self._model.event_columns
        best = max(columns, key=lambda i: row[i])
        return float(sum(row[i] for i in columns)) >= self._model.threshold \
            and SUB_EVENT_TYPES[self._model.labels[best]] in VIOLENT_TYPES

    def _after_clause(self, token):
        """The clause opened by "after" or "following" that holds the token ("after two farmers were shot dead"),
        else None: the token's own clause is another."""
        current = token
        for _ in range(6):
            if current.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self._marks for c in current.children):
                return current
            if current.dep_ in CLAUSE_EDGES or current.head.i == current.i:
                return None
            current = current.head
        return None


def _dated_outside_only(clause) -> bool:
    """Whether the clause's sentence tells a day and only outside the clause."""
    inside = {w.i for w in clause.subtree}
    return not any(w.ent_type_ in TIME_LABELS for w in clause.subtree) and any(
        w.ent_type_ in TIME_LABELS and w.i not in inside for w in clause.sent)


def _modifying_participle(token):
    """The past participle modifying a noun ("students abducted from a school") whose own clause holds the token
    (the participle itself, or "an attack" in "men killed in an attack"); None when the token's clause is another."""
    current = token
    for _ in range(6):
        if current.dep_ == "acl" and current.tag_ == "VBN" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return current
        if current.dep_ in CLAUSE_EDGES or current.head.i == current.i:
            return None
        current = current.head
    return None
