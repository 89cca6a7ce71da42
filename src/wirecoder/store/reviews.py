"""The review log in the store: appended to, never changed (triggers refuse UPDATE and DELETE).

A part of the Database class (a mixin: Database owns the one connection). Each review is appended in one
transaction with the state its target's whole log now folds into (``review_state``); triggers copy that state
onto the target's events, so lists, filters and exports show reviewed values. Reviews attach to stable keys
(document id + event key; incident id), never to row numbers, so they survive re-coding and re-merging.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from ..errors import WirecoderError
from ..review.corrections import ReviewInput, check_review, report_target
from ..review.state import LoggedReview, ReviewState, apply_review, field_value, fold_reviews
from ..taxonomy import event_type_of


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ReviewStore:
    """Reviews and API tokens: methods of ``Database``."""

    _conn: sqlite3.Connection

    def _transaction(self) -> Any:  # provided by Database
        raise NotImplementedError

    # -- the log ---------------------------------------------------------------------------------
    def add_review(self, entry: ReviewInput) -> LoggedReview:
        """Check and append one review; the target must exist. Returns the entry as logged."""
        entry = check_review(entry)
        with self._transaction():
            if entry.target_kind == "incident":
                incident = self.incident(str(entry.incident_id), with_reports=False)  # type: ignore[attr-defined]
                if incident is None:
                    raise WirecoderError("W060", f"there is no incident {entry.incident_id!r}")
                entry = replace(entry, incident_id=incident.id)  # an older id is logged under the current one
                coded, log = incident.record, self.incident_log(incident)
            else:
                coded = self._report_event(entry)
                log = self.review_log(target_kind=entry.target_kind, target_key=entry.target_key)
            state = fold_reviews(log)
            shown, _ = apply_review(coded, state)
            old = field_value(shown, entry.field) if entry.field else None
            reviewed_at = _now()
            cursor = self._conn.execute(
                "INSERT INTO reviews (target_kind, target_key, document_id, event_key, incident_id, action, field, "
                "old_value, new_value, reason, comment, reviewer, reviewed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.target_kind, entry.target_key, entry.document_id, entry.event_key, entry.incident_id,
                 entry.action, entry.field, _dumps(old) if entry.field else None,
                 _dumps(entry.value) if entry.field else None, entry.reason, entry.comment, entry.reviewer,
                 reviewed_at))
            logged = LoggedReview(id=int(cursor.lastrowid), reviewer=entry.reviewer, reviewed_at=reviewed_at,
                                  action=entry.action, field=entry.field, old_value=old, new_value=entry.value,
                                  reason=entry.reason, comment=entry.comment)
            new_state = fold_reviews([*log, logged])
            assert new_state is not None
            self._write_state(entry, new_state)
        return logged

    def _report_event(self, entry: ReviewInput) -> dict[str, Any]:
        row = self._conn.execute(
            "SELECT e.data FROM events e JOIN documents d ON d.id = e.document_id "
            "WHERE d.doc_id = ? AND e.event_key = ? ORDER BY e.id LIMIT 1",
            (entry.document_id, entry.event_key)).fetchone()
        if row is None:
            raise WirecoderError("W071", f"there is no event {entry.event_key!r} in document {entry.document_id!r}")
        return json.loads(row[0])

    def _write_state(self, entry: ReviewInput, state: ReviewState) -> None:
        values = state.fields
        location = values.get("location") or {}
        fatalities = values.get("fatalities") or {}
        sub_event_type = values.get("type")
        self._conn.execute(
            "INSERT INTO review_state (target_kind, target_key, document_id, event_key, incident_id, status, "
            "event_type, sub_event_type, date, country, admin1, lat, lon, fatalities, state) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (target_kind, target_key) DO UPDATE SET status = excluded.status, "
            "event_type = excluded.event_type, sub_event_type = excluded.sub_event_type, date = excluded.date, "
            "country = excluded.country, admin1 = excluded.admin1, lat = excluded.lat, lon = excluded.lon, "
            "fatalities = excluded.fatalities, state = excluded.state",
            (entry.target_kind, entry.target_key, entry.document_id, entry.event_key, entry.incident_id,
             state.status, event_type_of(sub_event_type) if sub_event_type else None, sub_event_type,
             values.get("date"), location.get("country"), location.get("admin1"), location.get("lat"),
             location.get("lon"), fatalities.get("best"), _dumps(state.as_dict())))

    def review_log(self, *, target_kind: str, target_key: str) -> list[LoggedReview]:
        """The log of one target, oldest first."""
        return [LoggedReview(id=row[0], reviewer=row[1], reviewed_at=row[2], action=row[3], field=row[4],
                             old_value=_loads(row[5]), new_value=_loads(row[6]), reason=row[7], comment=row[8])
                for row in self._conn.execute(
                    "SELECT id, reviewer, reviewed_at, action, field, old_value, new_value, reason, comment "
                    "FROM reviews WHERE target_kind = ? AND target_key = ? ORDER BY id", (target_kind, target_key))]

    def report_log(self, document_id: str, event_key: str) -> list[LoggedReview]:
        return self.review_log(target_kind="report", target_key=report_target(document_id, event_key))

    def report_review(self, document_id: str, event_key: str) -> ReviewState | None:
        return self.review_state(target_kind="report", target_key=report_target(document_id, event_key))

    def _incident_keys(self, incident: Any) -> list[str]:
        """Every id the incident has had or could be asked by: its own and those derived from each report
        (merging keeps older ids resolvable; reviews given under one stay with the incident)."""
        refs = [row[0] for row in self._conn.execute(
            "SELECT DISTINCT r.report_ref FROM reports r JOIN incidents i ON i.id = r.incident_id "
            "WHERE i.incident_key = ?", (incident.id,))]
        return [incident.id, *(ref for ref in refs if ref != incident.id)]

    def incident_log(self, incident: Any) -> list[LoggedReview]:
        """The reviews of an incident under any of its ids, oldest first."""
        keys = self._incident_keys(incident)
        marks = ", ".join("?" * len(keys))
        return [LoggedReview(id=row[0], reviewer=row[1], reviewed_at=row[2], action=row[3], field=row[4],
                             old_value=_loads(row[5]), new_value=_loads(row[6]), reason=row[7], comment=row[8])
                for row in self._conn.execute(
                    "SELECT id, reviewer, reviewed_at, action, field, old_value, new_value, reason, comment "
                    f"FROM reviews WHERE target_kind = 'incident' AND target_key IN ({marks}) ORDER BY id", keys)]

    def incident_review(self, incident: Any) -> dict[str, Any] | None:
        state = fold_reviews(self.incident_log(incident))
        return state.as_dict() if state else None

    def reviewed_incidents(self, incidents: Iterable[Any], *, include_rejected: bool = False) -> Iterator[Any]:
        """The incidents with their analysts' reviews laid over the merged record: reviewed values in place
        and ``record["review"]`` the review's state (the incident record's own field for it); incidents an
        analyst rejected are left out unless asked for."""
        if self._conn.execute("SELECT 1 FROM reviews WHERE target_kind = 'incident' LIMIT 1").fetchone() is None:
            yield from incidents  # no incident was ever reviewed: nothing to look up per incident
            return
        for incident in incidents:
            state = fold_reviews(self.incident_log(incident))
            if state is None:
                yield incident
                continue
            if state.status == "rejected" and not include_rejected:
                continue
            shown, _ = apply_review(incident.record, state)
            yield replace(incident, record={**shown, "review": state.as_dict()})

    def review_state(self, *, target_kind: str, target_key: str) -> ReviewState | None:
        row = self._conn.execute("SELECT state FROM review_state WHERE target_kind = ? AND target_key = ?",
                                 (target_kind, target_key)).fetchone()
        return ReviewState.from_dict(json.loads(row[0])) if row else None

    def reviewed_reports(self) -> Iterator[tuple[str, str, ReviewState]]:
        """(document id, event key, state) of every reviewed report, in the order first reviewed."""
        for document_id, event_key, state in self._conn.execute(
                "SELECT document_id, event_key, state FROM review_state WHERE target_kind = 'report' "
                "ORDER BY rowid"):
            yield document_id, event_key, ReviewState.from_dict(json.loads(state))

    def review_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM reviews").fetchone()[0])

    # -- tokens ----------------------------------------------------------------------------------
    def has_api_token(self) -> bool:
        return self._conn.execute("SELECT 1 FROM api_tokens LIMIT 1").fetchone() is not None

    def add_api_token(self, token: str, *, note: str | None = None) -> None:
        """Keep a write token (only its SHA-256 is stored; the token itself cannot be read back)."""
        with self._transaction():
            self._conn.execute("INSERT OR IGNORE INTO api_tokens (token_hash, created_at, note) VALUES (?, ?, ?)",
                               (token_hash(token), _now(), note))

    def check_api_token(self, token: str) -> bool:
        wanted = token_hash(token)
        return any(hmac.compare_digest(wanted, row[0])
                   for row in self._conn.execute("SELECT token_hash FROM api_tokens"))
