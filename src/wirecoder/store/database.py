"""Database: the one class that owns the SQLite file. Every read and write of the store goes through it.

One file, WAL journal, schema versioned by ``PRAGMA user_version`` (see schema.py). Each batch is written in
one ``BEGIN IMMEDIATE`` transaction, so a process killed at any moment leaves either the whole batch or none
of it; documents are unique by content hash, so writing the same article again adds nothing. All SQL is
parameterised.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WirecoderError
from ..incidents.result import MergeResult
from .incident_reads import IncidentReader
from .incident_rows import IncidentChange, IncidentFilter, IncidentOrder, IncidentPage, StoredIncident, StoredReport
from .queries import event_query, fts_query
from .browse import BrowseStore
from .queries import event_query, fts_query, stored_event
from .reviews import ReviewStore
from .rows import DocumentRow, EventFilter, FailureRow, StoreCounts, StoredEvent, WriteResult
from .schema import MIGRATIONS, SCHEMA_VERSION
from .watch import WatchState

if TYPE_CHECKING:
    from ..incidents.merge import Merger
    from .incident_tables import IncidentTables


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Database(ReviewStore, BrowseStore):
    """The store. Open it with ``Database(path)``; use it as a context manager or call ``close()``."""

    def __init__(self, path: str | Path, *, readonly: bool = False, busy_timeout_ms: int = 30_000):
        self.path = Path(path)
        self.readonly = readonly
        self._merger: Merger | None = None  # built on the first write: reading needs no merge rules
        try:
            if readonly:
                if not self.path.exists():
                    raise WirecoderError("W030", f"there is no database at {self.path}")
                self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            if not readonly:
                self._conn.execute("PRAGMA journal_mode = WAL")
                # NORMAL in WAL mode survives any process crash (kill -9); only power loss can lose the
                # last commits, never corrupt the file.
                self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA cache_size = -65536")  # up to 64 MB of pages: merging reads back recent ones
            self._migrate()
            if not readonly:  # merge what the store holds unmerged (older merge rules, a bulk load)
                with self._transaction():
                    merger, tables = self._merging()
                    merger.catch_up(tables)

        except sqlite3.DatabaseError as err:
            raise WirecoderError("W030", f"cannot open the database {self.path}: {err}") from err

    # -- lifecycle -------------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise WirecoderError(
                "W030", f"the database {self.path} has schema version {version}; this wirecoder knows up to "
                f"{SCHEMA_VERSION}")
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            raise WirecoderError("W030", f"the database {self.path} needs a schema upgrade; open it for writing once")
        for number in range(version, SCHEMA_VERSION):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                # the version is re-read inside the lock: another process may have migrated meanwhile
                if self.schema_version > number:
                    self._conn.execute("COMMIT")
                    continue
                for statement in _split_statements(MIGRATIONS[number]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {number + 1}")
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    # -- runs ------------------------------------------------------------------------------------
    def start_run(self, *, command: str, arguments: dict[str, Any]) -> int:
        with self._transaction():
            cursor = self._conn.execute(
                "INSERT INTO runs (command, arguments, started_at) VALUES (?, ?, ?)",
                (command, _dumps(arguments), _now()))
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, *, summary: dict[str, Any]) -> None:
        with self._transaction():
            self._conn.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                               (_now(), _dumps(summary), run_id))

    # -- writes ----------------------------------------------------------------------------------
    def write_batch(self, *, run_id: int | None, documents: Sequence[DocumentRow] = (),
                    failures: Sequence[FailureRow] = (), replace_failed: bool = False,
                    merge: bool = True) -> WriteResult:
        """Write documents (with their events, places, quotes) and failures in one transaction, and merge the
        events into incidents in it.

        With ``replace_failed`` a document stored earlier as failed is replaced by the new one (a retry);
        a coded document or a duplicate is never replaced. ``merge=False`` leaves the events unmerged (a bulk
        load): ``link_pending()`` merges them later, or the next opening of the store for writing does."""
        added = already = 0
        event_ids: list[int] = []
        copied: list[str] = []
        stored_at = _now()
        with self._transaction():
            for doc in documents:
                if replace_failed:
                    self._conn.execute("DELETE FROM documents WHERE content_hash = ? AND status = 'failed'",
                                       (doc.content_hash,))
                cursor = self._conn.execute(
                    "INSERT INTO documents (doc_id, content_hash, run_id, origin, url, title, source, "
                    "published, published_from, language, status, duplicate_of, similarity, error_code, "
                    "error_message, text, record, minhash, stored_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (content_hash) DO NOTHING",  # only this conflict: a CHECK failure still raises
                    (doc.doc_id, doc.content_hash, run_id, doc.origin, doc.url, doc.title, doc.source,
                     doc.published, doc.published_from,
                     (doc.record or {}).get("language"), doc.status, doc.duplicate_of, doc.similarity,
                     doc.error_code, doc.error_message, doc.text,
                     _dumps(doc.record) if doc.record is not None else None, doc.minhash, stored_at))
                if cursor.rowcount == 0:
                    already += 1
                    continue
                added += 1
                if doc.record is not None:
                    event_ids += self._insert_record_parts(int(cursor.lastrowid), doc.record)
                if doc.status == "duplicate" and doc.duplicate_of:
                    copied.append(doc.duplicate_of)
            for failure in failures:
                self._conn.execute(
                    "INSERT INTO failures (run_id, origin, code, reason, failed_at) VALUES (?, ?, ?, ?, ?)",
                    (run_id, failure.origin, failure.code, failure.reason, stored_at))
            merger, tables = self._merging()
            merged = merger.link_batch(tables, event_ids, copied) if merge else tables.mark_stale()
        return WriteResult(documents_added=added, documents_already_stored=already, events_added=len(event_ids),
                           failures_added=len(failures), incidents=merged)

    def link_pending(self) -> MergeResult:
        """Merge every stored event not merged yet (written with ``merge=False``), in one transaction."""
        with self._transaction():
            merger, tables = self._merging()
            return merger.link_pending(tables)

    def rebuild_incidents(self) -> MergeResult:
        """Merge every stored event again from scratch, in one transaction (after a rule change)."""
        with self._transaction():
            merger, tables = self._merging()
            return merger.rebuild(tables)

    def _merging(self) -> tuple[Merger, IncidentTables]:
        from ..incidents.merge import Merger
        from .incident_tables import IncidentTables

        if self._merger is None:
            self._merger = Merger()
        return self._merger, IncidentTables(self._conn)

    def _insert_record_parts(self, document_rowid: int, record: dict[str, Any]) -> list[int]:
        for place in record.get("places") or []:
            self._conn.execute(
                'INSERT INTO places (document_id, text, start, "end", name, geonameid, lat, lon, country, admin1, '
                "feature_class, feature_code, geo_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document_rowid, *(place.get(key) for key in (
                    "text", "start", "end", "name", "geonameid", "lat", "lon", "country", "admin1",
                    "feature_class", "feature_code", "geo_precision"))))
        for quote in record.get("quotes") or []:
            speaker = quote.get("speaker") or {}
            cue = quote.get("cue") or {}
            self._conn.execute(
                'INSERT INTO quotes (document_id, quote_key, speaker, speaker_role, cue, text, start, "end", direct) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document_rowid, quote.get("id"), speaker.get("name"), speaker.get("role"), cue.get("text"),
                 quote.get("text"), quote.get("start"), quote.get("end"), int(bool(quote.get("direct")))))
        event_ids = []
        for event in record.get("events") or []:
            location = event.get("location") or {}
            fatalities = event.get("fatalities") or {}
            injured = event.get("injured") or {}
            cursor = self._conn.execute(
                "INSERT INTO events (document_id, event_key, event_type, sub_event_type, date, date_end, country, "
                "background, fatalities_best, injured_best, confidence, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document_rowid, str(event.get("id")), event.get("event_type"), event.get("sub_event_type"),
                 event.get("date"), event.get("date_end"), location.get("country"),
                 int(bool(event.get("background"))), fatalities.get("best"), injured.get("best"),
                 event.get("confidence"), _dumps(event)))
            event_rowid = int(cursor.lastrowid)
            actors = [("actor1", event.get("actor1")), ("actor2", event.get("actor2"))]
            actors += [("assoc", actor) for actor in event.get("assoc_actors") or []]
            for role, actor in actors:
                if actor:
                    self._conn.execute(
                        'INSERT INTO actors (event_id, role, name, kind, country, text, start, "end") '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (event_rowid, role, actor.get("name"), actor.get("kind"), actor.get("country"),
                         actor.get("text"), actor.get("start"), actor.get("end")))
            for item in event.get("evidence") or []:
                self._conn.execute(
                    'INSERT INTO evidence (event_id, field, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                    (event_rowid, item.get("field"), item.get("start"), item.get("end"), item.get("text")))
            event_ids.append(event_rowid)
        return event_ids

    # -- reads -----------------------------------------------------------------------------------
    def known_hashes(self, *, include_failed: bool = True) -> set[str]:
        sql = "SELECT content_hash FROM documents" + ("" if include_failed else " WHERE status != 'failed'")
        return {row[0] for row in self._conn.execute(sql)}

    def first_copy_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(content hash, MinHash signature) of every stored document that is not itself a duplicate."""
        yield from self._conn.execute(
            "SELECT content_hash, minhash FROM documents WHERE status != 'duplicate' AND minhash IS NOT NULL")

    def events(self, event_filter: EventFilter = EventFilter(), *, limit: int | None = None,
               with_text: bool = False) -> Iterator[StoredEvent]:
        """Events matching the filter, by date; ``with_text`` adds each event's document text. Reviewed values
        are shown (and filtered on); rejected events are left out unless the filter asks for them."""
        sql, params = event_query(event_filter, limit=limit, with_text=with_text)
        for row in self._conn.execute(sql, params):
            yield stored_event(row)

    # -- incidents (docs/store.md) ---------------------------------------------------------------
    def incidents(self, incident_filter: IncidentFilter = IncidentFilter(), *, order: IncidentOrder = "date",
                  after: str | None = None, limit: int = 100, with_reports: bool = False) -> IncidentPage:
        """One page of incidents matching the filter, in a stable order; ``after`` is the previous page's
        ``next_cursor``."""
        return IncidentReader(self._conn).page(incident_filter, order=order, after=after, limit=limit,
                                               with_reports=with_reports)

    def iter_incidents(self, incident_filter: IncidentFilter = IncidentFilter(), *, order: IncidentOrder = "date",
                       limit: int | None = None, with_reports: bool = False,
                       with_text: bool = False) -> Iterator[StoredIncident]:
        """Every incident matching the filter, page by page (exports, the CLI)."""
        return IncidentReader(self._conn).iterate(incident_filter, order=order, limit=limit,
                                                  with_reports=with_reports, with_text=with_text)

    def incident(self, incident_id: str, *, with_reports: bool = True, with_text: bool = False) -> StoredIncident | None:
        """One incident with its reports; an older id of it (before it grew or absorbed another) finds it too."""
        return IncidentReader(self._conn).get(incident_id, with_reports=with_reports, with_text=with_text)

    def report(self, report_key: str, *, with_text: bool = False) -> StoredReport | None:
        """One report (an event of an article, with its evidence) by its key, and the incident it is in."""
        return IncidentReader(self._conn).report(report_key, with_text=with_text)

    def incident_changes(self, *, after: int = 0, limit: int = 1000) -> list[IncidentChange]:
        """Entries of the incident log with a sequence number above ``after``, oldest first."""
        return IncidentReader(self._conn).changes(after=after, limit=limit)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document record (or status, for a duplicate or failure) of a document id."""
        row = self._conn.execute(
            "SELECT doc_id, status, duplicate_of, error_code, error_message, record, origin FROM documents "
            "WHERE doc_id = ? ORDER BY id LIMIT 1", (doc_id,)).fetchone()
        if row is None:
            return None
        return {"id": row[0], "status": row[1], "duplicate_of": row[2], "error_code": row[3],
                "error_message": row[4], "record": json.loads(row[5]) if row[5] else None, "origin": row[6]}

    def duplicate_links(self) -> list[tuple[str, str, float | None]]:
        """(duplicate doc_id, first copy doc_id, similarity) for every near-duplicate."""
        return [tuple(row) for row in self._conn.execute(
            "SELECT d.doc_id, f.doc_id, d.similarity FROM documents d JOIN documents f "
            "ON f.content_hash = d.duplicate_of WHERE d.status = 'duplicate' ORDER BY d.id")]

    def failures(self, *, run_id: int | None = None) -> list[FailureRow]:
        sql = "SELECT origin, code, reason FROM failures"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        return [FailureRow(origin=o, code=c, reason=r) for o, c, r in self._conn.execute(sql + " ORDER BY id", params)]

    def failed_documents(self, *, run_id: int | None = None) -> list[FailureRow]:
        """Articles that were read but could not be coded (stored with status 'failed'), as failures."""
        sql = "SELECT origin, error_code, error_message FROM documents WHERE status = 'failed'"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " AND run_id = ?"
            params = (run_id,)
        return [FailureRow(origin=o, code=c or "W099", reason=r or "") for o, c, r in
                self._conn.execute(sql + " ORDER BY id", params)]

    def search_documents(self, text: str, *, limit: int = 20) -> list[tuple[str, str | None]]:
        """(doc_id, title) of documents matching a full-text query, best first."""
        return [tuple(row) for row in self._conn.execute(
            "SELECT d.doc_id, d.title FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (fts_query(text), limit))]

    def counts(self) -> StoreCounts:
        row = self._conn.execute(
            "SELECT count(*), sum(status = 'coded'), sum(status = 'duplicate'), sum(status = 'failed') "
            "FROM documents").fetchone()
        return StoreCounts(
            documents=row[0], coded=row[1] or 0, duplicates=row[2] or 0, failed_documents=row[3] or 0,
            events=self._scalar("SELECT count(*) FROM events"),
            failures=self._scalar("SELECT count(*) FROM failures"),
            runs=self._scalar("SELECT count(*) FROM runs"), incidents=self._scalar("SELECT count(*) FROM incidents"))

    def _scalar(self, sql: str) -> int:
        return int(self._conn.execute(sql).fetchone()[0])

    @property
    def watch(self) -> WatchState:
        """The state of `wirecoder watch` (sources, items, alerts owed), on this connection."""
        return WatchState(self._conn, self._transaction)

    # -- plumbing --------------------------------------------------------------------------------
    def _transaction(self) -> "_Transaction":
        if self.readonly:
            raise WirecoderError("W030", f"the database {self.path} is open read-only")
        return _Transaction(self._conn)


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def __enter__(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self._conn.execute("ROLLBACK" if exc_type is not None else "COMMIT")


def _split_statements(script: str) -> Iterator[str]:
    """Split a migration script into statements, keeping trigger bodies (which contain ';') whole."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
