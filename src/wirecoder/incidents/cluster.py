"""Deterministic clustering of one component of compatible reports into incidents.

Reports that could be one incident form a component of the graph whose edges are compatible pairs (found
through blocking by country and date). Chaining through a vague report must not join two distinct events
(a "gunmen attacked X" report is compatible with both Boko Haram's and ISWAP's attacks on X that day), so a
component is split by complete linkage: every member of an incident is compatible with every other. The
reports are taken in an order that depends only on the reports themselves (most specific first, then by
key), so the same set of reports gives the same incidents whatever order they arrived in, and rebuilding
gives what incremental merging gave.
"""
from __future__ import annotations

from collections.abc import Iterable

from .features import Report
from .rules import Matcher


def specificity(report: Report) -> tuple[int, int, int, str]:
    """Most specific first: a place at a town before a district before a region; a known day before a window;
    more named parties first; then the report key, so that ties are broken the same way every time."""
    level = report.place.level if report.place is not None else 9
    named = sum(1 for actor in (report.actor1, report.actor2) if actor is not None and actor.identified)
    return (level, 0 if report.day_known else 1, -named, report.key)


class PairScores:
    """Pair scores of one clustering, each computed once."""

    def __init__(self, matcher: Matcher):
        self.matcher = matcher
        self._scores: dict[tuple[int, int], int | None] = {}

    def get(self, a: Report, b: Report) -> int | None:
        key = (a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)
        if key not in self._scores:
            self._scores[key] = self.matcher.score(a, b)
        return self._scores[key]


def cluster(reports: Iterable[Report], matcher: Matcher) -> list[list[Report]]:
    """Split a component into incidents (lists of reports); deterministic in the set of reports.

    A report joins an incident when it is compatible with every report of it. A report compatible with
    reports of two incidents is ambiguous (a district-level "attack on Sunday" when two villages of the
    district were attacked that day): it stays an incident of its own rather than guess, unless it agrees with
    one of them by a clear margin (CLEAR_MARGIN points of the pair score over its best agreement with any other:
    the same town, day and named party against a district and a day)."""
    scores = PairScores(matcher)
    clusters: list[list[Report]] = []
    for report in sorted(reports, key=specificity):
        best: dict[int, int] = {}  # cluster index -> the report's best score with a member
        joinable: list[int] = []
        for index, members in enumerate(clusters):
            pair_scores = [scores.get(report, member) for member in members]
            found = [score for score in pair_scores if score is not None]
            if found:
                best[index] = max(found)
                if len(found) == len(members):
                    joinable.append(index)
        documents = [{member.document for member in c} for c in clusters]
        chosen = _clear_choice(best, joinable, documents=documents)
        if chosen is None and not report.day_known:
            chosen = _most_told(best, joinable, documents)
        if chosen is None:
            clusters.append([report])
        else:
            clusters[chosen].append(report)
    return clusters


CLEAR_MARGIN = 2


def _clear_choice(best: dict[int, int], joinable: list[int], *, documents: list[set] | None = None) -> int | None:
    """The incident a report joins: the only one it touches, when it is compatible with all of it; else the
    joinable one it agrees with best, by CLEAR_MARGIN over every other it touches; else None. An incident told
    only by articles that also tell the best one is no rival (``documents``: each incident's articles): an
    article that told one raid as two events (the killings, and the houses burned) does not make a report of the
    raid ambiguous."""
    if len(best) == 1:
        return joinable[0] if joinable else None
    if not joinable:
        return None
    top = max(joinable, key=lambda index: (best[index], -index))
    rivals = [score for index, score in best.items() if index != top
              and not (documents is not None and documents[index] <= documents[top])]
    return top if all(best[top] - score >= CLEAR_MARGIN for score in rivals) else None


TOLD_MARGIN = 2


def _most_told(best: dict[int, int], joinable: list[int], documents: list[set]) -> int | None:
    """A report with no day of its own ("the San Bernardino shooting" in a later article) that agrees as well
    with two incidents joins the one told by TOLD_MARGIN more articles than every other it touches: the one article
    that gave another day ("Tuesday's massacre" for Wednesday's) is no rival to the four that agree."""
    if not joinable:
        return None
    top = max(joinable, key=lambda index: (len(documents[index]), -index))
    rivals = [len(documents[index]) for index in best if index != top]
    return top if all(len(documents[top]) - told >= TOLD_MARGIN for told in rivals) else None


class Components:
    """Union-find over component ids; a merged component takes the smallest id of its parts."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self._parent.setdefault(item, item)
        while self._parent[root] != root:
            root = self._parent[root]
        while item != root:  # path compression
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self._parent[high] = low

    def groups(self) -> dict[int, list[int]]:
        """Root -> every id seen that belongs to it (the root included)."""
        out: dict[int, list[int]] = {}
        for item in list(self._parent):
            out.setdefault(self.find(item), []).append(item)
        return out
