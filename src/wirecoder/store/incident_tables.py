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
    def unlinked_events(self, event_ids: Sequence[int] | None) -> Iterator[tuple[int, str, int, str, str]]:
        """(event row, event key, document row, content hash, event JSON) of events without a report: those
        given, or every one when ``event_ids`` is None."""
        sql = ("SELECT e.id, e.event_key, e.document_id, d.content_hash, e.data FROM events e "
               "JOIN documents d ON d.id = e.document_id "
               "WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.event_id = e.id)")
        if event_ids is None:
            yield from self.conn.execute(sql + " ORDER BY e.id")
            return
        for chunk in _chunks(list(event_ids)):
            yield from self.conn.execute(sql + f" AND e.id IN ({_marks(chunk)}) ORDER BY e.id", tuple(chunk))

    def insert_reports(self, reports: Iterable[tuple[Report, str]]) -> None:
        """Each (report, its reference id) in a component of its own."""
        self.conn.executemany(
            "INSERT INTO reports (event_id, report_key, report_ref, document_id, component, country, day_lo, "
            "day_hi, features) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((r.event_id, r.key, ref, r.document, r.event_id, r.country or None, r.lo, r.hi, r.to_json())
             for r, ref in reports))

    def candidates(self, country: str, *, lo_from: int, lo_to: int) -> Iterator[tuple[int, str, int, int, str]]:
        """(event row, report key, document row, component, features) of the reports of a country whose first
        day lies in [lo_from, lo_to]: the blocking query."""
        yield from self.conn.execute(
            "SELECT event_id, report_key, document_id, component, features FROM reports "
            "WHERE country = ? AND day_lo BETWEEN ? AND ?", (country, lo_from, lo_to))

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

    def details(self, reports: Sequence[Report]) -> list[ReportDetail]:
        by_id = {r.event_id: r for r in reports}
        rows = []
        for chunk in _chunks(list(by_id)):
            rows += self.conn.execute(
                "SELECT e.id, e.data, d.doc_id, d.source, d.url, d.title, d.published, d.content_hash "
                f"FROM events e JOIN documents d ON d.id = e.document_id WHERE e.id IN ({_marks(chunk)})",
                tuple(chunk)).fetchall()
        hashes = sorted({row[7] for row in rows})
        copies: dict[str, list[CopyDetail]] = {}
        for chunk in _chunks(hashes):
            for doc_id, source, url, published, similarity, first in self.conn.execute(
                    "SELECT doc_id, source, url, published, similarity, duplicate_of FROM documents "
                    f"WHERE status = 'duplicate' AND duplicate_of IN ({_marks(chunk)}) ORDER BY doc_id, id",
                    tuple(chunk)):
                copies.setdefault(first, []).append(CopyDetail(doc_id, source, url, published, similarity))
        return [ReportDetail(digest=by_id[row[0]], event=json.loads(row[1]), document_id=row[2], source=row[3],
                             url=row[4], title=row[5], published=row[6], copies=tuple(copies.get(row[7], ())))
                for row in rows]

    def write_incident(self, record: dict[str, Any], *, row_id: int | None, seq: int) -> int:
        """Insert (row_id None) or replace an incident's row from its record; return its row."""
        location = record.get("location") or {}
        columns = {
            "incident_key": record["id"], "event_type": record.get("event_type"),
            "sub_event_type": record.get("sub_event_type"), "date": record.get("date"),
            "date_end": record.get("date_end"), "date_sort": record.get("date") or "",
            "country": location.get("country"), "admin1": location.get("admin1"), "location": location.get("name"),
            "lat": location.get("lat"), "lon": location.get("lon"),
            "fatalities_best": (record.get("fatalities") or {}).get("best"),
            "injured_best": (record.get("injured") or {}).get("best"),
            "number_of_sources": record["number_of_sources"], "number_of_reports": record["number_of_reports"],
            "first_reported": record.get("first_reported"), "last_reported": record.get("last_reported"),
            "background": int(bool(record.get("background"))), "record": _dumps(record), "changed_seq": seq,
        }
        if row_id is None:
            columns["created_seq"] = seq
            names = ", ".join(columns)
            cursor = self.conn.execute(f"INSERT INTO incidents ({names}) VALUES ({_marks(list(columns))})",
                                       tuple(columns.values()))
            return int(cursor.lastrowid)  # type: ignore[arg-type]
        assignments = ", ".join(f"{name} = ?" for name in columns)
        self.conn.execute(f"UPDATE incidents SET {assignments} WHERE id = ?", (*columns.values(), row_id))
        return row_id

    def assign(self, row_id: int, event_ids: Iterable[int]) -> None:
        self.conn.executemany("UPDATE reports SET incident_id = ? WHERE event_id = ?",
                              ((row_id, event_id) for event_id in event_ids))

    def delete_incidents(self, row_ids: Sequence[int]) -> None:
        for chunk in _chunks(list(row_ids)):
            self.conn.execute(f"DELETE FROM incidents WHERE id IN ({_marks(chunk)})", tuple(chunk))

    def log(self, key: str, change: str, *, figures_changed: bool) -> int:
        cursor = self.conn.execute(
            "INSERT INTO incident_log (incident_key, change, figures_changed, logged_at) VALUES (?, ?, ?, ?)",
            (key, change, int(figures_changed), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
        return int(cursor.lastrowid)  # type: ignore[arg-type]

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

    def set_seqs(self, key: str, *, created: int, changed: int) -> None:
        self.conn.execute("UPDATE incidents SET created_seq = ?, changed_seq = ? WHERE incident_key = ?",
                          (created, changed, key))

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM store_meta WHERE key = ?", (key,))
        else:
            self.conn.execute("INSERT INTO store_meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))
