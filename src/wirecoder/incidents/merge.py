"""Merging stored events into incidents, incrementally, inside the writer's transaction.

``Merger.link`` takes the rows of newly stored events and links each to the incident it reports, or starts
one. It is not tied to any writer: the store's ``write_batch`` calls it for every batch, whoever writes
(ingest, `code --db`, watch, a Ray engine's writer).

How (docs/incidents.md): each event becomes a report with a digest; blocking by country and date finds the
stored reports it might match; compatible pairs join components (union-find); each component touched is
split into incidents by a clustering that depends only on its reports. So the incidents are a function of
the set of stored reports: the same articles in any order, in any batches, or rebuilt from scratch give the
same incidents with the same ids.
"""
from __future__ import annotations

import bisect
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .cluster import Components, cluster
from .features import Report, ReportDigester, incident_key, report_key
from .options import RULES_VERSION, MergeRules
from .record import build_record, figures_of
from .result import MergeResult
from .rules import Matcher

if TYPE_CHECKING:
    from ..store.incident_tables import IncidentTables


class Merger:
    """Holds the rules and the tables they read; one per Database."""

    def __init__(self, *, rules: MergeRules = MergeRules()):
        self.rules = rules
        self.digester = ReportDigester(rules=rules)
        self.matcher = Matcher(rules=rules)

    # -- the one entry point for writers ---------------------------------------------------------
    def link(self, tables: IncidentTables, event_ids: Sequence[int] | None, *,
             log: bool = True) -> MergeResult:
        """Link the given stored events (every unlinked one when None) to incidents."""
        result = MergeResult()
        new: list[Report] = []
        for event_id, event_key, document, content_hash, data in tables.unlinked_events(event_ids):
            key = report_key(event_key=event_key, content_hash=content_hash)
            new.append(self.digester.digest(json.loads(data), event_id=event_id, key=key, document=document))
        if not new:
            return result
        tables.insert_reports((r, incident_key(r.key)) for r in new)
        result.reports_linked = len(new)
        components = Components()
        cache: dict[int, Report] = {r.event_id: r for r in new}
        for report in new:
            components.find(report.event_id)
        self._join(tables, [r for r in new if r.mergeable], components, cache)
        for root, parts in sorted(components.groups().items()):
            if len(parts) > 1:
                tables.merge_components(root, [p for p in parts if p != root])
            self._recluster(tables, root, cache, result, log=log)
        return result

    def refresh_documents(self, tables: IncidentTables, document_rows: Sequence[int], *,
                          log: bool = True) -> MergeResult:
        """Rebuild the records of the incidents these documents report (a near-duplicate copy of one of
        them was stored: it joins the incident's sources without counting as one)."""
        result = MergeResult()
        for component in sorted(set(tables.reports_of_documents(document_rows))):
            self._recluster(tables, component, {}, result, log=log, force=True)
        return result

    def rebuild(self, tables: IncidentTables) -> MergeResult:
        """Drop every report and incident and merge all stored events again (call inside one transaction)."""
        before = tables.snapshot()
        tables.clear()
        linked = self.link(tables, None, log=False)
        result = MergeResult(reports_linked=linked.reports_linked)
        for key, record in sorted(tables.current().items()):
            old = before.get(key)
            if old is None:
                seq = tables.log(key, "created", figures_changed=True)
                tables.set_seqs(key, created=seq, changed=seq)
                result.created.append(key)
                result.figures_changed.append(key)
            elif old[0] != record:
                changed = figures_of(json.loads(old[0])) != figures_of(json.loads(record))
                seq = tables.log(key, "updated", figures_changed=changed)
                tables.set_seqs(key, created=old[1], changed=seq)
                result.updated.append(key)
                if changed:
                    result.figures_changed.append(key)
            else:
                tables.set_seqs(key, created=old[1], changed=old[2])
        current = tables.current()
        for key in sorted(set(before) - set(current)):
            tables.log(key, "removed", figures_changed=False)
            result.removed.append(key)
        tables.set_meta("incidents_stale", None)
        tables.set_meta("merge_rules", RULES_VERSION)
        return result

    # -- steps -----------------------------------------------------------------------------------
    def _report(self, row: tuple[int, str, int, int, str], cache: dict[int, Report]) -> Report:
        event_id, key, document, _component, features = row
        report = cache.get(event_id)
        if report is None:
            report = Report.from_json(features, event_id=event_id, key=key, document=document)
            cache[event_id] = report
        return report

    def _join(self, tables: IncidentTables, new: list[Report], components: Components,
              cache: dict[int, Report]) -> None:
        """Union every new report's component with those of the stored reports it is compatible with. The
        stored reports of a country are read once per run of overlapping windows (blocking)."""
        reach = self.rules.max_window_days
        by_country: dict[str, list[Report]] = {}
        for report in new:
            by_country.setdefault(report.country, []).append(report)
        new_ids = {r.event_id for r in new}
        for country, reports in sorted(by_country.items()):
            reports.sort(key=lambda r: (r.lo, r.event_id))
            for run in _runs(reports, reach):
                lo_from, lo_to = run[0].lo - reach, max(r.hi for r in run)  # type: ignore[operator]
                stored = []
                for row in tables.candidates(country, lo_from=lo_from, lo_to=lo_to):
                    stored.append((self._report(row, cache), row[3]))
                stored.sort(key=lambda item: (item[0].lo, item[0].event_id))
                starts = [item[0].lo for item in stored]
                for report in run:
                    first = bisect.bisect_left(starts, report.lo - reach)  # type: ignore[operator]
                    last = bisect.bisect_right(starts, report.hi)
                    for other, component in stored[first:last]:
                        if other.event_id == report.event_id or other.hi < report.lo:  # type: ignore[operator]
                            continue
                        if other.event_id in new_ids and other.event_id < report.event_id:
                            continue  # a pair of new reports is scored once
                        if self.matcher.score(report, other) is not None:
                            own = report.event_id
                            components.union(own, other.event_id if other.event_id in new_ids else component)

    def _recluster(self, tables: IncidentTables, component: int, cache: dict[int, Report],
                   result: MergeResult, *, log: bool, force: bool = False) -> None:
        members = [self._report(row, cache) for row in tables.component_members(component)]
        old = tables.incidents_of([r.event_id for r in members])
        kept: set[str] = set()
        for reports in cluster(members, self.matcher):
            key = incident_key(min(r.key for r in reports))
            kept.add(key)
            ids = frozenset(r.event_id for r in reports)
            previous = old.get(key)
            if previous is not None and previous[1] == ids and not force:
                continue
            record = build_record(key, tables.details(reports))
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            if previous is not None and previous[2] == text:
                tables.assign(previous[0], ids)
                continue
            if previous is None:
                seq = tables.log(key, "created", figures_changed=True) if log else 0
                result.created.append(key)
                result.figures_changed.append(key)
            else:
                changed = figures_of(json.loads(previous[2])) != figures_of(record)
                seq = tables.log(key, "updated", figures_changed=changed) if log else 0
                result.updated.append(key)
                if changed:
                    result.figures_changed.append(key)
            row_id = tables.write_incident(record, row_id=previous[0] if previous else None, seq=seq)
            tables.assign(row_id, ids)
        gone = sorted(key for key in old if key not in kept)
        tables.delete_incidents([old[key][0] for key in gone])
        for key in gone:
            if log:
                tables.log(key, "removed", figures_changed=False)
            result.removed.append(key)


def _runs(reports: Iterable[Report], reach: int) -> list[list[Report]]:
    """Reports sorted by first day, cut where the next one starts beyond what the run so far can reach."""
    runs: list[list[Report]] = []
    end = None
    for report in reports:
        if end is None or report.lo > end + reach:  # type: ignore[operator]
            runs.append([report])
            end = report.hi
        else:
            runs[-1].append(report)
            end = max(end, report.hi)  # type: ignore[type-var]
    return runs
