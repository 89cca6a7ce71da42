"""The seed article, coded end to end and scored by the team's seedcheck tool: every required check passes."""
import json
import pathlib
import subprocess
import sys

import pytest

SHARED = pathlib.Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "article.txt"
SEEDCHECK = SHARED / "tools" / "seedcheck.py"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not beside the checkout (CI has it)")


def test_seed_article_passes_every_required_check(coder, tmp_path):
    record = coder.code(SEED.read_text(encoding="utf-8"))
    out = tmp_path / "seed.json"
    out.write_text(json.dumps(record), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SEEDCHECK), str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "0 required checks fail" in result.stdout


def test_seed_article_boilerplate_footer_is_marked_not_coded(coder):
    text = SEED.read_text(encoding="utf-8")
    record = coder.code(text)
    footer = [b for b in record["boilerplate"] if b["reason"] == "language:az"]
    assert len(footer) == 1 and text[footer[0]["start"]:footer[0]["end"]] == footer[0]["text"]
    assert all(ev["start"] < footer[0]["start"] for e in record["events"] for ev in e["evidence"])
