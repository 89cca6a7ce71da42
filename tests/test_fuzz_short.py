"""A short run of the fuzz benchmark (bench/fuzz.py): random and adversarial text and bytes to the coder, every
reader and the JSONL/CSV parsers; no input may crash, every refusal carries a code. The full run (100,000
inputs) is `.venv/bin/python bench/fuzz.py`."""
from __future__ import annotations

import importlib.util
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _load_bench():
    if "fuzz" in sys.modules:
        return sys.modules["fuzz"]
    spec = importlib.util.spec_from_file_location("fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_fuzz_short_run_has_no_crash(coder):
    fuzz = _load_bench()
    real = fuzz.real_texts()[:40]  # real articles when ../shared/data is beside the checkout (CI has it)
    outcomes = fuzz.run(inputs=150, coder=coder, seed_value=20261203, coder_share=0.2, max_line=10_000, real=real)
    assert outcomes.inputs >= 100
    assert outcomes.crash_count == 0, outcomes.crashes[:3]
    refused = {kind for (_, kind), n in outcomes.counts.items() if kind != "ok"}
    assert refused and all(kind[:1] == "W" for code in refused for kind in code.split(","))


def test_fuzz_counts_a_crash_as_a_crash(coder):
    fuzz = _load_bench()
    outcomes = fuzz.Outcomes()
    targets = fuzz.Targets(coder, outcomes)
    targets._run("boom", "x", lambda: [][0])
    targets._run("refused", "x", lambda: coder.code(""))
    assert outcomes.crash_count == 1 and outcomes.counts["refused", "W001"] == 1
