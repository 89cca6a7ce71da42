"""The README's Python example runs, on an article whose event has no place and no count (fields null)."""
from __future__ import annotations

import pathlib
import re

import wirecoder

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_python_example_runs_on_an_event_without_location(coder, monkeypatch, capsys):
    blocks = _python_blocks()
    assert blocks
    monkeypatch.setattr(wirecoder, "Coder", lambda **options: coder)  # the session's, already loaded
    text = "Unidentified gunmen killed two soldiers on Monday, the army said."
    assert coder.code(text, published="2020-10-18")["events"][0]["location"] is None  # the case that crashed
    for block in blocks:
        exec(compile(block, str(README), "exec"), {"text": text})  # noqa: S102 - the project's own README
    printed = capsys.readouterr().out
    assert "Armed clash" in printed and "None" in printed  # ACLED: gunmen killing soldiers is a clash
