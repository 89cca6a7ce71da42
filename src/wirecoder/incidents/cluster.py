"""Deterministic clustering of one component of compatible reports into incidents.

Reports that could be one incident form a component of the graph whose edges are compatible pairs (found
through blocking by country and date). Chaining through a vague report must not join two distinct events
(a "gunmen attacked X" report is compatible with both Boko Haram's and ISWAP's attacks on X that day), so a
component is split by complete linkage over articles: a member of an incident is compatible with a report of
every other article in it (and with its own article's reports there as one act at one spot), or, softened, agrees
with one under the threshold, contradicting nothing, while SOFT_SUPPORT other articles agree with it well. The
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
        self._scores: dict[tuple[int, int, bool], int | None] = {}

    def get(self, a: Report, b: Report, *, one_article: bool = False) -> int | None:
        """The pair's score: its agreement when it reaches the rules' ``min_score``, else None."""
        return self.matcher.enough(self.agreement(a, b, one_article=one_article))

    def agreement(self, a: Report, b: Report, *, one_article: bool = False) -> int | None:
        """How much the pair agrees, under ``min_score`` too; None when something it tells contradicts."""
        low, high = (a.event_id, b.event_id) if a.event_id < b.event_id else (b.event_id, a.event_id)
        key = (low, high, one_article)
        if key not in self._scores:
            self._scores[key] = self.matcher.agreement(a, b, one_article=one_article)
        return self._scores[key]


def cluster(reports: Iterable[Report], matcher: Matcher) -> list[list[Report]]:
    """Split a component into incidents (lists of reports); deterministic in the set of reports.

    A report joins an incident when it fits it (``_fit``: compatible with every other article of it). A report
    compatible with reports of two incidents is ambiguous (a district-level "attack on Sunday" when two villages
    of the district were attacked that day): it stays an incident of its own rather than guess, unless it agrees
    with one of them by a clear margin (CLEAR_MARGIN points of the pair score over its best agreement with any other:
    the same town, day and named party against a district and a day), or it is told by TOLD_MARGIN more articles
    than every other it touches (``_most_told``)."""
    scores = PairScores(matcher)
    clusters: list[list[Report]] = []
    for report in sorted(reports, key=specificity):
        best: dict[int, int] = {}  # cluster index -> the report's best score with a member
        joinable: list[int] = []
        for index, members in enumerate(clusters):
            score, fits = _fit(report, members, scores)
            if score is not None:
                best[index] = score
                if fits:
                    joinable.append(index)
        documents = [{member.document for member in c} for c in clusters]
        chosen = _clear_choice(best, joinable, documents=documents)
        if chosen is None:
            chosen = _most_told(best, joinable, documents)
        if chosen is None:
            clusters.append([report])
        else:
            clusters[chosen].append(report)
    return clusters


def _fit(report: Report, members: list[Report], scores: PairScores) -> tuple[int | None, bool]:
    """The report's best score with a member of another article (None: it touches none), and whether it may join:
    compatible with at least one report of every other article the incident holds, and with each report of its own
    article there as one act at one spot (an article may tell one strike twice, as a drone strike and as shelling;
    its reports never link an incident by themselves). An article whose reports only agree with it under the
    threshold, none contradicting it (a window of days beside a region and a day: no day, no toll, no place to
    agree on), keeps it out only when fewer than SOFT_SUPPORT other articles agree with it well (rules 26)."""
    told: dict[int, list[int]] = {}  # each other article of the incident -> the scores of its reports
    weak: set[int] = set()  # other articles whose reports only agree under the threshold, none contradicting
    for member in members:
        if member.document != report.document:
            total = scores.agreement(report, member)
            well = scores.matcher.enough(total) is not None
            told.setdefault(member.document, []).extend((total,) if well else ())
            if total is not None and not well:
                weak.add(member.document)
    found = [score for found_scores in told.values() for score in found_scores]
    if not found:
        return None, False
    own = all(scores.get(report, member, one_article=True) is not None
              for member in members if member.document == report.document)
    agreeing = sum(1 for found_scores in told.values() if found_scores)
    return max(found), own and all(found_scores or (document in weak and agreeing >= SOFT_SUPPORT)
                                   for document, found_scores in told.items())


CLEAR_MARGIN = 1
SOFT_SUPPORT = 2  # articles that must agree well with a report for it to join beside one it agrees with weakly


def _clear_choice(best: dict[int, int], joinable: list[int], *, documents: list[set] | None = None) -> int | None:
    """The incident a report joins: the only one it touches, when it is compatible with all of it; else the
    joinable one it agrees with best, by CLEAR_MARGIN over every other it touches; else None. An incident told
    only by articles that also tell the best one is no rival (``documents``: each incident's articles): an
    article that told one raid as two events (the killings, and the houses burned) does not make a report of the
    raid ambiguous, nor is it a choice beside a joinable incident those articles tell with others."""
    if len(best) == 1:
        return joinable[0] if joinable else None
    if documents is not None:
        joinable = [index for index in joinable if not any(
            documents[index] < documents[other] for other in joinable)] or joinable
    if not joinable:
        return None
    top = max(joinable, key=lambda index: (best[index], -index))
    rivals = [score for index, score in best.items() if index != top
              and not (documents is not None and documents[index] <= documents[top])]
    return top if all(best[top] - score >= CLEAR_MARGIN for score in rivals) else None


TOLD_MARGIN = 1


def _most_told(best: dict[int, int], joinable: list[int], documents: list[set]) -> int | None:
    """A report that agrees as well with two incidents joins the one told by TOLD_MARGIN more articles than every
    other it touches: the one article that gave another day ("the San Bernardino shooting" named in a later article:
    "Tuesday's massacre" for Wednesday's) is no rival to the four that agree, nor is an article on a look-alike
    attack that also tells this one, kept out of its incident by its outlet's own report that day (rules 25); any
    more articles than each rival will do (rules 33), while a tie keeps the report apart."""
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
