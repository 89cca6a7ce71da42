from __future__ import annotations

import json

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.typing import NO_EVENT, read_examples


def _write_jsonl(path, records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_corpus_reads_jsonl_with_negatives_and_derives_event_type(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", [
        {"text": "Troops shelled the town.", "sub_event_type": "Shelling/artillery/missile attack"},
        {"text": "The match ended 1-1.", "event_type": None, "sub_event_type": None, "negative_kind": "sport"},
    ])
    examples = read_examples(path)
    assert [e.label for e in examples] == ["Shelling/artillery/missile attack", NO_EVENT]
    assert examples[0].event_type == "Explosions/Remote violence"
    assert examples[1].event_type is None


@pytest.mark.parametrize("record, code", [
    ({"text": "x", "sub_event_type": "Shelling"}, "W042"),
    ({"text": "x", "event_type": "Battles", "sub_event_type": "Grenade"}, "W042"),
    ({"text": "x", "event_type": "Battles", "sub_event_type": None}, "W042"),
    ({"text": "", "sub_event_type": "Grenade"}, "W041"),
    ({"text": "x"}, "W041"),
])
def test_corpus_refuses_bad_lines_with_a_code(tmp_path, record, code):
    path = _write_jsonl(tmp_path / "bad.jsonl", [{"text": "fine", "sub_event_type": "Arrests"}, record])
    with pytest.raises(WirecoderError) as caught:
        read_examples(path)
    assert caught.value.code == code
    assert "line 2" in caught.value.detail


def test_corpus_refuses_a_line_that_is_not_json(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "a", "sub_event_type": null}\nnot json\n', encoding="utf-8")
    with pytest.raises(WirecoderError) as caught:
        read_examples(path)
    assert caught.value.code == "W041"


def test_corpus_reads_an_acled_csv_export_and_skips_empty_notes(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        "event_id_cnty,event_type,sub_event_type,notes\n"
        "XYZ1,Protests,Peaceful protest,\"On 2 May, traders protested in the town, demanding lower taxes.\"\n"
        "XYZ2,Battles,Armed clash,\n"
        "XYZ3,Strategic developments,Arrests,Police arrested two journalists in the capital.\n",
        encoding="utf-8")
    examples = read_examples(path)
    assert [(e.id, e.label) for e in examples] == [("XYZ1", "Peaceful protest"), ("XYZ3", "Arrests")]


def test_corpus_csv_without_notes_column_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("sub_event_type,text\nArrests,abc\n", encoding="utf-8")
    with pytest.raises(WirecoderError) as caught:
        read_examples(path)
    assert caught.value.code == "W041" and "notes" in caught.value.detail


def test_corpus_reads_every_jsonl_file_of_a_folder_in_name_order(tmp_path):
    _write_jsonl(tmp_path / "b.jsonl", [{"text": "second", "sub_event_type": "Arrests"}])
    _write_jsonl(tmp_path / "a.jsonl", [{"text": "first", "sub_event_type": None}])
    assert [e.text for e in read_examples(tmp_path)] == ["first", "second"]


def test_corpus_missing_path_is_refused(tmp_path):
    with pytest.raises(WirecoderError) as caught:
        read_examples(tmp_path / "nope.jsonl")
    assert caught.value.code == "W041"


def test_corpus_folder_mixes_an_acled_export_with_jsonl_negatives(tmp_path):
    (tmp_path / "export.csv").write_text(
        "sub_event_type,notes\nArrests,Police arrested two journalists in the capital.\n", encoding="utf-8")
    _write_jsonl(tmp_path / "negatives.jsonl", [{"text": "The team won 2-0.", "sub_event_type": None}])
    assert [e.label for e in read_examples(tmp_path)] == ["Arrests", NO_EVENT]
