"""stages/ holds stages only, each reading only the Article fields it declares, none importing another."""
import ast
import dataclasses
from pathlib import Path

from wirecoder.article import Article

STAGES = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "stages"
FIELDS = {f.name for f in dataclasses.fields(Article)}
STATE = {"error", "warnings", "id"}  # an article's identity and what any stage may report on it


def _modules():
    return {path.stem: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(STAGES.glob("*.py"))
            if path.name != "__init__.py"}


def _declared(tree, name):
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return {e.value for e in node.value.elts}
    return None


def test_every_stage_module_is_a_stage_of_the_pipeline(coder):
    in_pipeline = {type(stage).__module__.rsplit(".", 1)[1] for stage in coder.pipeline.stages}
    assert sorted(_modules()) == sorted(in_pipeline)


def test_no_stage_imports_another():
    imports = {name: [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1]
               for name, tree in _modules().items()}
    assert {name: found for name, found in imports.items() if found} == {}


def test_every_article_field_a_stage_reads_is_declared():
    undeclared = {}
    for name, tree in _modules().items():
        requires, assigns = _declared(tree, "requires"), _declared(tree, "assigns")
        assert requires is not None and assigns is not None, f"stages/{name}.py declares no requires/assigns"
        read = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
                and n.value.id == "article" and n.attr in FIELDS}
        missing = read - requires - assigns - STATE
        if missing:
            undeclared[name] = sorted(missing)
    assert undeclared == {}
