"""The state `wirecoder watch` keeps in the store, so that a restart (even after kill -9) resumes without
fetching again what it had, and without alerting twice: each source's validators (ETag, Last-Modified) and
health, each item a source listed (pending until its article is stored), and the alerts owed to each sink.

Reached through ``Database.watch``; every write is one transaction of the Database's connection."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SourceState:
    id: int
    address: str
    kind: str | None
    etag: str | None
    last_modified: str | None
    polls: int
    failures: int  # in a row
    next_poll_at: str | None
    last_error_code: str | None
    last_error: str | None

    def due(self, now: dt.datetime) -> bool:
        return self.next_poll_at is None or self.next_poll_at <= _iso(now)


@dataclass(frozen=True)
class ListedItem:
    """What a source says about one of its items; ``key`` identifies it within the source."""

    key: str
    url: str
    title: str | None = None
    published: str | None = None
    content: str | None = None  # the feed's own full text of the entry, used when the page cannot be had


@dataclass(frozen=True)
class PendingItem:
    id: int
    source_id: int
    source: str
    url: str
    title: str | None
    published: str | None
    content: str | None
    attempts: int


@dataclass(frozen=True)
class AlertRow:
    id: int
    alert_id: str
    sink: str
    payload: str
    attempts: int


@dataclass(frozen=True)
class OwedAlert:
    alert_id: str
    sink: str
    rule: str
    incident_id: str
    fingerprint: str
    payload: dict[str, Any]


class WatchState:
    def __init__(self, conn: sqlite3.Connection, transaction: Callable[[], AbstractContextManager[None]]):
        self._conn, self._transaction = conn, transaction

    # -- sources ---------------------------------------------------------------------------------
    def source(self, address: str) -> SourceState:
        with self._transaction():
            self._conn.execute("INSERT INTO watch_sources (address) VALUES (?) ON CONFLICT (address) DO NOTHING",
                               (address,))
        row = self._conn.execute(
            "SELECT id, address, kind, etag, last_modified, polls, failures, next_poll_at, last_error_code, "
            "last_error FROM watch_sources WHERE address = ?", (address,)).fetchone()
        return SourceState(*row)

    def sources(self) -> list[SourceState]:
        return [SourceState(*row) for row in self._conn.execute(
            "SELECT id, address, kind, etag, last_modified, polls, failures, next_poll_at, last_error_code, "
            "last_error FROM watch_sources ORDER BY id")]

    def polled(self, source: SourceState, *, now: dt.datetime, next_poll: dt.datetime, kind: str | None,
               etag: str | None, last_modified: str | None, items: Sequence[ListedItem]) -> int:
        """A poll that worked: new validators, the items listed (new ones pending), health reset. Returns how
        many items were new. One transaction: a crash keeps all of it or none."""
        new = 0
        with self._transaction():
            for item in items:
                cursor = self._conn.execute(
                    "INSERT INTO watch_items (source_id, item_key, url, title, published, content, status, "
                    "first_seen_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?) "
                    "ON CONFLICT (source_id, item_key) DO NOTHING",
                    (source.id, item.key, item.url, item.title, item.published, item.content, _iso(now)))
                new += cursor.rowcount
            self._conn.execute(
                "UPDATE watch_sources SET kind = coalesce(?, kind), etag = ?, last_modified = ?, polls = polls + 1, "
                "failures = 0, last_polled_at = ?, last_ok_at = ?, next_poll_at = ?, last_error_code = NULL, "
                "last_error = NULL WHERE id = ?",
                (kind, etag, last_modified, _iso(now), _iso(now), _iso(next_poll), source.id))
        return new

    def not_modified(self, source: SourceState, *, now: dt.datetime, next_poll: dt.datetime) -> None:
        with self._transaction():
            self._conn.execute(
                "UPDATE watch_sources SET polls = polls + 1, failures = 0, last_polled_at = ?, last_ok_at = ?, "
                "next_poll_at = ?, last_error_code = NULL, last_error = NULL WHERE id = ?",
                (_iso(now), _iso(now), _iso(next_poll), source.id))

    def failed(self, source: SourceState, *, now: dt.datetime, next_poll: dt.datetime, code: str,
               reason: str) -> None:
        with self._transaction():
            self._conn.execute(
                "UPDATE watch_sources SET polls = polls + 1, failures = failures + 1, last_polled_at = ?, "
                "next_poll_at = ?, last_error_code = ?, last_error = ? WHERE id = ?",
                (_iso(now), _iso(next_poll), code, reason, source.id))

    # -- items -----------------------------------------------------------------------------------
    def pending_items(self, *, max_attempts: int, addresses: Iterable[str]) -> list[PendingItem]:
        """Items still owed an article (new, or failed fewer than ``max_attempts`` times), oldest first."""
        wanted = list(addresses)
        marks = ",".join("?" * len(wanted))
        return [PendingItem(*row) for row in self._conn.execute(
            "SELECT i.id, i.source_id, s.address, i.url, i.title, i.published, i.content, i.attempts "
            "FROM watch_items i JOIN watch_sources s ON s.id = i.source_id "
            f"WHERE s.address IN ({marks}) AND (i.status = 'pending' OR (i.status = 'failed' AND i.attempts < ?)) "
            "ORDER BY i.id", (*wanted, max_attempts))]

    def stored_origins(self, origins: Iterable[str]) -> set[str]:
        """Which of these origins a stored document or a recorded failure already has (an item whose article
        was stored before a crash is not fetched again)."""
        wanted = list(origins)
        if not wanted:
            return set()
        marks = ",".join("?" * len(wanted))
        return {row[0] for row in self._conn.execute(
            f"SELECT origin FROM documents WHERE origin IN ({marks}) UNION "
            f"SELECT url FROM documents WHERE url IN ({marks})", (*wanted, *wanted))}

    def items_done(self, outcomes: Iterable[tuple[int, str | None, str | None]], *, now: dt.datetime) -> None:
        """(item id, error code or None, reason) for each item handled; an error leaves it to retry."""
        with self._transaction():
            for item_id, code, reason in outcomes:
                self._conn.execute(
                    "UPDATE watch_items SET status = ?, attempts = attempts + 1, error_code = ?, error = ?, "
                    "done_at = ? WHERE id = ?",
                    ("failed" if code else "done", code, reason, _iso(now), item_id))

    def item_counts(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT status, count(*) FROM watch_items GROUP BY status").fetchall())

    # -- alerts ----------------------------------------------------------------------------------
    def cursor(self, name: str) -> int | None:
        """A position kept by name (None: never set)."""
        row = self._conn.execute("SELECT value FROM watch_cursors WHERE name = ?", (name,)).fetchone()
        return int(row[0]) if row else None

    def owe(self, alerts: Iterable[OwedAlert], *, cursor: tuple[str, int], now: dt.datetime) -> int:
        """Record alerts owed (each (alert, sink) once, ever) and move the cursor, in one transaction."""
        added = 0
        with self._transaction():
            for alert in alerts:
                added += self._conn.execute(
                    "INSERT INTO watch_alerts (alert_id, sink, rule, incident_id, fingerprint, payload, status, "
                    "created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?) "
                    "ON CONFLICT (alert_id, sink) DO NOTHING",
                    (alert.alert_id, alert.sink, alert.rule, alert.incident_id, alert.fingerprint,
                     json.dumps(alert.payload, ensure_ascii=False, sort_keys=True), _iso(now), _iso(now))).rowcount
            self._conn.execute("INSERT INTO watch_cursors (name, value) VALUES (?, ?) "
                               "ON CONFLICT (name) DO UPDATE SET value = excluded.value", cursor)
        return added

    def alerted(self, rule: str, incident_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM watch_alerts WHERE rule = ? AND incident_id = ? LIMIT 1",
                                  (rule, incident_id)).fetchone() is not None

    def alerts_due(self, *, now: dt.datetime) -> list[AlertRow]:
        return [AlertRow(*row) for row in self._conn.execute(
            "SELECT id, alert_id, sink, payload, attempts FROM watch_alerts "
            "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id", (_iso(now),))]

    def delivered(self, row_id: int, *, now: dt.datetime) -> None:
        with self._transaction():
            self._conn.execute("UPDATE watch_alerts SET status = 'delivered', attempts = attempts + 1, "
                               "delivered_at = ?, last_error = NULL WHERE id = ?", (_iso(now), row_id))

    def undelivered(self, row_id: int, *, error: str, retry_at: dt.datetime | None) -> None:
        """A failed delivery: retried at ``retry_at``, or given up (status failed) when it is None."""
        with self._transaction():
            self._conn.execute(
                "UPDATE watch_alerts SET status = ?, attempts = attempts + 1, last_error = ?, "
                "next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?",
                ("pending" if retry_at else "failed", error, _iso(retry_at) if retry_at else None, row_id))

    def alert_counts(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT status, count(*) FROM watch_alerts GROUP BY status").fetchall())

    def last_incident_change(self) -> int:
        """The sequence number of the incident log's last entry (0 when empty)."""
        return int(self._conn.execute("SELECT coalesce(max(seq), 0) FROM incident_log").fetchone()[0])

    def event_row(self, report_key: str | None) -> int | None:
        """The events row of a report (what the web page's ``#event=`` links name)."""
        if not report_key:
            return None
        row = self._conn.execute("SELECT event_id FROM reports WHERE report_key = ?", (report_key,)).fetchone()
        return int(row[0]) if row else None
