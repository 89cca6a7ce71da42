from __future__ import annotations

import argparse
import json

import pytest

from wirecoder.cli import eval_events, train
from wirecoder.errors import WirecoderError



def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wirecoder")
    sub = parser.add_subparsers(dest="command", required=True)
    train.register(sub)
    evaluate = sub.add_parser("eval").add_subparsers(dest="corpus", required=True)
    eval_events.register_eval(evaluate)
    return parser


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    return args.func(args)


def _corpus(path, examples, *, with_ids=False):
    rows = [(e.text, e.sub_event_type) for e in examples]
    lines = []
    for i, (text, sub) in enumerate(rows):
        record = {"text": text, "sub_event_type": sub}
        if with_ids:
            record = {"id": f"g{i}", **record}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_train_writes_a_model_that_eval_events_scores(tmp_path, capsys, small_examples):
    data = _corpus(tmp_path / "train.jsonl", small_examples)
    assert _run(["train", "--data", str(data), "--out", str(tmp_path / "model"), "--seed", "2"]) == 0
    printed = capsys.readouterr().out
    assert "sentence model: 21 examples, 3 labels" in printed
    assert (tmp_path / "model" / "detector.json").is_file() and (tmp_path / "model" / "sentence" / "meta.json").is_file()

    gold = _corpus(tmp_path / "gold.jsonl", small_examples, with_ids=True)
    assert _run(["eval", "events", str(gold), "--model", str(tmp_path / "model"), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["items"] == 21
    assert set(figures["labels"]) == {"Peaceful protest", "Shelling/artillery/missile attack", "No event"}
    assert 0.0 <= figures["weighted_f1"] <= 1.0
    assert sum(map(sum, figures["confusion"])) == 21

    assert _run(["eval", "events", str(gold), "--model", str(tmp_path / "model")]) == 0
    assert "event-type accuracy" in capsys.readouterr().out


def test_cli_train_refuses_unknown_names_with_a_code(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "Troops shelled the town.", "sub_event_type": "Bombing"}) + "\n")
    with pytest.raises(WirecoderError) as caught:
        _run(["train", "--data", str(bad), "--out", str(tmp_path / "m")])
    assert caught.value.code == "W042"


def test_cli_eval_events_refuses_a_missing_model(tmp_path, small_examples):
    gold = _corpus(tmp_path / "gold.jsonl", small_examples)
    with pytest.raises(WirecoderError) as caught:
        _run(["eval", "events", str(gold), "--model", str(tmp_path / "nothing")])
    assert caught.value.code == "W040"
