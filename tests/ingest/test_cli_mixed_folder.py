"""End to end with the real Coder: a folder mixing every input kind, ingested by a real `wirecoder ingest`
process, then exported in each format."""
from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from conftest import Route
from pages import article_html, rss_feed
from test_warc_records import write_warc

HERE = Path(__file__).parent

STORIES = [
    "Gunmen killed four traders at a market in Kano on Tuesday, police said. Witnesses said the attackers "
    "arrived on motorcycles and opened fire before fleeing into the bush. The market, one of the largest in the "
    "region, was closed for the rest of the day while officers searched nearby villages. Traders said they had "
    "asked the authorities for more patrols after a series of robberies on the roads leading to the town. A "
    "police spokesman said several suspects had been detained for questioning and that calm had returned.",
    "Soldiers clashed with militants near Goma on Sunday, leaving three soldiers dead, the army said in a "
    "statement. Fighting continued into the night around the town.",
    "Thousands of protesters marched through Nairobi on Friday to demand lower food prices. The demonstration "
    "was peaceful and dispersed in the evening, organisers said.",
    "An airstrike hit a fuel depot in Sanaa on Monday, killing two workers, residents said. Smoke could be seen "
    "across the city for hours after the strike.",
    "Rebels seized the town of Bunia after heavy fighting with government troops on Wednesday, a local official "
    "said. Several civilians were wounded in the crossfire.",
    "Police fired tear gas at students protesting in Dhaka on Thursday, injuring at least ten people, witnesses "
    "said. The students had blocked a main road for two hours.",
]


def cli(*args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirecoder", *args], capture_output=True, timeout=600,
                          env=env)


def make_folder(root: Path, server) -> Path:
    folder = root / "mixed"
    (folder / "nested").mkdir(parents=True)
    (folder / "one.txt").write_text(STORIES[0])
    (folder / "nested" / "two.txt.gz").write_bytes(gzip.compress(STORIES[1].encode()))
    (folder / "page.html").write_text(article_html(title="Protest in Nairobi", paragraphs=[STORIES[2]] * 1))
    (folder / "batch.jsonl").write_text(json.dumps({"id": "j1", "text": STORIES[3], "published": "2024-05-06"})
                                        + "\n{not json\n")
    (folder / "sheet.csv").write_text('id,text\nc1,"' + STORIES[4] + '"\n')
    server.routes["/dhaka"] = Route(article_html(title="Tear gas in Dhaka", paragraphs=[STORIES[5]]).encode())
    (folder / "news.rss").write_text(rss_feed([server.url("/dhaka"), server.url("/gone")]))
    write_warc(folder / "crawl.warc.gz", [("http://x.invalid/w", article_html(
        title="Syndicated", paragraphs=["KANO, Nigeria (Wire) - " + STORIES[0]]),
        "text/html")], gzip=True)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_cli_mixed_folder_ingest_and_every_export(tmp_path, local_server):
    folder = make_folder(tmp_path, local_server)
    db = tmp_path / "events.db"
    result = cli("ingest", str(folder), "--db", str(db), "--workers", "2", "--min-interval", "0", "--retries", "0",
                 "--timeout", "2", "--json")
    assert result.returncode == 1, result.stderr.decode()  # some inputs failed (and were named)
    summary = json.loads(result.stdout)
    named = result.stderr.decode()
    for origin in (str(folder / "empty.txt"), str(folder / "batch.jsonl") + ":2", local_server.url("/gone")):
        assert origin in named, named
    listed = cli("failures", "--db", str(db), "--run", str(summary["run_id"]), "--json")
    assert listed.returncode == 0, listed.stderr.decode()
    rows = [json.loads(line) for line in listed.stdout.decode().splitlines()]
    assert sorted(r["code"] for r in rows) == ["W001", "W005", "W032"]
    assert {r["origin"] for r in rows} == {f["origin"] for f in summary["failed_inputs"]}
    # 7 articles (txt, gz, html, jsonl, csv, feed page, warc copy), the broken JSONL line, the 404 link, the
    # empty file
    assert summary["read"] == 10
    assert summary["failed"] == {"W001": 1, "W005": 1, "W032": 1}
    assert summary["duplicates"] == 1  # the WARC page is the Kano story again
    assert summary["coded"] + summary["not_english"] + sum(v for k, v in summary["failed"].items()
                                                           if k not in ("W001", "W005", "W032")) == 6
    assert summary["coded"] == 6 and summary["events"] >= 3

    for fmt in ("csv", "jsonl", "geojson", "parquet"):
        out = tmp_path / f"events.{fmt}"
        exported = cli("export", "--db", str(db), "--format", fmt, "--out", str(out), "--include-background",
                       "--min-confidence", "0")  # every stored event
        assert exported.returncode == 0, exported.stderr.decode()
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text())))
    assert len(rows) == summary["events"]
    assert len((tmp_path / "events.jsonl").read_text().splitlines()) == summary["events"]
    assert len(json.loads((tmp_path / "events.geojson").read_text())["features"]) == summary["events"]
    assert pq.read_table(tmp_path / "events.parquet").num_rows == summary["events"]

    again = cli("ingest", str(folder), "--db", str(db), "--min-interval", "0", "--retries", "0", "--timeout", "2",
                "--json")
    assert json.loads(again.stdout)["coded"] == 0
