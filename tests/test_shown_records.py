"""What a reader is shown of records: events at a confidence threshold (the record itself untouched), and the
records' warnings tallied by code with what they mean and how to fix them."""
from __future__ import annotations

from wirecoder.errors import WARNINGS
from wirecoder.shown import WarningTally, at_confidence


def _record(confidences: list[float], warnings: list[str] = ()) -> dict:
    return {"id": "d1", "events": [{"id": f"d1-e{n}", "confidence": c} for n, c in enumerate(confidences, 1)],
            "warnings": [{"code": code, "message": f"{code} in this article"} for code in warnings]}


def test_shown_at_confidence_keeps_events_at_or_above_and_counts_the_rest():
    record = _record([0.9, 0.2, 0.25, 0.1])
    shown, left_out = at_confidence(record, 0.25)
    assert [e["id"] for e in shown["events"]] == ["d1-e1", "d1-e3"] and left_out == 2
    assert len(record["events"]) == 4  # the record itself is not changed
    assert at_confidence(record, 0.0) == (record, 0)
    error = {"id": "x", "error": {"code": "W001", "message": "empty"}}
    assert at_confidence(error, 0.5) == (error, 0)


def test_shown_warning_tally_counts_articles_per_code_with_the_fix():
    tally = WarningTally()
    tally.add(_record([], ["W101", "W101"]), origin="a.txt")  # one article, counted once
    tally.add(_record([], ["W101", "W100"]), origin="b.txt")
    tally.add(_record([]), origin="c.txt")
    assert dict(tally.articles) == {"W101": 2, "W100": 1}
    text = "\n".join(tally.lines())
    assert text.index("W101 in 2 articles") < text.index("W100 in 1 article:")  # most frequent first
    assert WARNINGS["W101"].summary in text and WARNINGS["W101"].fix in text
    assert "e.g. a.txt: W101 in this article" in text
    other = WarningTally()
    other.add(_record([], ["W105"]), origin="d.txt")
    tally.merge(other)
    assert tally.articles["W105"] == 1 and WarningTally().lines() == []


def test_shown_docs_give_the_default_threshold_the_settings_hold():
    import pathlib
    import re

    from wirecoder.settings import DEFAULT_MIN_CONFIDENCE

    docs = pathlib.Path(__file__).resolve().parents[1] / "docs"
    said = re.findall(r"--min-confidence[^\n]*?default (\d(?:\.\d+)?)", "".join(
        (docs / name).read_text(encoding="utf-8") for name in ("cli.md", "export.md", "ingest.md")))
    said += re.findall(r"`DEFAULT_MIN_CONFIDENCE` \(`wirecoder/settings.py`, \*\*(\d(?:\.\d+)?)\*\*\)",
                       (docs / "settings.md").read_text(encoding="utf-8"))
    assert len(said) >= 6 and {float(value) for value in said} == {DEFAULT_MIN_CONFIDENCE}
