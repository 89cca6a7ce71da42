import argparse
import io
import json

from wirecoder.cli import eval_geoparse, gazetteer, geoparse


def run(argv, monkeypatch, capsys, stdin=""):
    parser = argparse.ArgumentParser(prog="wirecoder")
    sub = parser.add_subparsers(dest="command", required=True)
    geoparse.register(sub)
    gazetteer.register(sub)
    evaluate = sub.add_parser("eval").add_subparsers(dest="what", required=True)
    eval_geoparse.register_eval(evaluate)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
    args = parser.parse_args(argv)
    status = args.func(args)
    return status, capsys.readouterr().out


def test_cli_geoparse_jsonl_resolves_given_spans_in_order(shared_small_gazetteer, monkeypatch, capsys):
    lines = [
        {"id": "a", "text": "Paris, Texas and Basra", "toponyms": [{"start": 17, "end": 22}, {"start": 0, "end": 5},
                                                                     {"start": 7, "end": 12}]},
        {"id": "b", "text": "Atlantis", "toponyms": [{"start": 0, "end": 8}]},
        "not json",
        {"id": "d", "text": "x", "toponyms": [{"start": 0, "end": 99}]},
    ]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    status, out = run(["geoparse", "--jsonl", "-", "--gazetteer", str(shared_small_gazetteer)], monkeypatch, capsys,
                      stdin)
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1  # some lines failed
    assert [r.get("id") for r in records] == ["a", "b", None, "d"]
    a = records[0]["places"]
    assert [(p["start"], p["end"], p["text"]) for p in a] == [(17, 22, "Basra"), (0, 5, "Paris"), (7, 12, "Texas")]
    assert a[1]["country"] == "US" and a[0]["geonameid"] == 99532
    assert records[1]["places"][0]["lat"] is None and records[1]["places"][0]["lon"] is None
    assert records[2]["error"]["code"] == "W005" and records[2]["error"]["line"] == 3
    assert records[3]["error"]["code"] == "W008"


def test_cli_gazetteer_lookup_lists_candidates(shared_small_gazetteer, monkeypatch, capsys):
    status, out = run(["gazetteer", "lookup", "Paris", "--gazetteer", str(shared_small_gazetteer)], monkeypatch, capsys)
    assert status == 0 and out.count("\n") == 2 and "2988507" in out
    # the district the gazetteer puts each place in comes last (none in this small gazetteer)
    assert [line.split("\t")[-1] for line in out.splitlines()] == ["None", "None"]


def test_cli_eval_geoparse_prints_the_table(shared_small_gazetteer, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "tiny.xml"
    corpus.write_text(
        "<articles><article><source>x</source><text>Floods in Basra and Paris.</text><locations>"
        "<location><name>Basra</name><start>10</start><end>15</end><lat>30.5</lat><lon>47.8</lon></location>"
        # an offset off by one, as in the public corpora: aligned to where the name stands
        "<location><name>Paris</name><start>21</start><end>26</end><lat>48.86</lat><lon>2.35</lon></location>"
        "<location><name>Atlantis</name><start>0</start><end>8</end><lat>0</lat><lon>0</lon></location>"
        "</locations></article></articles>", encoding="utf-8")
    status, out = run(["eval", "geoparse", str(corpus), "--gazetteer", str(shared_small_gazetteer), "--split", "all",
                       "--no-kinds"], monkeypatch, capsys)
    header, row = out.splitlines()
    assert status == 0 and "acc@161" in header and "cand-rec" in header and "161|id" in header
    fields = row.split()
    assert fields[0] == "tiny" and fields[1] == "3"
    assert float(fields[2]) == 0.667  # Basra and Paris right, the unknown name wrong
    assert fields[3] == "n/a"  # GeoVirus-style gold carries no GeoNames ids


def test_cli_eval_geoparse_prints_each_part_and_says_when_one_is_empty(shared_small_gazetteer, tmp_path,
                                                                        monkeypatch, capsys):
    corpus = tmp_path / "tiny.xml"
    corpus.write_text(
        "<articles><article><source>x</source><text>Floods in Basra.</text><locations>"
        "<location><name>Basra</name><start>10</start><end>15</end><lat>30.5</lat><lon>47.8</lon></location>"
        "</locations></article></articles>", encoding="utf-8")
    status, out = run(["eval", "geoparse", str(corpus), "--gazetteer", str(shared_small_gazetteer), "--no-kinds"],
                      monkeypatch, capsys)
    rows = out.splitlines()[1:]
    assert status == 0 and [r.split()[0] for r in rows] == ["tiny/dev", "tiny/test"]
    assert sorted(r.split()[1] for r in rows) == ["0", "1"]  # the one article lies in exactly one part


def test_cli_geoparse_jsonl_keeps_lines_with_line_separators_whole(shared_small_gazetteer, monkeypatch, capsys):
    # U+0085 and U+2028 are legal inside a JSON string and found in real news text; offsets count characters
    text = "Floods\u0085hit Basra\u2028and Paris\r\non Monday."
    spans = [{"start": text.index(name), "end": text.index(name) + len(name)} for name in ("Basra", "Paris")]
    stdin = json.dumps({"id": "a", "text": text, "toponyms": spans}, ensure_ascii=False) + "\r\n"
    status, out = run(["geoparse", "--jsonl", "-", "--gazetteer", str(shared_small_gazetteer)], monkeypatch, capsys,
                      stdin)
    records = [json.loads(line) for line in out.split("\n") if line]
    assert status == 0 and len(records) == 1
    assert [p["text"] for p in records[0]["places"]] == ["Basra", "Paris"]
    assert records[0]["places"][0]["geonameid"] == 99532


def test_cli_geoparse_jsonl_names_the_bad_toponym(shared_small_gazetteer, monkeypatch, capsys):
    line = json.dumps({"id": "a", "text": "Basra", "toponyms": [{"start": 0, "end": 5}, {"start": 2, "end": 9}]})
    status, out = run(["geoparse", "--jsonl", "-", "--gazetteer", str(shared_small_gazetteer)], monkeypatch, capsys,
                      line)
    error = json.loads(out)["error"]
    assert status == 1 and error["code"] == "W008"
    assert "toponym 1" in error["message"] and "5 characters" in error["message"]


def test_cli_mistyped_gazetteer_path_is_an_error_not_a_new_build(tmp_path, capsys):
    from wirecoder.cli.main import main

    typo = tmp_path / "gazeteer.sqlite"
    article = tmp_path / "a.txt"
    article.write_text("Floods hit Basra.", encoding="utf-8")
    assert main(["geoparse", str(article), "--gazetteer", str(typo)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("wirecoder: error W020") and str(typo) in err and "gazetteer build --out" in err
    assert not typo.exists() and list(tmp_path.iterdir()) == [article]
