"""Reading incidents: filtered listings with keyset pagination, one incident with its reports, the change log.

All SQL is parameterised; a filter value never becomes SQL. Pages are keyset-paginated on a stable sort
(the sort value, then the incident id), so a listing walked page by page while a writer adds incidents
neither repeats nor skips what was there when it started.
"""
from __future__ import annotations

import base64
import dataclasses
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..errors import WirecoderError
from .incident_rows import IncidentChange, IncidentFilter, IncidentOrder, IncidentPage, StoredIncident, StoredReport
from .queries import CONFIDENT, check_confidence, check_date, country_code, fts_query

_ORDERS: dict[str, tuple[str, str]] = {  # order -> (sort column, direction)
    "date": ("i.date_sort", "ASC"), "-date": ("i.date_sort", "DESC"), "changed": ("i.changed_seq", "ASC")}
MAX_PAGE = 1000
_CHANGED_AT = "(SELECT logged_at FROM incident_log WHERE seq = i.changed_seq)"


def _cursor(value: Any, key: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([value, key]).encode("utf-8")).decode("ascii")


def _uncursor(cursor: str) -> tuple[Any, str]:
    try:
        value, key = json.loads(base64.urlsafe_b64decode(cursor.encode("ascii")))
    except (ValueError, TypeError, UnicodeError, RecursionError) as err:
        raise WirecoderError("W061", f"the cursor {cursor[:40]!r} is not one this store gave") from err
    if not isinstance(key, str) or not isinstance(value, (str, int)):
        raise WirecoderError("W061", f"the cursor {cursor[:40]!r} is not one this store gave")
    return value, key


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def filter_sql(flt: IncidentFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if flt.since:
        where.append("i.date_sort >= ?")
        params.append(check_date("since", flt.since))
    if flt.until:
        until = check_date("until", flt.until)
        where.append("i.date_sort != '' AND substr(i.date_sort, 1, ?) <= ?")
        params += [len(until), until]
    if flt.country:
        where.append("i.country = ?")
        params.append(country_code(flt.country))
    if flt.admin1:
        where.append("lower(i.admin1) = lower(?)")
        params.append(flt.admin1)
    if flt.event_type:
        where.append("(lower(i.event_type) = lower(?) OR lower(i.sub_event_type) = lower(?))")
        params += [flt.event_type, flt.event_type]
    if flt.actor:
        where.append("EXISTS (SELECT 1 FROM reports r JOIN actors a ON a.event_id = r.event_id WHERE "
                     "r.incident_id = i.id AND (a.name LIKE ? ESCAPE '\\' OR lower(a.kind) = lower(?)))")
        params += [_like(flt.actor), flt.actor]
    if flt.text:
        where.append("EXISTS (SELECT 1 FROM reports r WHERE r.incident_id = i.id AND r.document_id IN "
                     "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))")
        params.append(fts_query(flt.text))
    if flt.bbox is not None:
        west, south, east, north = _check_bbox(flt.bbox)
        where.append("i.lat BETWEEN ? AND ?")
        params += [south, north]
        where.append("i.lon BETWEEN ? AND ?" if west <= east else "(i.lon >= ? OR i.lon <= ?)")
        params += [west, east]
    if flt.min_sources is not None:
        where.append("i.number_of_sources >= ?")
        params.append(int(flt.min_sources))
    if not flt.include_background:
        where.append("i.background = 0")
    if flt.min_confidence is not None:  # an incident is as sure as its surest report, or an analyst's word
        where.append(f"(EXISTS (SELECT 1 FROM reports r JOIN events e ON e.id = r.event_id WHERE r.incident_id = i.id "
                     f"AND {CONFIDENT}) OR EXISTS (SELECT 1 FROM review_state rs WHERE rs.target_kind = 'incident' "
                     "AND rs.target_key = i.incident_key AND rs.status IN ('accepted', 'corrected')))")
        params.append(check_confidence(flt.min_confidence))
    if flt.changed_after is not None:
        where.append("i.changed_seq > ?")
        params.append(int(flt.changed_after))
    return where, params


def _check_bbox(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(v) for v in bbox)
    except (TypeError, ValueError) as err:
        raise WirecoderError("W008", f"the bounding box {bbox!r} is not four numbers west,south,east,north") from err
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise WirecoderError("W008", f"the bounding box {bbox!r} is not west,south,east,north in degrees "
                                     "(south <= north; west > east crosses the antimeridian)")
    return west, south, east, north


class IncidentReader:
    """Reads incidents on the Database's connection."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def page(self, flt: IncidentFilter, *, order: IncidentOrder = "date", after: str | None = None,
             limit: int = 100, with_reports: bool = False) -> IncidentPage:
        if order not in _ORDERS:
            raise WirecoderError("W008", f"the order {order!r} is not one of {', '.join(_ORDERS)}")
        if not 1 <= limit <= MAX_PAGE:
            raise WirecoderError("W008", f"the page size {limit} is not between 1 and {MAX_PAGE}")
        column, direction = _ORDERS[order]
        where, params = filter_sql(flt)
        if after is not None:
            value, key = _uncursor(after)
            where.append(f"({column}, i.incident_key) {'>' if direction == 'ASC' else '<'} (?, ?)")
            params += [value, key]
        sql = (f"SELECT i.incident_key, i.record, i.created_seq, i.changed_seq, {column}, {_CHANGED_AT} "
               "FROM incidents i"
               + (" WHERE " + " AND ".join(where) if where else "")
               + f" ORDER BY {column} {direction}, i.incident_key {direction} LIMIT ?")
        rows = self.conn.execute(sql, (*params, limit + 1)).fetchall()
        items = [self._incident(row, with_reports=with_reports) for row in rows[:limit]]
        following = _cursor(rows[limit - 1][4], rows[limit - 1][0]) if len(rows) > limit else None
        return IncidentPage(items=items, next_cursor=following)

    def iterate(self, flt: IncidentFilter, *, order: IncidentOrder = "date", limit: int | None = None,
                with_reports: bool = False, with_text: bool = False) -> Iterator[StoredIncident]:
        after, count = None, 0
        while limit is None or count < limit:
            size = MAX_PAGE if limit is None else min(MAX_PAGE, limit - count)
            page = self.page(flt, order=order, after=after, limit=size)
            for item in page.items:
                yield self._with_reports(item, with_text=with_text) if with_reports else item
            count += len(page.items)
            if page.next_cursor is None:
                return
            after = page.next_cursor

    def get(self, incident_id: str, *, with_reports: bool = True, with_text: bool = False) -> StoredIncident | None:
        """The incident of this id; an older id (from before reports joined or incidents merged) gives the
        incident that now holds the report the old id was derived from."""
        sql = f"SELECT i.incident_key, i.record, i.created_seq, i.changed_seq, NULL, {_CHANGED_AT} FROM incidents i "
        row = self.conn.execute(sql + "WHERE i.incident_key = ?", (incident_id,)).fetchone()
        requested = None
        if row is None:
            row = self.conn.execute(sql + "JOIN reports r ON r.incident_id = i.id WHERE r.report_ref = ? "
                                          "ORDER BY r.report_key LIMIT 1", (incident_id,)).fetchone()
            requested = incident_id
        if row is None:
            return None
        incident = self._incident(row, requested=requested)
        return self._with_reports(incident, with_text=with_text) if with_reports else incident

    def reports(self, incident_row_key: str, *, with_text: bool = False) -> list[StoredReport]:
        rows = self.conn.execute(
            "SELECT r.report_key FROM reports r JOIN incidents i ON i.id = r.incident_id WHERE i.incident_key = ?",
            (incident_row_key,)).fetchall()
        found = [self.report(key, with_text=with_text) for (key,) in rows]
        return [report for report in found if report is not None]

    def report(self, report_key: str, *, with_text: bool = False) -> StoredReport | None:
        row = self.conn.execute(
            "SELECT r.report_key, i.incident_key, e.data, d.doc_id, d.url, d.title, d.source, d.published, "
            "d.content_hash, " + ("d.text " if with_text else "NULL ") +
            "FROM reports r JOIN events e ON e.id = r.event_id JOIN documents d ON d.id = e.document_id "
            "LEFT JOIN incidents i ON i.id = r.incident_id WHERE r.report_key = ?", (report_key,)).fetchone()
        if row is None:
            return None
        copies = tuple(doc for (doc,) in self.conn.execute(
            "SELECT doc_id FROM documents WHERE status = 'duplicate' AND duplicate_of = ? ORDER BY doc_id, id",
            (row[8],)))
        return StoredReport(report_key=row[0], incident_id=row[1], event=json.loads(row[2]), document_id=row[3],
                            document_url=row[4], document_title=row[5], document_source=row[6],
                            document_published=row[7], duplicate_copies=copies, document_text=row[9])

    def changes(self, *, after: int = 0, limit: int = 1000) -> list[IncidentChange]:
        return [IncidentChange(seq=seq, incident_id=key, change=change, figures_changed=bool(figures),
                               logged_at=at)
                for seq, key, change, figures, at in self.conn.execute(
                    "SELECT seq, incident_key, change, figures_changed, logged_at FROM incident_log "
                    "WHERE seq > ? ORDER BY seq LIMIT ?", (int(after), int(limit)))]

    def _incident(self, row: tuple[Any, ...], *, with_reports: bool = False,
                  requested: str | None = None) -> StoredIncident:
        incident = StoredIncident(id=row[0], record=json.loads(row[1]), created_seq=row[2], changed_seq=row[3],
                                  requested_id=requested, changed_at=row[5])
        return self._with_reports(incident) if with_reports else incident

    def _with_reports(self, incident: StoredIncident, *, with_text: bool = False) -> StoredIncident:
        by_key = {r.report_key: r for r in self.reports(incident.id, with_text=with_text)}
        ordered = tuple(by_key[key] for key in incident.record.get("reports") or [] if key in by_key)
        return dataclasses.replace(incident, reports=ordered)
