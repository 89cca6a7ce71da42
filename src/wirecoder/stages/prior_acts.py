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
"""
from __future__ import annotations

from ..article import Article
from ..lexicon import load_lexicon
from ..syntax import governing_verb

CLAUSE_EDGES = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "parataxis"})
TIME_LABELS = ("DATE", "TIME")


class PriorActsStage:
    name = "prior_acts"
    requires = ("doc", "mentions", "sentences")
    assigns = ("mentions",)

    def __init__(self) -> None:
        self._after = load_lexicon("referenced_events").words("aftermath_verb")

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            return article
        for mention in article.mentions:
            if not mention.detected or mention.followed or mention.referenced or mention.days_before is not None \
                    or article.is_heading(article.sentences[mention.sentence]):
                continue
            span = article.doc.char_span(mention.trigger.start, mention.trigger.end, alignment_mode="expand")
            participle = _modifying_participle(span.root) if span is not None else None
            if participle is None or any(w.ent_type_ in TIME_LABELS for w in participle.subtree):
                continue
            verb = governing_verb(participle.head)
            if verb is None or verb.lemma_.lower() not in self._after:
                continue
            inside = {w.i for w in participle.subtree}
            if any(w.ent_type_ in TIME_LABELS and w.i not in inside for w in participle.sent):
                mention.followed = True
        return article


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
