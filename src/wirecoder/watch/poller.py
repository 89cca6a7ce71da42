"""The watch loop. A poll: ask each due source what it lists (conditionally), record the new items as pending
with the source's validators (one transaction per source), then fetch, code and store the pending items a
few at a time, owing and delivering the alerts of each batch before the next. A source that fails is
retried later with a growing delay and reported dead after ``dead_after`` failures in a row; it never stops
the others."""
from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import WirecoderError
from ..ingest.fetch import Fetcher, FetchOptions
from ..ingest.runner import IngestOptions, ingest
from ..ingest.sources import ReadOptions
from ..ingest.workers import CoderLike, InlinePool
from ..store import Database
from ..store.watch import SourceState
from .alerts import AlertReport, Alerter
from .discover import discover
from .items import ItemReader


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class WatchOptions:
    every: float = 900.0  # seconds between two polls of a source
    dead_after: int = 3  # failures in a row before a source is reported dead (it is still retried)
    max_backoff: float = 86_400.0  # the longest wait before a failing source is tried again
    item_attempts: int = 3  # tries of an item whose page cannot be had
    batch_size: int = 8  # items coded, stored and alerted on at a time
    healthy_always: bool = False  # poll sources that are not failing even before --every has passed (--once)
    dedup_threshold: float = 0.8
    fetch: FetchOptions = FetchOptions(allow_private=False)
    read: ReadOptions = ReadOptions()


@dataclass
class SourceReport:
    address: str
    status: str  # listed | not_modified | failed | dead | waiting
    new_items: int = 0
    code: str | None = None
    reason: str | None = None
    next_poll_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {key: value for key, value in vars(self).items() if value is not None}


@dataclass
class PollReport:
    sources: list[SourceReport] = field(default_factory=list)
    items: int = 0  # pending items handled
    failed_items: int = 0
    coded: int = 0
    events: int = 0
    duplicates: int = 0
    alerts: AlertReport = field(default_factory=AlertReport)

    def as_dict(self) -> dict[str, Any]:
        return {"sources": [s.as_dict() for s in self.sources], "items": self.items,
                "failed_items": self.failed_items, "coded": self.coded, "events": self.events,
                "duplicates": self.duplicates, "alerts": self.alerts.as_dict()}


class Watcher:
    """Polls ``sources`` into ``db``; one Coder, built at the first article, serves every poll."""

    def __init__(self, *, db: Database, sources: Sequence[str], coder_factory: Callable[[], CoderLike],
                 options: WatchOptions = WatchOptions(), alerter: Alerter | None = None,
                 clock: Callable[[], dt.datetime] = utc_now, sleep: Callable[[float], None] = time.sleep):
        if not sources:
            raise WirecoderError("W008", "watch needs at least one source")
        self.db, self.sources, self.options, self.alerter = db, list(dict.fromkeys(sources)), options, alerter
        self.clock, self.sleep = clock, sleep
        self.fetcher = Fetcher(options.fetch, sleep=sleep)
        self.pool = InlinePool(factory=coder_factory)
        if alerter is not None:
            alerter.start()

    def poll(self) -> PollReport:
        report = PollReport()
        for address in self.sources:
            report.sources.append(self._poll_source(self.db.watch.source(address)))
        self._code_pending(report)
        if self.alerter is not None:  # alerts owed earlier and not delivered yet
            self._merge(report.alerts, self.alerter.deliver())
        return report

    def run(self, *, once: bool = False, on_poll: Callable[[PollReport], None] = lambda report: None) -> None:
        while True:
            on_poll(self.poll())
            if once:
                return
            waits = [(dt.datetime.fromisoformat(s.next_poll_at) - self.clock()).total_seconds()
                     for s in self.db.watch.sources() if s.address in self.sources and s.next_poll_at]
            self.sleep(max(1.0, min(waits, default=self.options.every)))

    # -- sources ---------------------------------------------------------------------------------
    def _poll_source(self, source: SourceState) -> SourceReport:
        now = self.clock()
        if not source.due(now) and (source.failures or not self.options.healthy_always):
            status = "dead" if source.failures >= self.options.dead_after else "waiting"
            return SourceReport(source.address, status, code=source.last_error_code, reason=source.last_error,
                                next_poll_at=source.next_poll_at)
        state = self.db.watch
        try:
            listing = discover(source, fetcher=self.fetcher)
        except WirecoderError as err:
            failures = source.failures + 1
            wait = min(self.options.every * 2 ** failures, self.options.max_backoff)
            next_poll = now + dt.timedelta(seconds=wait)
            state.failed(source, now=now, next_poll=next_poll, code=err.code, reason=err.detail)
            status = "dead" if failures >= self.options.dead_after else "failed"
            return SourceReport(source.address, status, code=err.code, reason=err.detail,
                                next_poll_at=next_poll.isoformat(timespec="seconds"))
        next_poll = now + dt.timedelta(seconds=self.options.every)
        if listing.not_modified:
            state.not_modified(source, now=now, next_poll=next_poll)
            return SourceReport(source.address, "not_modified", next_poll_at=next_poll.isoformat(timespec="seconds"))
        new = state.polled(source, now=now, next_poll=next_poll, kind=listing.kind, etag=listing.etag,
                           last_modified=listing.last_modified, items=listing.items)
        return SourceReport(source.address, "listed", new_items=new,
                            next_poll_at=next_poll.isoformat(timespec="seconds"))

    # -- items -----------------------------------------------------------------------------------
    def _code_pending(self, report: PollReport) -> None:
        state = self.db.watch
        pending = state.pending_items(max_attempts=self.options.item_attempts, addresses=self.sources)
        already = state.stored_origins(item.url for item in pending)
        if already:  # stored before a crash kept the item from being marked: not fetched again
            state.items_done(((item.id, None, None) for item in pending if item.url in already), now=self.clock())
            pending = [item for item in pending if item.url not in already]
        options = IngestOptions(batch_size=self.options.batch_size, dedup_threshold=self.options.dedup_threshold)
        for start in range(0, len(pending), self.options.batch_size):
            batch = pending[start:start + self.options.batch_size]
            reader = ItemReader(fetcher=self.fetcher, read_options=self.options.read)
            summary = ingest(reader.read(batch), db=self.db, pool=self.pool, options=options, command="watch",
                             arguments={"sources": self.sources})
            state.items_done(reader.outcomes, now=self.clock())
            report.items += len(batch)
            report.failed_items += sum(1 for _, code, _ in reader.outcomes if code)
            report.coded += summary.coded
            report.events += summary.events
            report.duplicates += summary.duplicates
            if self.alerter is not None:
                report.alerts.owed += self.alerter.evaluate()
                self._merge(report.alerts, self.alerter.deliver())

    @staticmethod
    def _merge(total: AlertReport, part: AlertReport) -> None:
        total.delivered += part.delivered
        total.retrying += part.retrying
        total.given_up += part.given_up
        total.errors = (total.errors or []) + (part.errors or [])
