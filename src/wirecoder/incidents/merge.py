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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .cluster import Components, cluster
from .features import Report, ReportDigester, incident_key, report_key
from .options import RULES_VERSION, MergeRules
from .record import build_record, figures_of
from .result import MergeResult
from .rules import Matcher

if TYPE_CHECKING:
    from ..store.incident_tables import IncidentTables

CHUNK = 4000  # events linked at a time when linking everything (bounds the events held in memory)


@dataclass
class _Run:
    """What one call links: the new reports, their parsed events, and what it found."""

    reports: dict[int, Report]  # every report read, new or stored, by event row
    events: dict[int, dict[str, Any]]  # the new reports' events, parsed once
    new: set[int]


class Merger:
    """Holds the rules and the tables they read; one per Database."""

    def __init__(self, *, rules: MergeRules = MergeRules()):
        self.rules = rules
        self.digester = ReportDigester(rules=rules)
        self.matcher = Matcher(rules=rules)

    # -- the entry points for writers ------------------------------------------------------------
    def link(self, tables: IncidentTables, event_ids: Sequence[int] | None, *, log: bool = True) -> MergeResult:
        """Link the given stored events (every unlinked one when None, a chunk at a time) to incidents."""
        result = MergeResult()
        if event_ids is not None:
            self._link(tables, event_ids, result, log=log)
            return result
        pending = tables.unlinked_ids()
        for start in range(0, len(pending), CHUNK):
            self._link(tables, pending[start:start + CHUNK], result, log=log)
        return result

    def link_batch(self, tables: IncidentTables, event_ids: Sequence[int], copied: Sequence[str]) -> MergeResult:
        """What a writer's batch calls: link its events, and list its near-duplicate copies (content hashes of
        their first copies in ``copied``) among the sources of the incidents their first copies report."""
        merged = self.link(tables, event_ids)
        if copied:
            refreshed = self.refresh_documents(tables, tables.first_copies(list(copied)))
            merged.updated += [key for key in refreshed.updated if key not in merged.created]
            merged.figures_changed += [key for key in refreshed.figures_changed if key not in merged.figures_changed]
        return merged

    def link_pending(self, tables: IncidentTables) -> MergeResult:
        """Link every event written unmerged (``write_batch(merge=False)``)."""
        merged = self.link(tables, None)
        tables.set_meta("incidents_stale", None)
        return merged

    def catch_up(self, tables: IncidentTables) -> None:
        """On opening a store for writing: merge everything again when its incidents were made by other rules
        (their digests are of another form), else link what was written unmerged."""
        if tables.meta("merge_rules") != RULES_VERSION:
            if tables.has_events():
                self.rebuild(tables)
            tables.set_meta("merge_rules", RULES_VERSION)
        elif tables.meta("incidents_stale"):
            self.link_pending(tables)

    def refresh_documents(self, tables: IncidentTables, document_rows: Sequence[int], *,
                          log: bool = True) -> MergeResult:
        """Rebuild the records of the incidents these documents report (a near-duplicate copy of one of
        them was stored: it joins the incident's sources without counting as one)."""
        result = MergeResult()
        run = _Run(reports={}, events={}, new=set())
        groups = [(component, None) for component in sorted(set(tables.reports_of_documents(document_rows)))]
        self._write(tables, run, groups, result, log=log, force=True)
        return result

    def rebuild(self, tables: IncidentTables) -> MergeResult:
        """Drop every report and incident and merge all stored events again (call inside one transaction).
        Only what changed is logged; an unchanged incident keeps its sequence numbers."""
        before = tables.snapshot()
        tables.clear()
        linked = self.link(tables, None, log=False)
        result = MergeResult(reports_linked=linked.reports_linked)
        seq = tables.last_seq()
        entries, kept = [], []
        for key, record in sorted(tables.current().items()):
            old = before.get(key)
            if old is not None and old[0] == record:
                kept.append((old[1], old[2], key))
                continue
            seq += 1
            if old is None:
                entries.append((seq, key, "created", True))
                kept.append((seq, seq, key))
                result.created.append(key)
                result.figures_changed.append(key)
            else:
                changed = figures_of(json.loads(old[0])) != figures_of(json.loads(record))
                entries.append((seq, key, "updated", changed))
                kept.append((old[1], seq, key))
                result.updated.append(key)
                if changed:
                    result.figures_changed.append(key)
        for key in sorted(set(before) - {key for *_, key in kept}):
            seq += 1
            entries.append((seq, key, "removed", False))
            result.removed.append(key)
        tables.log_many(entries)
        tables.set_seqs(kept)
        tables.set_meta("incidents_stale", None)
        tables.set_meta("merge_rules", RULES_VERSION)
        return result

    # -- steps -----------------------------------------------------------------------------------
    def _link(self, tables: IncidentTables, event_ids: Sequence[int], result: MergeResult, *, log: bool) -> None:
        run = _Run(reports={}, events={}, new=set())
        fresh: list[Report] = []
        for event_id, event_key, document, content_hash, data, outlet, published in tables.unlinked_events(event_ids):
            event = json.loads(data)
            key = report_key(event_key=event_key, content_hash=content_hash)
            report = self.digester.digest(event, event_id=event_id, key=key, document=document, outlet=outlet,
                                          published=published)
            fresh.append(report)
            run.reports[event_id] = report
            run.events[event_id] = event
        if not fresh:
            return
        run.new = {r.event_id for r in fresh}
        tables.insert_reports((r, incident_key(r.key)) for r in fresh)
        result.reports_linked += len(fresh)
        # union-find keys: a new report by its event row, a stored component by its id negated
        components = Components()
        for report in fresh:
            components.find(report.event_id)
        self._join(tables, [r for r in fresh if r.mergeable], components, run)
        groups = []
        for parts in components.groups().values():
            ids = sorted(abs(part) for part in parts)
            target = ids[0]
            if len(ids) > 1:
                tables.merge_components(target, ids[1:])
            all_new = all(part > 0 for part in parts)
            groups.append((target, [run.reports[part] for part in parts] if all_new else None))
        self._write(tables, run, sorted(groups, key=lambda g: g[0]), result, log=log)

    def _report(self, row: tuple[Any, ...], run: _Run) -> Report:
        event_id, key, document, _component, features = row[:5]
        report = run.reports.get(event_id)
        if report is None:
            report = Report.from_json(features, event_id=event_id, key=key, document=document)
            run.reports[event_id] = report
        return report

    def _join(self, tables: IncidentTables, new: list[Report], components: Components, run: _Run) -> None:
        """Union every new report's component with those of the stored reports it is compatible with. The
        stored reports of a country are read once per run of overlapping windows (blocking)."""
        reach = max(self.rules.max_window_days, self.rules.named_window_days)  # the longest window a report may have
        by_country: dict[str, list[Report]] = {}
        for report in new:
            by_country.setdefault(report.country, []).append(report)
        for country, reports in sorted(by_country.items()):
            reports.sort(key=lambda r: (r.lo, r.event_id))
            for window in _runs(reports, reach):
                lo_from, lo_to = window[0].lo - reach, max(r.hi for r in window)  # type: ignore[operator]
                rows = sorted(tables.candidates(country, lo_from=lo_from, lo_to=lo_to, hi_from=window[0].lo),
                              key=lambda row: (row[5], row[0]))
                starts = [row[5] for row in rows]
                for report in window:
                    first = bisect.bisect_left(starts, report.lo - reach)  # type: ignore[operator]
                    last = bisect.bisect_right(starts, report.hi)
                    for row in rows[first:last]:
                        if row[0] == report.event_id or row[6] < report.lo:  # type: ignore[operator]
                            continue  # parsed only when the windows overlap
                        other, component = self._report(row, run), row[3]
                        fresh = other.event_id in run.new
                        if fresh and other.event_id < report.event_id:
                            continue  # a pair of new reports is scored once
                        if self.matcher.score(report, other) is not None:
                            components.union(report.event_id, other.event_id if fresh else -component)

    def _write(self, tables: IncidentTables, run: _Run, groups: list[tuple[int, list[Report] | None]],
               result: MergeResult, *, log: bool, force: bool = False) -> None:
        """Cluster each component, then write what changed: incidents created, updated and removed, their
        reports assigned, the log; in batches."""
        plans = []  # (key, reports, previous (row, members, record) or None)
        removed: list[tuple[str, int]] = []
        for component, members in groups:
            old: dict[str, tuple[int, frozenset[int], str]] = {}
            if members is None:  # a component with stored reports: read it whole, with its incidents
                members = [self._report(row, run) for row in tables.component_members(component)]
                old = tables.incidents_of([r.event_id for r in members])
            kept = set()
            for reports in cluster(members, self.matcher):
                key = incident_key(min(r.key for r in reports))
                kept.add(key)
                previous = old.get(key)
                if force or previous is None or previous[1] != frozenset(r.event_id for r in reports):
                    plans.append((key, reports, previous))
            removed += [(key, old[key][0]) for key in sorted(old) if key not in kept]
        details = tables.details([r for _, reports, _ in plans for r in reports], run.events)
        seq, next_row = tables.last_seq(), tables.next_incident_row()
        rows, assignments, entries = [], [], []
        for key, reports, previous in plans:
            record = build_record(key, [details[r.event_id] for r in reports])
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
            if previous is not None and previous[2] == text:
                assignments += [(previous[0], r.event_id) for r in reports]
                continue
            seq += 1
            if previous is None:
                row_id, next_row = next_row, next_row + 1
                entries.append((seq, key, "created", True))
                result.created.append(key)
                result.figures_changed.append(key)
            else:
                row_id = previous[0]
                changed = figures_of(json.loads(previous[2])) != figures_of(record)
                entries.append((seq, key, "updated", changed))
                result.updated.append(key)
                if changed:
                    result.figures_changed.append(key)
            rows.append((row_id, record, text, seq if log else 0, previous is None))
            assignments += [(row_id, r.event_id) for r in reports]
        tables.delete_incidents([row for _, row in removed])
        for key, _ in removed:
            seq += 1
            entries.append((seq, key, "removed", False))
            result.removed.append(key)
        tables.write_incidents(rows)
        tables.assign(assignments)
        if log:
            tables.log_many(entries)


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
