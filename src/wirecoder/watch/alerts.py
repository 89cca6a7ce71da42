"""Alerts: after each write, the incidents the store's log says were created or changed since the last look
(``Database.incident_changes``: every writer's merges, this process's or another's) are matched against the
rules; each match is owed once per sink (keyed by rule, incident and its figures, so an incident whose
fatalities, injured or number of sources change is alerted again, and nothing else is; background incidents,
history that articles recount, are not alerted on), recorded in the store together
with the log position reached, in one transaction; then whatever is owed is delivered and marked. A crash
between two of these steps leaves an alert owed (delivered at the next poll), never forgotten, never owed
twice."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import WirecoderError
from ..incidents.record import figures_of
from ..store import Database
from ..store.watch import OwedAlert
from .rules import Rule, RuleSet
from .sinks import Sink, make_sink

CURSOR = "alerts"
SCHEMA = "wirecoder.alert/1"


@dataclass
class AlertReport:
    owed: int = 0  # newly owed this poll (one per alert and sink)
    delivered: int = 0
    retrying: int = 0
    given_up: int = 0
    errors: list[str] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"owed": self.owed, "delivered": self.delivered, "retrying": self.retrying,
                "given_up": self.given_up, "errors": self.errors or []}


def fingerprint(incident: dict[str, Any]) -> str:
    """The figures an alert is about (the incidents' own definition: fatalities, injured, number of sources):
    a change in any of them makes a new alert."""
    return json.dumps(figures_of(incident), sort_keys=True)


def alert_id(rule: str, incident_id: str, figures: str) -> str:
    return hashlib.sha256(f"{rule}\x00{incident_id}\x00{figures}".encode("utf-8")).hexdigest()[:32]


def incident_link(link_base: str | None, incident_id: str, event_row: int | None) -> str | None:
    """The incident in the web page: ``link_base`` is where `wirecoder serve` is reached, and the link opens the
    evidence view of the incident's clearest report (``BASE/#event=ROW``, which shows the incident with every
    report side by side); a base holding ``{id}`` or ``{event}`` is a template for another page's links."""
    if not link_base:
        return None
    if "{id}" in link_base or "{event}" in link_base:
        return link_base.replace("{id}", urllib.parse.quote(incident_id, safe="")).replace(
            "{event}", "" if event_row is None else str(event_row))
    return f"{link_base.rstrip('/')}/#event={event_row}" if event_row is not None else link_base


class Alerter:
    def __init__(self, *, db: Database, rules: RuleSet, link_base: str | None = None,
                 clock: Callable[[], dt.datetime], sleep: Callable[[float], None] = time.sleep,
                 max_attempts: int = 8, retry_after: float = 60.0, sinks: dict[str, Sink] | None = None):
        self.db, self.rules, self.clock = db, rules, clock
        self.link_base = link_base or rules.link_base
        self.max_attempts, self.retry_after = max_attempts, retry_after
        self.sinks = sinks or {name: make_sink(spec, sleep=sleep) for name, spec in rules.sinks.items()}

    def start(self) -> None:
        """A store watched for the first time: alert on what changes from now on, not on its past."""
        state = self.db.watch
        if state.cursor(CURSOR) is None:
            state.owe([], cursor=(CURSOR, state.last_incident_change()), now=self.clock())

    def evaluate(self, *, page: int = 500) -> int:
        """Owe the alerts of every incident created or changed since the last evaluation; return how many."""
        state = self.db.watch
        added = 0
        while True:
            cursor = state.cursor(CURSOR) or 0
            changes = self.db.incident_changes(after=cursor, limit=page)
            if not changes:
                return added
            owed: list[OwedAlert] = []
            for incident_id in dict.fromkeys(c.incident_id for c in changes if c.change != "removed"):
                stored = self.db.incident(incident_id, with_reports=True, with_text=True)
                if stored is None or stored.id != incident_id or stored.record.get("background"):
                    continue  # absorbed since (its successor is logged too), or history an article recounts
                texts = [text for report in stored.reports
                         for text in (report.document_title, report.document_text) if text]
                owed += self._owed(stored.record, texts)
            added += state.owe(owed, cursor=(CURSOR, changes[-1].seq), now=self.clock())

    def _owed(self, incident: dict[str, Any], texts: list[str]) -> list[OwedAlert]:
        owed = []
        for rule in self.rules.rules:
            if rule.matches(incident, texts=texts):
                owed += self._alert(rule, incident)
        return owed

    def _alert(self, rule: Rule, incident: dict[str, Any]) -> list[OwedAlert]:
        figures = fingerprint(incident)
        identifier = alert_id(rule.name, incident["id"], figures)
        payload = {"schema": SCHEMA, "id": identifier, "rule": rule.name,
                   "reason": "changed" if self.db.watch.alerted(rule.name, incident["id"]) else "new",
                   "created_at": self.clock().astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
                   "incident": incident, "sources": incident.get("sources") or [],
                   "link": incident_link(self.link_base, incident["id"],
                                         self.db.watch.event_row(incident.get("clearest_report")))}
        return [OwedAlert(identifier, sink, rule.name, incident["id"], figures, payload) for sink in rule.deliver]

    def deliver(self) -> AlertReport:
        """Deliver every alert owed and due; a failure is retried at a later poll, up to max_attempts."""
        report = AlertReport(errors=[])
        state = self.db.watch
        for row in state.alerts_due(now=self.clock()):
            sink = self.sinks.get(row.sink)
            try:
                if sink is None:
                    raise WirecoderError("W088", f"alert {row.alert_id} is owed to {row.sink!r}, which the rules "
                                                 "no longer define")
                sink.deliver(row.alert_id, row.payload.encode("utf-8"))
            except WirecoderError as err:
                give_up = row.attempts + 1 >= self.max_attempts
                retry_at = None if give_up else self.clock() + dt.timedelta(
                    seconds=self.retry_after * 2 ** min(row.attempts, 6))
                state.undelivered(row.id, error=f"{err.code}: {err.detail}", retry_at=retry_at)
                report.given_up += give_up
                report.retrying += not give_up
                report.errors.append(f"{err.code}: {err.detail}")
                continue
            state.delivered(row.id, now=self.clock())
            report.delivered += 1
        return report
