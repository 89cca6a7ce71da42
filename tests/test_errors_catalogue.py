import pathlib

import pytest

from wirecoder.errors import CATALOGUE, WirecoderError

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def test_errors_every_code_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [code for code in CATALOGUE if f"| {code} |" not in text]
    assert missing == []


def test_errors_message_carries_code_and_fix():
    err = WirecoderError("W001")
    assert err.code == "W001"
    assert "How to fix" in str(err) and "W001" in str(err)
    assert err.to_dict(line=3) == {"code": "W001", "message": err.message, "line": 3}


def test_errors_unknown_code_is_a_bug():
    with pytest.raises(KeyError):
        WirecoderError("W999")
