"""The SQL behind merging: the reports, incidents and incident_log tables, as the merger needs them.

The merger (wirecoder.incidents.merge) decides; this class reads and writes rows. It runs inside the
caller's transaction (the Database's write_batch or rebuild), so a batch and its merging commit together.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..incidents.features import Report
from ..incidents.record import CopyDetail, ReportDetail
from ..incidents.result import MergeResult

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ",".join("?" * len(items))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class IncidentTables:
    """Row access for merging, on a connection already inside a transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # -- reports ---------------------------------------------------------------------------------
    def unlinked_events(self, event_ids: Sequence[int] | None) -> Iterator[tuple[int, str, int, str, str, str, str]]:
        """(event row, event key, document row, content hash, event JSON, outlet, published) of events without a
        report: those given, or every one when ``event_ids`` is None."""
        sql = ("SELECT e.id, e.event_key, e.document_id, d.content_hash, e.data, coalesce(d.source, ''), "
               "coalesce(d.published, '') FROM events e "
               "JOIN documents d ON d.id = e.document_id "
               "WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id)")
        if event_ids is None:
            yield from self.conn.execute(sql + " ORDER BY e.id")
            return
        for chunk in _chunks(list(event_ids)):
            yield from self.conn.execute(sql + f" AND e.id IN ({_marks(chunk)}) ORDER BY e.id", tuple(chunk))

    def unlinked_ids(self) -> list[int]:
        """Rows of every event without a report, by country and date (so a chunk's blocks are few)."""
        return [row[0] for row in self.conn.execute(
            "SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id) "
            "ORDER BY e.country, e.date, e.id")]

    def insert_reports(self, reports: Iterable[tuple[Report, str]]) -> None:
        """Each (report, its reference id) in a component of its own."""
        self.conn.executemany(
            "INSERT INTO reports (event_id, report_key, report_ref, document_id, component, country, day_lo, "
            "day_hi, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((r.event_id, r.key, ref, r.document, r.event_id, r.country or None, r.lo, r.hi, r.to_json())
             for r, ref in reports))

    def candidates(self, country: str, *, lo_from: int, lo_to: int,
                   hi_from: int) -> Iterator[tuple[int, str, int, int, str, int, int]]:
        """(event row, report key, document row, component, features, first day, last day) of the reports of a
        country whose first day lies in [lo_from, lo_to] and last day is hi_from or later: the blocking query."""
        yield from self.conn.execute(
            "SELECT event_id, report_key, document_id, component, features, day_lo, day_hi FROM reports "
            "WHERE country = ? AND day_lo BETWEEN ? AND ? AND day_hi >= ?", (country, lo_from, lo_to, hi_from))

    def merge_components(self, target: int, others: Sequence[int]) -> None:
        for chunk in _chunks(list(others)):
            self.conn.execute(f"UPDATE reports SET component = ? WHERE component IN ({_marks(chunk)})",
                              (target, *chunk))

    def component_members(self, component: int) -> list[tuple[int, str, int, int, str]]:
        return self.conn.execute(
            "SELECT event_id, report_key, document_id, component, features FROM reports WHERE component = ?",
            (component,)).fetchall()

    def reports_of_documents(self, document_rows: Sequence[int]) -> list[int]:
        """Components of the reports of these documents."""
        out: list[int] = []
        for chunk in _chunks(list(document_rows)):
            out += [row[0] for row in self.conn.execute(
                f"SELECT DISTINCT component FROM reports WHERE document_id IN ({_marks(chunk)})", tuple(chunk))]
        return out

    def first_copies(self, content_hashes: Sequence[str]) -> list[int]:
        """Document rows of the first copies with these content hashes."""
        out: list[int] = []
        for chunk in _chunks(list(content_hashes)):
            out += [row[0] for row in self.conn.execute(
                f"SELECT id FROM documents WHERE content_hash IN ({_marks(chunk)})", tuple(chunk))]
        return out

    # -- incidents -------------------------------------------------------------------------------
    def incidents_of(self, event_ids: Sequence[int]) -> dict[str, tuple[int, frozenset[int], str]]:
        """incident key -> (row, member event rows, record JSON) of the incidents these reports belong to."""
        rows: dict[int, tuple[str, str]] = {}
        for chunk in _chunks(list(event_ids)):
            for row_id, key, record in self.conn.execute(
                    "SELECT i.id, i.incident_key, i.record FROM incidents i WHERE i.id IN (SELECT incident_id "
                    f"FROM reports WHERE event_id IN ({_marks(chunk)}))", tuple(chunk)):
                rows[row_id] = (key, record)
        out = {}
        for row_id, (key, record) in rows.items():
            members = frozenset(r[0] for r in self.conn.execute(
                "SELECT event_id FROM reports WHERE incident_id = ?", (row_id,)))
            out[key] = (row_id, members, record)
        return out

    def details(self, reports: Sequence[Report], events: dict[int, dict[str, Any]]) -> dict[int, ReportDetail]:
        """event row -> what the record needs of each report: its event (parsed already, else read), its
        article's metadata and the near-duplicate copies of the article."""
        by_id = {r.event_id: r for r in reports}
        missing = [event_id for event_id in by_id if event_id not in events]
        known = dict(events)
        for chunk in _chunks(missing):
            known.update((row[0], json.loads(row[1])) for row in self.conn.execute(
                f"SELECT id, data FROM events WHERE id IN ({_marks(chunk)})", tuple(chunk)))
        documents: dict[int, tuple[Any, ...]] = {}
        for chunk in _chunks(sorted({r.document for r in by_id.values()})):
            for row in self.conn.execute(
                    "SELECT id, doc_id, source, url, title, published, content_hash FROM documents "
                    f"WHERE id IN ({_marks(chunk)})", tuple(chunk)):
                documents[row[0]] = row[1:]
        copies: dict[str, list[CopyDetail]] = {}
        for chunk in _chunks(sorted({row[5] for row in documents.values()})):
            for doc_id, source, url, published, similarity, first in self.conn.execute(
                    "SELECT doc_id, source, url, published, similarity, duplicate_of FROM documents "
                    f"WHERE status = 'duplicate' AND duplicate_of IN ({_marks(chunk)}) ORDER BY doc_id, id",
                    tuple(chunk)):
                copies.setdefault(first, []).append(CopyDetail(doc_id, source, url, published, similarity))
        out = {}
        for event_id, report in by_id.items():
            doc_id, source, url, title, published, content_hash = documents[report.document]
            out[event_id] = ReportDetail(digest=report, event=known[event_id], document_id=doc_id, source=source,
                                         url=url, title=title, published=published,
                                         copies=tuple(copies.get(content_hash, ())))
        return out

    def next_incident_row(self) -> int:
        return int(self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM incidents").fetchone()[0])

    def write_incidents(self, rows: Sequence[tuple[int, dict[str, Any], str, int, bool]]) -> None:
        """Insert or replace incidents: (row, record, record JSON, log sequence number, new?)."""
        values = []
        for row_id, record, text, seq, _new in rows:
            location = record.get("location") or {}
            values.append((
                row_id, record["id"], record.get("event_type"), record.get("sub_event_type"), record.get("date"),
                record.get("date_end"), record.get("date") or "", location.get("country"), location.get("admin1"),
                location.get("name"), location.get("lat"), location.get("lon"),
                (record.get("fatalities") or {}).get("best"), (record.get("injured") or {}).get("best"),
                record["number_of_sources"], record["number_of_reports"], record.get("first_reported"),
                record.get("last_reported"), int(bool(record.get("background"))), text, seq, seq))
        self.conn.executemany(
            "INSERT INTO incidents (id, incident_key, event_type, sub_event_type, date, date_end, date_sort, country, "
            "admin1, location, lat, lon, fatalities_best, injured_best, number_of_sources, number_of_reports, "
            "first_reported, last_reported, background, record, created_seq, changed_seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET incident_key = excluded.incident_key, event_type = excluded.event_type, "
            "sub_event_type = excluded.sub_event_type, date = excluded.date, date_end = excluded.date_end, "
            "date_sort = excluded.date_sort, country = excluded.country, admin1 = excluded.admin1, "
            "location = excluded.location, lat = excluded.lat, lon = excluded.lon, "
            "fatalities_best = excluded.fatalities_best, injured_best = excluded.injured_best, "
            "number_of_sources = excluded.number_of_sources, number_of_reports = excluded.number_of_reports, "
            "first_reported = excluded.first_reported, last_reported = excluded.last_reported, "
            "background = excluded.background, record = excluded.record, changed_seq = excluded.changed_seq",
            values)

    def assign(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Each (incident row, event row): the report belongs to that incident."""
        self.conn.executemany("UPDATE reports SET incident_id = ? WHERE event_id = ?", pairs)

    def delete_incidents(self, row_ids: Sequence[int]) -> None:
        for chunk in _chunks(list(row_ids)):
            self.conn.execute(f"DELETE FROM incidents WHERE id IN ({_marks(chunk)})", tuple(chunk))

    def log_many(self, entries: Sequence[tuple[int, str, str, bool]]) -> None:
        """Append (sequence number, incident id, change, figures changed?) to the incident log."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.conn.executemany(
            "INSERT INTO incident_log (seq, incident_key, change, figures_changed, logged_at) VALUES (?, ?, ?, ?, ?)",
            [(seq, key, change, int(figures), now) for seq, key, change, figures in entries])

    def last_seq(self) -> int:
        return int(self.conn.execute("SELECT coalesce(max(seq), 0) FROM incident_log").fetchone()[0])

    # -- rebuilding ------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, tuple[str, int, int]]:
        """incident key -> (record JSON, created seq, changed seq) of every incident."""
        return {key: (record, created, changed) for key, record, created, changed in self.conn.execute(
            "SELECT incident_key, record, created_seq, changed_seq FROM incidents")}

    def clear(self) -> None:
        self.conn.execute("DELETE FROM reports")
        self.conn.execute("DELETE FROM incidents")

    def current(self) -> dict[str, str]:
        return {key: record for key, record in self.conn.execute("SELECT incident_key, record FROM incidents")}

    def set_seqs(self, seqs: Sequence[tuple[int, int, str]]) -> None:
        """Each (created seq, changed seq, incident id)."""
        self.conn.executemany("UPDATE incidents SET created_seq = ?, changed_seq = ? WHERE incident_key = ?", seqs)

    def mark_stale(self) -> MergeResult:
        """Events were written unmerged: the next catch-up merges them. Nothing merged now."""
        self.set_meta("incidents_stale", "1")
        return MergeResult()

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def has_events(self) -> bool:
        return bool(self.conn.execute("SELECT EXISTS (SELECT 1 FROM events)").fetchone()[0])

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM store_meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
