"""The README's watch walkthrough with the real coder: the sample feed served on 127.0.0.1, its rules, and a
webhook receiver get one signed alert per deadly attack the sample articles report, with a link to it."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import tomllib
from pathlib import Path

from servers import Page

from wirecoder.ingest.fetch import FetchOptions
from wirecoder.store import Database
from wirecoder.watch import WatchOptions, Watcher
from wirecoder.watch.alerts import Alerter
from wirecoder.watch.rules import RuleSet

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "watch"
README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_watch_walkthrough_alerts_the_local_webhook(tmp_path, feeds, receiver, coder):
    for page in (EXAMPLE / "site").iterdir():  # the sample site, at this test server's address
        body = page.read_bytes().replace(b"http://127.0.0.1:18765", feeds.base.encode())
        feeds.pages["/" + page.name] = Page(body, content_type="application/rss+xml" if page.suffix == ".rss"
                                            else "text/html; charset=utf-8")
    data = tomllib.loads((EXAMPLE / "rules.toml").read_text(encoding="utf-8"))
    assert data["deliver"]["hook"]["webhook"] == "http://127.0.0.1:18766/hook"
    data["deliver"]["hook"]["webhook"] = receiver.url()
    data["deliver"]["log"]["jsonl"] = str(tmp_path / "alerts.jsonl")
    rules = RuleSet.parse(data)
    readme = README.read_text(encoding="utf-8")
    assert "wirecoder watch http://127.0.0.1:18765/feed.rss" in readme and "examples/watch/rules.toml" in readme

    clock = lambda: dt.datetime(2024, 5, 15, 12, tzinfo=dt.timezone.utc)  # noqa: E731
    with Database(tmp_path / "watch.sqlite") as db:
        alerter = Alerter(db=db, rules=rules, clock=clock)
        watcher = Watcher(db=db, sources=[feeds.url("/feed.rss")], coder_factory=lambda: coder, alerter=alerter,
                          clock=clock, options=WatchOptions(fetch=FetchOptions(allow_private=True, min_interval=0,
                                                                                timeout=20, retries=0)))
        report = watcher.poll()
    assert report.coded == 2 and report.alerts.delivered == 4  # two incidents, to the hook and the file

    alerts = {}
    for request in receiver.received:
        expected = "sha256=" + hmac.new(b"change-me", request.body, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(request.headers["X-Wirecoder-Signature"], expected)
        alert = json.loads(request.body)
        alerts[alert["incident"]["location"]["country"]] = alert
    assert sorted(alerts) == ["NG", "SD"]
    assert alerts["NG"]["incident"]["fatalities"]["best"] == 11
    assert alerts["SD"]["incident"]["fatalities"]["best"] == 7
    from fastapi.testclient import TestClient

    from wirecoder.api import DeskSettings, create_app

    with TestClient(create_app(DeskSettings(db=tmp_path / "watch.sqlite"))) as desk:
        for alert in alerts.values():  # the link opens the incident's clearest report in the web page
            row = re.fullmatch(r"http://127\.0\.0\.1:8000/#event=(\d+)", alert["link"]).group(1)
            shown = desk.get(f"/api/events/{row}").json()
            assert alert["incident"]["id"] in json.dumps(shown)
            assert alert["sources"][0]["url"].startswith(feeds.base)
