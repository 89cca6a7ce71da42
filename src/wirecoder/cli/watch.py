"""`wirecoder watch SOURCE... --db FILE [--every 15m] [--once] [--rules FILE]`: poll feeds, sitemaps and folders,
code what is new into the store, alert on what matches the rules."""
from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from ..errors import WirecoderError
from .common import add_coder_options

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: str) -> float:
    """Seconds in '90', '30s', '15m', '2h' or '1d'."""
    match = _DURATION.match(value)
    if not match:
        raise WirecoderError("W008", f"--every {value!r} is not a duration like 30s, 15m, 2h or 1d")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "watch", help="poll feeds, sitemaps and folders; code what is new into the store; alert on rules",
        description="Poll RSS/Atom feeds, XML sitemaps and folders; fetch only what is new; code, store and merge "
                    "each new report; deliver alerts for incidents that match the rules. State lives in the "
                    "store, so a restart resumes without fetching or alerting twice. See docs/watch.md.")
    parser.add_argument("sources", nargs="+", metavar="URL|FOLDER", help="feed or sitemap URLs, folders")
    parser.add_argument("--db", required=True, help="the SQLite store (created if missing)")
    parser.add_argument("--every", default="15m", help="time between two polls of a source (default 15m)")
    parser.add_argument("--once", action="store_true",
                        help="poll once and exit (for cron: every source that is not failing is asked, "
                             "conditionally, whatever --every says; a failing source keeps its backoff)")
    parser.add_argument("--rules", default=None, metavar="FILE", help="watch rules and deliveries (TOML)")
    parser.add_argument("--link-base", default=None, metavar="URL",
                        help="where `wirecoder serve` is reached: alerts link to BASE/#event=ROW, the evidence view "
                             "of the incident's clearest report; a URL holding {id} (incident id) or {event} (that "
                             "row) is used as a template instead (overrides link_base in the rules file)")
    parser.add_argument("--allow-private", action="store_true",
                        help="fetch from private, loopback and link-local addresses (refused by default)")
    parser.add_argument("--max-bytes", type=int, default=10_000_000, help="size limit of a feed or page (bytes)")
    parser.add_argument("--max-redirects", type=int, default=5, help="redirects followed at most")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for a web server")
    parser.add_argument("--retries", type=int, default=1, help="retries of a failed fetch within a poll")
    parser.add_argument("--min-interval", type=float, default=1.0, help="seconds between requests to one host")
    parser.add_argument("--ignore-robots", action="store_true", help="fetch pages that robots.txt disallows")
    parser.add_argument("--dead-after", type=int, default=3,
                        help="failures in a row before a source is reported dead (it is still retried)")
    parser.add_argument("--batch-size", type=int, default=8, help="new items coded and alerted on at a time")
    parser.add_argument("--coder-factory", default=None, metavar="MODULE:NAME",
                        help="a callable that returns a coder with code_many() (default: wirecoder's Coder)")
    parser.add_argument("--json", action="store_true", help="print each poll's report as one JSON line on stdout")
    add_coder_options(parser)
    parser.set_defaults(func=run)


def format_report(report: Any) -> str:
    lines = [f"poll: {report.items} new item(s), coded {report.coded} ({report.events} events), duplicates "
             f"{report.duplicates}, failed items {report.failed_items}; alerts owed {report.alerts.owed}, "
             f"delivered {report.alerts.delivered}, retrying {report.alerts.retrying}, "
             f"given up {report.alerts.given_up}"]
    for source in report.sources:
        if source.status in ("failed", "dead"):
            lines.append(f"  {source.status}: {source.address}: {source.code} {source.reason} "
                         f"(next try {source.next_poll_at})")
    for error in report.alerts.errors or []:
        lines.append(f"  alert: {error}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..ingest.fetch import FetchOptions
    from ..ingest.sources import ReadOptions
    from ..store import Database
    from ..watch import WatchOptions, Watcher
    from ..watch.alerts import Alerter
    from ..watch.poller import utc_now
    from ..watch.rules import RuleSet
    from .ingest import _load_factory

    every = parse_duration(args.every)
    if args.link_base is not None and not args.link_base.startswith(("http://", "https://")):
        raise WirecoderError("W008", f"--link-base {args.link_base!r} is not an http(s) URL")
    rules = RuleSet.load(args.rules) if args.rules else None
    fetch = FetchOptions(timeout=args.timeout, retries=args.retries, min_interval=args.min_interval,
                         max_bytes=args.max_bytes, respect_robots=not args.ignore_robots,
                         allow_private=args.allow_private, max_redirects=args.max_redirects)
    options = WatchOptions(every=every, dead_after=args.dead_after, batch_size=args.batch_size, fetch=fetch,
                           read=ReadOptions(max_bytes=args.max_bytes), healthy_always=args.once)

    def on_poll(report: Any) -> None:
        if args.json:
            print(json.dumps(report.as_dict()), flush=True)
        print(format_report(report), file=sys.stderr, flush=True)

    with Database(args.db) as db:
        alerter = Alerter(db=db, rules=rules, link_base=args.link_base, clock=utc_now) if rules else None
        watcher = Watcher(db=db, sources=args.sources, coder_factory=_load_factory(args), options=options,
                          alerter=alerter)
        watcher.run(once=args.once, on_poll=on_poll)
    return 0
