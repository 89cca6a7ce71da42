"""Alerts: after each write, the incidents that new reports created or changed are matched against the rules;
each match is owed once per sink (keyed by rule, incident and its figures, so an incident whose figures
change is alerted again, and nothing else is), recorded in the store with the cursor of the reports seen, in
one transaction; then whatever is owed is delivered and marked. A crash between two of these steps leaves an
alert owed (delivered at the next poll), never forgotten, never owed twice."""
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
from ..store import Database
from ..store.watch import OwedAlert
from .incident_view import single_report_incidents
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
    """The figures an alert is about: a change in any of them makes a new alert."""
    return json.dumps([(incident.get("fatalities") or {}).get("best"), (incident.get("injured") or {}).get("best")])


def alert_id(rule: str, incident_id: str, figures: str) -> str:
    return hashlib.sha256(f"{rule}\x00{incident_id}\x00{figures}".encode("utf-8")).hexdigest()[:32]


def incident_link(link_base: str | None, incident_id: str) -> str | None:
    if not link_base:
        return None
    return f"{link_base.rstrip('/')}/incidents/{urllib.parse.quote(incident_id, safe='')}"


class Alerter:
    def __init__(self, *, db: Database, rules: RuleSet, link_base: str | None = None,
                 clock: Callable[[], dt.datetime], sleep: Callable[[float], None] = time.sleep,
                 max_attempts: int = 8, retry_after: float = 60.0, sinks: dict[str, Sink] | None = None):
        self.db, self.rules, self.clock = db, rules, clock
        self.link_base = link_base or rules.link_base
        self.max_attempts, self.retry_after = max_attempts, retry_after
        self.sinks = sinks or {name: make_sink(spec, sleep=sleep) for name, spec in rules.sinks.items()}

    def start(self) -> None:
        """A store watched for the first time: alert on what is stored from now on, not on its past."""
        state = self.db.watch
        if state.cursor(CURSOR) == 0:
            state.owe([], cursor=(CURSOR, state.last_document()), now=self.clock())

    def evaluate(self, *, page: int = 200) -> int:
        """Owe the alerts of every report stored since the last evaluation; return how many were new."""
        state = self.db.watch
        cursor, upto, added = state.cursor(CURSOR), state.last_document(), 0
        while True:
            reports = state.reports_after(cursor, upto=upto, limit=page)
            owed: list[OwedAlert] = []
            for report in reports:
                texts = [report.get("title") or "", report.get("text") or ""]
                for incident in single_report_incidents(report):
                    owed += self._owed(incident, texts)
            cursor = reports[-1]["rowid"] if len(reports) == page else upto
            added += state.owe(owed, cursor=(CURSOR, cursor), now=self.clock())
            if len(reports) < page:
                return added

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
                   "link": incident_link(self.link_base, incident["id"])}
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
