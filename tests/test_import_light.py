"""Importing wirecoder loads no model: the package root imports Coder lazily, and nothing in the package
imports the root (which would make a module cycle). Checked in fresh interpreters, since this process has
long since imported everything."""
from __future__ import annotations

import ast
import json
import pathlib
import subprocess
import sys

import pytest

SRC = pathlib.Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "wirecoder"
HEAVY = ("spacy", "sklearn", "dateparser", "lingua", "thinc", "torch")
# Not a speed figure: importing any model takes seconds, so a light import far under this proves none loaded.
LIMIT_SECONDS = 0.3

# CPU time of the importing process, not wall time: other jobs on a shared machine do not count against it
PROBE = """
import json, sys, time
started = time.process_time()
import wirecoder.errors, wirecoder.store
seconds = time.process_time() - started
print(json.dumps({"seconds": seconds, "loaded": sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))}))
"""


def _probe(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", f"HEAVY = {HEAVY!r}\n" + code], capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout)


def test_import_errors_and_store_load_no_model_and_are_quick():
    runs = [_probe(PROBE) for _ in range(3)]  # the quickest of three: disk caches and the like
    assert all(run["loaded"] == [] for run in runs), runs
    assert min(run["seconds"] for run in runs) < LIMIT_SECONDS, runs


def test_import_root_is_lazy_until_coder_is_used():
    run = _probe("import json, sys, wirecoder\n"
                 "print(json.dumps({'loaded': sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY)), "
                 "'coder': 'wirecoder.coder' in sys.modules, 'version': wirecoder.__version__}))")
    assert run["loaded"] == [] and run["coder"] is False
    import wirecoder
    import wirecoder.coder

    assert wirecoder.Coder is wirecoder.coder.Coder  # imported on first use
    with pytest.raises(AttributeError):
        wirecoder.NoSuchThing  # noqa: B018


def _imports_of_root(path: pathlib.Path) -> list[int]:
    """Lines of ``from .. import x`` (or ``from . import x`` in a top-level module) that name the package root."""
    module_parts = list(path.relative_to(SRC).with_suffix("").parts)
    package = module_parts[:-1]  # the package a relative import starts from
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
            target = base + (node.module.split(".") if node.module else [])
            if target == ["wirecoder"]:
                lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "wirecoder":
            lines.append(node.lineno)
    return lines


def test_import_no_module_imports_the_package_root():
    offenders = {str(p.relative_to(SRC)): lines for p in sorted(PACKAGE.rglob("*.py"))
                 if p != PACKAGE / "__init__.py" and (lines := _imports_of_root(p))}
    assert offenders == {}, "import from the module that defines the name (e.g. wirecoder.version), not the root"


def test_import_version_matches_pyproject():
    import tomllib

    from wirecoder.version import __version__

    project = tomllib.loads((SRC.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__


def test_import_cli_parser_loads_no_model():
    """`wirecoder --help` and `--version` answer at once: command modules import their libraries in run()."""
    run = _probe("import json, sys\nfrom wirecoder.cli.main import build_parser\nbuild_parser()\n"
                 "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(HEAVY))))")
    assert run == []


def test_import_cli_prints_version():
    out = subprocess.run([sys.executable, "-m", "wirecoder", "--version"], capture_output=True, text=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0
    from wirecoder.version import __version__

    assert out.stdout.strip() == f"wirecoder {__version__}"


def test_import_citation_names_the_same_version():
    import re

    from wirecoder.version import __version__

    citation = (SRC.parent / "CITATION.cff").read_text(encoding="utf-8")
    assert re.search(r'^version: "(.+)"$', citation, flags=re.M).group(1) == __version__
    assert re.search(r"^cff-version: 1\.2\.0$", citation, flags=re.M)
    for key in ("title", "authors", "message", "license"):
        assert re.search(rf"^{key}:", citation, flags=re.M), key
