"""JSON Lines, read and written the one safe way.

A JSONL record ends at "\\n" and nowhere else. ``str.splitlines()`` also splits at characters that are legal,
unescaped, inside a JSON string (U+0085 NEL, U+2028, U+2029, found in real news text), so it cuts such a line
in two and both halves fail to parse: readers here split on "\\n" only. Writers escape those three characters,
so that what wirecoder writes survives a reader that does use ``splitlines()``.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import WirecoderError

# json.dumps escapes the C0 controls (U+0000-U+001F) itself; these are the separators it leaves raw
_SEPARATORS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def split_lines(text: str) -> list[str]:
    """The lines of a JSONL text: split on "\\n" only, a "\\r" before it dropped (files written on Windows)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def dumps_line(value: Any) -> str:
    """One JSON value as one line (no newline added): UTF-8 kept readable, line separators escaped."""
    text = json.dumps(value, ensure_ascii=False)
    if any(ch in text for ch in _SEPARATORS):
        for raw, escaped in _SEPARATORS.items():
            text = text.replace(raw, escaped)
    return text


def read_file(path) -> list[Any]:
    """Every JSON value of a JSONL file (blank lines skipped); for the project's own data and benchmarks."""
    with open(path, "rb") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def parse_object(line: str | bytes, *, where: str) -> dict:
    """One JSONL line as a JSON object, or W005 saying why it is not one: not JSON, nested too deeply for the
    parser (a RecursionError, which must not escape as a crash), or JSON of another kind."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as err:
        raise WirecoderError("W005", f"{where} is not JSON ({err.msg} at column {err.colno})") from err
    except RecursionError as err:
        raise WirecoderError("W005", f"{where} is JSON nested too deeply to read") from err
    if not isinstance(value, dict):
        raise WirecoderError("W005", f"{where} is a JSON {type(value).__name__}, not an object")
    return value


def jsonl_items(lines: Iterable[bytes | str], *, first_line: int = 1) -> Iterator[dict | WirecoderError]:
    """Parse JSONL lines (binary lines split at "\\n" only, as file iteration does); a line that is not a JSON
    object becomes an error for that line only. ``first_line`` numbers the first line (a run of a file)."""
    for number, raw in enumerate(lines, start=first_line):
        try:
            line = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            yield WirecoderError("W002", f"line {number} is not valid UTF-8")
            continue
        if not line.strip():
            yield WirecoderError("W006", f"line {number} is empty")
            continue
        try:
            yield parse_object(line, where=f"line {number}")
        except WirecoderError as err:
            yield err
