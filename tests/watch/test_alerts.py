"""Watch rules (TOML) and alert delivery: what matches, what is refused, and each alert delivered once to a
webhook (signed, retried), a command and a JSONL file, carrying the incident, its sources and a link."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import sys

import pytest
from fake_coder import make_coder
from stories import publish

from wirecoder.errors import WirecoderError
from wirecoder.ingest.fetch import FetchOptions
from wirecoder.store import Database
from wirecoder.watch import WatchOptions, Watcher
from wirecoder.watch.alerts import Alerter, alert_id, fingerprint, incident_link
from wirecoder.watch.rules import RuleSet

FAST = FetchOptions(timeout=10, retries=0, min_interval=0, allow_private=True)
SINKS = {"log": {"jsonl": "alerts.jsonl"}}


def incident(**changes):
    base = {"id": "i1", "event_type": "Violence against civilians", "sub_event_type": "Attack",
            "location": {"name": "Kaduna", "country": "NG", "lat": 10.52, "lon": 7.44},
            "actor1": {"name": "Unidentified Armed Group (Nigeria)", "kind": "political_militia"},
            "actor2": {"name": "Civilians (Nigeria)", "kind": "civilians"},
            "fatalities": {"low": 7, "best": 7, "high": 9}, "number_of_sources": 2, "sources": []}
    return base | changes


@pytest.mark.parametrize("rule, matches", [
    ({"countries": ["Nigeria"]}, True), ({"countries": ["NE"]}, False),
    ({"bbox": [2.0, 4.0, 15.0, 14.0]}, True), ({"bbox": [20.0, 4.0, 30.0, 14.0]}, False),
    ({"event_types": ["Attack"]}, True), ({"event_types": ["battles"]}, False),
    ({"actors": ["armed group"]}, True), ({"actors": ["civilians"]}, True), ({"actors": ["Boko Haram"]}, False),
    ({"min_fatalities": 7}, True), ({"min_fatalities": 8}, False),
    ({"min_sources": 2}, True), ({"min_sources": 3}, False),
    ({"keywords": ["motorcycles"]}, True), ({"keywords": ["motor"]}, False),
    ({"countries": ["NG"], "min_fatalities": 10}, False),
])
def test_rules_match_every_criterion(rule, matches):
    rules = RuleSet.parse({"rule": [{"name": "r", **rule}], "deliver": SINKS})
    texts = ["Gunmen on motorcycles attacked the village."]
    assert rules.rules[0].matches(incident(), texts=texts) is matches


def test_rules_match_a_box_across_the_date_line():
    rules = RuleSet.parse({"rule": [{"name": "pacific", "bbox": [170.0, -20.0, -170.0, 0.0]}], "deliver": SINKS})
    assert rules.rules[0].matches(incident(location={"lat": -10.0, "lon": 179.0, "country": "FJ"}))
    assert not rules.rules[0].matches(incident(location={"lat": -10.0, "lon": 100.0, "country": "ID"}))


@pytest.mark.parametrize("data, named", [
    ({"rule": [{"name": "r", "colour": "red"}], "deliver": SINKS}, "colour"),
    ({"rule": [{"name": "r", "event_types": ["Skirmish"]}], "deliver": SINKS}, "Skirmish"),
    ({"rule": [{"name": "r", "deliver": ["pager"]}], "deliver": SINKS}, "pager"),
    ({"rule": [{"name": "r", "bbox": [1, 2, 3]}], "deliver": SINKS}, "bbox"),
    ({"rule": [{"name": "r", "countries": ["Atlantis"]}], "deliver": SINKS}, "Atlantis"),
    ({"rule": [{"name": "r"}], "deliver": {"x": {"webhook": "ftp://a"}}}, "webhook"),
    ({"rule": [{"name": "r"}], "deliver": {"x": {"jsonl": "a", "command": ["b"]}}}, "exactly one"),
    ({"rule": [{"name": "r"}]}, "nowhere to deliver"),
])
def test_rules_refuse_what_they_cannot_use(data, named):
    with pytest.raises(WirecoderError) as err:
        RuleSet.parse(data)
    assert err.value.code == "W087" and named in err.value.detail


def test_alert_key_changes_with_the_figures_only():
    same = alert_id("r", "i1", fingerprint(incident()))
    assert same == alert_id("r", "i1", fingerprint(incident(sub_event_type="Armed clash", sources=[{"url": "x"}])))
    assert same != alert_id("r", "i1", fingerprint(incident(number_of_sources=5)))
    assert same != alert_id("r", "i1", fingerprint(incident(fatalities={"low": 9, "best": 9, "high": 9})))
    assert same != alert_id("other", "i1", fingerprint(incident()))


def test_alerts_delivered_once_signed_and_retried(tmp_path, feeds, receiver):
    publish(feeds, "/feed.rss", [1, 2], etag='"a"')
    receiver.fail_first = 2
    hook_log = tmp_path / "from-command.jsonl"
    script = ("import os, sys; open(sys.argv[1], 'ab').write(os.environ['WIRECODER_ALERT_ID'].encode() + b' ' "
              "+ sys.stdin.buffer.read() + b'\\n')")
    rules = RuleSet.parse({
        "link_base": "http://127.0.0.1:8000",
        "rule": [{"name": "nigeria-deaths", "countries": ["NG"], "min_fatalities": 1, "keywords": ["gunmen"]},
                 {"name": "nowhere", "countries": ["NE"]}],
        "deliver": {"hook": {"webhook": receiver.url(), "secret": "s3cret"},
                    "file": {"jsonl": str(tmp_path / "alerts.jsonl")},
                    "cmd": {"command": [sys.executable, "-c", script, str(hook_log)]}}})
    clock = lambda: dt.datetime(2024, 5, 14, 12, tzinfo=dt.timezone.utc)  # noqa: E731
    sleeps: list[float] = []
    with Database(tmp_path / "w.db") as db:
        alerter = Alerter(db=db, rules=rules, clock=clock, sleep=sleeps.append)
        watch = Watcher(db=db, sources=[feeds.url("/feed.rss")], coder_factory=make_coder, alerter=alerter,
                        clock=clock, sleep=lambda s: None, options=WatchOptions(every=0, fetch=FAST))
        first = watch.poll()
        assert first.alerts.owed == 6 and first.alerts.delivered == 6  # 2 incidents x 3 sinks
        assert sleeps == [1.0, 2.0]  # the webhook answered 503 twice, then took it
        publish(feeds, "/feed.rss", [1, 2, 3], etag='"b"')
        second = watch.poll()
        assert second.alerts.owed == 3 and second.alerts.delivered == 3
        assert watch.poll().alerts.owed == 0
        assert db.watch.alert_counts() == {"delivered": 9}

    taken = receiver.received[2:]  # the two refused attempts carried the first alert
    ids = [r.headers["X-Wirecoder-Alert-Id"] for r in taken]
    assert len(ids) == 3 == len(set(ids)) and receiver.received[0].body == receiver.received[2].body
    for request in taken:
        expected = "sha256=" + hmac.new(b"s3cret", request.body, hashlib.sha256).hexdigest()
        assert request.headers["X-Wirecoder-Signature"] == expected
        alert = json.loads(request.body)
        assert alert["id"] == request.headers["X-Wirecoder-Alert-Id"] and alert["rule"] == "nigeria-deaths"
        assert alert["reason"] == "new" and alert["incident"]["location"]["country"] == "NG"
        assert alert["sources"][0]["url"].startswith(feeds.base + "/story/")
        assert re.fullmatch(r"http://127\.0\.0\.1:8000/#event=\d+", alert["link"])
    written = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert sorted(a["id"] for a in written) == sorted(ids)
    commanded = [line.split(" ", 1) for line in hook_log.read_text().splitlines()]
    assert sorted(i for i, _ in commanded) == sorted(ids)
    assert all(json.loads(body)["id"] == i for i, body in commanded)


def test_alerts_that_cannot_be_delivered_wait_and_are_reported(tmp_path, feeds):
    publish(feeds, "/feed.rss", [4], etag='"a"')
    rules = RuleSet.parse({"rule": [{"name": "all"}], "deliver": {"hook": {"webhook": feeds.url("/nothing")}}})
    now = [dt.datetime(2024, 5, 14, 12, tzinfo=dt.timezone.utc)]
    with Database(tmp_path / "w.db") as db:
        alerter = Alerter(db=db, rules=rules, clock=lambda: now[0], sleep=lambda s: None, max_attempts=2)
        watch = Watcher(db=db, sources=[feeds.url("/feed.rss")], coder_factory=make_coder, alerter=alerter,
                        clock=lambda: now[0], sleep=lambda s: None, options=WatchOptions(every=0, fetch=FAST))
        first = watch.poll()
        assert (first.alerts.owed, first.alerts.delivered, first.alerts.retrying) == (1, 0, 1)
        assert first.alerts.errors and first.alerts.errors[0].startswith("W088")
        now[0] += dt.timedelta(minutes=5)
        second = watch.poll()
        assert second.alerts.given_up == 1 and db.watch.alert_counts() == {"failed": 1}


def test_alert_links_follow_the_base_or_a_template():
    assert incident_link(None, "inc-1", 7) is None
    assert incident_link("http://desk:8000/", "inc-1", 7) == "http://desk:8000/#event=7"
    assert incident_link("https://x.org/i/{id}?e={event}", "inc 1", 7) == "https://x.org/i/inc%201?e=7"
