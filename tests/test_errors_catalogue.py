import ast
import pathlib

import pytest

from wirecoder.errors import CATALOGUE, WARNINGS, WirecoderError

ROOT = pathlib.Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "errors.md"


def _documented_rows() -> dict[str, str]:
    """code -> the table row of docs/errors.md that documents it."""
    rows = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) >= 3 and (cells[0] in CATALOGUE or cells[0] in WARNINGS):
            rows[cells[0]] = cells
    return rows


def test_errors_every_code_is_documented():
    rows = _documented_rows()
    missing = [code for code in [*CATALOGUE, *WARNINGS] if code not in rows]
    assert missing == []
    for code, spec in {**CATALOGUE, **WARNINGS}.items():
        assert rows[code][1:3] == [spec.summary, spec.fix], code


def test_errors_warnings_never_reuse_an_error_code():
    assert set(CATALOGUE) & set(WARNINGS) == set()


def _codes_used(kind: str) -> dict[str, list[str]]:
    """Every literal code passed to WirecoderError(...) ('error') or to .warn(...) / Warning(...) ('warning')."""
    used: dict[str, list[str]] = {}
    for path in sorted((ROOT / "src" / "wirecoder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            is_warning = name in ("warn", "Warning")
            if (kind == "warning") == is_warning and name in ("warn", "Warning", "WirecoderError"):
                used.setdefault(node.args[0].value, []).append(f"{path.name}:{node.lineno}")
    return used


def test_errors_every_code_raised_is_an_error_and_every_warning_a_warning():
    errors, warnings = _codes_used("error"), _codes_used("warning")
    assert errors and warnings
    assert {c: w for c, w in errors.items() if c not in CATALOGUE} == {}
    assert {c: w for c, w in warnings.items() if c not in WARNINGS} == {}


def test_errors_message_carries_code_and_fix():
    err = WirecoderError("W001")
    assert err.code == "W001"
    assert "How to fix" in str(err) and "W001" in str(err)
    assert err.to_dict(line=3) == {"code": "W001", "message": err.message, "line": 3}


def test_errors_unknown_code_is_a_bug():
    with pytest.raises(KeyError):
        WirecoderError("W999")
    with pytest.raises(KeyError):
        WirecoderError("W100")  # a warning's code is not an error
