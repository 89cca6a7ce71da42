"""Counts of days: how many days before its sentence's day an act told "after" a count happened ("two days after
communal clashes", "a day after police used tear gas", "after a night of clashes": the night before). The units
and number words are the lexicon's (``referenced_events.tsv`` ``day_count_unit``, ``dates.tsv`` ``count_word``)."""
from __future__ import annotations

from ..lexicon import load_lexicon


class DayCounts:
    """Reads counts of days off spaCy's parse; holds only its word sets."""

    def __init__(self, *, after: frozenset[str]) -> None:
        self._after = after  # "after", "following"
        self._periods = load_lexicon("referenced_events").words("day_count_unit")
        self._counts = load_lexicon("dates").numbers("count_word")  # "two days after": 2

    def days_before(self, token) -> int | None:
        """How many days "two days after", "a day after" put the noun's event before the day of its sentence; None
        without such a count, or for hours, weeks and months (a window, not a day)."""
        period = self.period(token)  # "after a night of clashes": the night is the count
        if period is not None:
            return self.count_of_days(period)
        after = token.head if token.dep_ in ("pobj", "pcomp") else next(
            (c for c in token.head.children if c.dep_ == "mark"), None)
        if after is None or after.lower_ not in self._after:
            return None
        unit = next((c for c in after.children if c.dep_ == "npadvmod"), None)
        if unit is None and after.head.dep_ == "npadvmod":
            unit = after.head  # "a day after the convoy ambush": the count holds "after"
        if unit is None and after.dep_ == "mark":  # "a day after clashes ... left dozens injured": the clause's verb
            unit = next((c for c in after.head.children if c.dep_ == "npadvmod" and c.i < after.i), None)
        return self.count_of_days(unit)

    def period(self, token):
        """The span of days ("a night", "two days") an act told "after" it fills ("after a night of clashes"), or
        None."""
        period = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        return period if period is not None and period.lemma_.lower() in self._periods and period.dep_ == "pobj" \
            and period.head.lower_ in self._after else None

    def count_of_days(self, unit) -> int | None:
        """The number of days a unit word counts ("two days", "a day"); None for none, or for hours, weeks and
        months ("hours after an attack" on a Sunday afternoon may be after a night attack of Saturday)."""
        if unit is None or unit.lemma_.lower() not in self._periods:
            return None
        count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
        if count is None:
            return None
        return int(count.text) if count.text.isdigit() else self._counts.get(count.lower_)

    def clause_days_before(self, token) -> int | None:
        """How many days a count puts the clause the token is told in before the sentence's main act ("a day after
        police used tear gas to break up a protest": 1); None when no such clause holds it, or it dates itself."""
        for verb in (token, *token.ancestors):
            mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in self._after), None)
            if mark is None:
                continue
            if any(w.ent_type_ in ("DATE", "TIME") for w in verb.subtree if w.i > mark.i):
                return None  # "a day after police dispersed a protest on Tuesday": its own day dates it
            return self.count_of_days(next(
                (c for c in (*mark.children, *verb.children) if c.dep_ == "npadvmod" and c.i < mark.i), None))
        return None

    def counted_phrase(self, token) -> frozenset[int]:
        """The token indices of the phrase that puts the token's act a count of days before ("a day after a clash
        between two villages left one person dead"): the subtree of the count ("a day"), else of the "after" clause
        or phrase; empty when no "after" word governs the token."""
        after = next((t for t in (token, *token.ancestors) if t.lower_ in self._after), None)
        if after is None:
            return frozenset()
        top = after.head if after.head.dep_ == "npadvmod" or after.dep_ == "mark" else after
        return frozenset(t.i for t in top.subtree)

    def told_beside(self, token, sentence, pattern) -> bool:
        """Whether ``pattern`` matches the words of the sentence (a span of tokens) outside the phrase that counts the
        token's act days before ("14 houses were looted on Saturday, a day after a clash ..."): "looted"."""
        phrase = self.counted_phrase(token)
        return bool(phrase) and pattern.search(" ".join(t.lower_ for t in sentence if t.i not in phrase)) is not None
