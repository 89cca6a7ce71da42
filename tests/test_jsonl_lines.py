"""JSONL splits at "\\n" only: U+0085 (NEL), U+2028 and U+2029 are legal unescaped inside JSON strings and occur
in real news text. Every reader keeps such a line whole; every writer escapes them so that readers using
str.splitlines() downstream do not cut our output."""
from __future__ import annotations

import ast
import io
import json
import pathlib

from wirecoder.cli.code import jsonl_items
from wirecoder.ingest.items import SourceItem
from wirecoder.ingest.tabular import ColumnMapping, read_jsonl
from wirecoder.jsonl import dumps_line, read_file, split_lines
from wirecoder.typing.corpus import read_examples

ROOT = pathlib.Path(__file__).resolve().parents[1]
SEPARATED = "Gunmen attacked\u0085the market\u2028on Monday\u2029and fled.\x1cEnd\x0bof\x0creport"
RAW_LINES = [json.dumps({"id": "a", "text": SEPARATED}, ensure_ascii=False), json.dumps({"id": "b", "text": "two"})]
RAW = "\n".join(RAW_LINES) + "\n"


def test_jsonl_split_lines_keeps_separators_inside_strings():
    assert len(RAW.splitlines()) > 2  # what went wrong before
    lines = split_lines(RAW)
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]
    assert json.loads(lines[0])["text"] == SEPARATED
    assert split_lines("{}\r\n{}\r\n") == ["{}", "{}"]


def test_jsonl_dumps_line_survives_splitlines():
    line = dumps_line({"text": SEPARATED, "name": "Ağdam"})
    assert line.splitlines() == [line]
    assert json.loads(line) == {"text": SEPARATED, "name": "Ağdam"}
    assert "Ağdam" in line  # UTF-8 stays readable


def test_jsonl_code_reader_keeps_the_line_whole():
    items = list(jsonl_items(io.BytesIO(RAW.encode("utf-8"))))
    assert [item["id"] for item in items] == ["a", "b"] and items[0]["text"] == SEPARATED


def test_jsonl_ingest_reader_keeps_the_line_whole():
    results = list(read_jsonl(io.BytesIO(RAW.encode("utf-8")), origin="x.jsonl", columns=ColumnMapping(),
                              max_bytes=10_000))
    assert all(isinstance(r, SourceItem) for r in results)
    assert results[0].text == SEPARATED


def test_jsonl_training_and_bench_readers_keep_the_line_whole(tmp_path):
    path = tmp_path / "train.jsonl"
    rows = [{"text": SEPARATED + f" {n}", "sub_event_type": "Attack"} for n in range(6)]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert [e.text for e in read_examples(path)] == [r["text"] for r in rows]
    assert read_file(path) == rows


def _functions(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.Module))]


def test_jsonl_no_reader_splits_json_with_splitlines():
    """A function that both calls str.splitlines() and json.loads() is a JSONL reader splitting the wrong way."""
    offenders = []
    for path in sorted([*(ROOT / "src").rglob("*.py"), *(ROOT / "bench").glob("*.py")]):
        for function in _functions(path):
            calls = {node.func.attr for node in ast.walk(function)
                     if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
            if {"splitlines", "loads"} <= calls and isinstance(function, ast.FunctionDef):
                offenders.append(f"{path.relative_to(ROOT)}:{function.name}")
    assert offenders == [], "split JSONL with wirecoder.jsonl.split_lines (or read it in binary)"


def test_jsonl_export_writes_one_line_per_event():
    from wirecoder.export import export_events
    from wirecoder.store import StoredEvent

    events = [StoredEvent(id=n, document_id=f"d{n}", document_url=None, document_title=None, document_source=None,
                          document_published=None, stored_at="2024-01-01", event={"id": f"e{n}", "notes": SEPARATED})
              for n in range(3)]
    out = io.BytesIO()
    assert export_events(events, format="jsonl", out=out) == 3
    lines = out.getvalue().decode("utf-8").splitlines()
    assert [json.loads(line)["notes"] for line in lines] == [SEPARATED] * 3


def test_jsonl_a_line_nested_too_deeply_is_w005_not_a_crash():
    deep = ("[" * 100_000 + "]" * 100_000).encode() + b"\n" + json.dumps({"id": "ok", "text": "t"}).encode() + b"\n"
    items = list(jsonl_items(io.BytesIO(deep)))
    assert items[0].code == "W005" and "nested too deeply" in items[0].message and items[1]["id"] == "ok"
    results = list(read_jsonl(io.BytesIO(deep), origin="x.jsonl", columns=ColumnMapping(), max_bytes=10**6))
    assert results[0].code == "W005" and isinstance(results[1], SourceItem)
