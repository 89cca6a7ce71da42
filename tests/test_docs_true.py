"""docs/ stays true: every CLI flag, record field, setting and export column is documented (error codes and
warnings: test_errors_catalogue.py). The checks walk the argparse tree and the code generically, so a command,
flag, field or option added by anyone fails here until it is documented (as datasette's tests/test_docs.py does).
"""
from __future__ import annotations

import argparse
import ast
import inspect
import pathlib
import re

import pytest

from wirecoder.cli.main import build_parser

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "wirecoder"
DOCS = ROOT / "docs"


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Markdown '### title' -> the text up to the next heading."""
    parts = re.split(r"^(#{2,3} .+)$", text, flags=re.M)
    return {parts[i].lstrip("#").strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def _documented(text: str) -> set[str]:
    """The flags a section lists, one bullet each: "- `--flag VALUE`: what it does"."""
    return set(re.findall(r"^- `(--[a-z0-9-]+)", text, flags=re.M))


# ---------------------------------------------------------------- CLI flags

def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield path, parser
    for action in subparsers:
        for name, sub in action.choices.items():
            yield from _commands(sub, (*path, name))


def _flags(parser: argparse.ArgumentParser) -> tuple[set[str], dict[str, set[str]]]:
    """A command's own flags, and the flags of each named argument group it takes (e.g. 'coder')."""
    grouped: dict[str, set[str]] = {}
    for group in parser._action_groups:
        if group.title not in ("positional arguments", "options", "optional arguments"):
            grouped[group.title] = {max(a.option_strings, key=len) for a in group._group_actions if a.option_strings}
    in_groups = set().union(*grouped.values()) if grouped else set()
    own = {max(a.option_strings, key=len) for a in parser._actions
           if a.option_strings and a.dest != "help"} - in_groups
    return own, grouped


COMMANDS = list(_commands(build_parser()))
CLI_SECTIONS = _sections(_read("cli.md").split("## Every command's flags", 1)[-1])


def test_docs_cli_has_the_flags_section_and_top_level_flags():
    text = _read("cli.md")
    assert "## Every command's flags" in text
    assert "`wirecoder --version`" in text


@pytest.mark.parametrize(("path", "parser"), COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_docs_cli_every_flag_of_every_command(path, parser):
    title = f"`wirecoder {' '.join(path)}`"
    assert title in CLI_SECTIONS, f"docs/cli.md has no '### {title}' section"
    own, grouped = _flags(parser)
    listed = _documented(CLI_SECTIONS[title])
    missing = sorted(own - listed)
    assert missing == [], f"{title}: document these flags in docs/cli.md: {missing}"
    gone = sorted(listed - own)
    assert gone == [], f"{title}: docs/cli.md lists flags the command does not have: {gone}"
    for group, flags in grouped.items():
        section = CLI_SECTIONS.get(f"`{group}` options")
        assert section is not None, f"docs/cli.md has no '### `{group}` options' section"
        assert sorted(flags - _documented(section)) == [], f"`{group}` options: undocumented flags"
        assert f"`{group}` options" in CLI_SECTIONS[title], f"{title}: say that it takes the `{group}` options"


def test_docs_cli_sections_name_existing_commands():
    commands = {f"`wirecoder {' '.join(path)}`" for path, _ in COMMANDS}
    groups = {f"`{g}` options" for _, parser in COMMANDS for g in _flags(parser)[1]}
    assert sorted(set(CLI_SECTIONS) - commands - groups) == []


# ---------------------------------------------------------------- record fields

def _dict_keys(path: pathlib.Path) -> set[str]:
    """Every string key of a dict literal in a module: the fields its records have."""
    keys = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys |= {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    return keys


@pytest.mark.parametrize(("module", "doc"), [("record.py", "record.md"), ("incidents/record.py", "incidents.md")])
def test_docs_every_record_field(module, doc):
    text = _read(doc)
    missing = sorted(k for k in _dict_keys(SRC / module)
                     if f"`{k}`" not in text and f'"{k}"' not in text and not _in_braces(k, text))
    assert missing == [], f"document these fields of {module} in docs/{doc}: {missing}"


def _in_braces(key: str, text: str) -> bool:
    """A field named in a documented shape, e.g. `{low, best, high}` or **Place** `{text, start, ...}`."""
    shapes = re.findall(r"`\{[^`]*\}`|\{[^{}\n]*\}", text)
    return any(re.search(rf"[{{,]\s*`?{re.escape(key)}`?\s*[,}}:]", shape) for shape in shapes)


def test_docs_every_export_column():
    from wirecoder.export import COLUMNS

    text = _read("export.md")
    assert [c for c in COLUMNS if not re.search(rf"\b{re.escape(c)}\b", text)] == []


# ---------------------------------------------------------------- settings

def _module_strings(tree: ast.Module) -> dict[str, str]:
    return {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for t in node.targets if isinstance(t, ast.Name)}


def _environment_variables() -> dict[str, str]:
    """Every environment variable the package reads by a name it fixes (literal or module constant)."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _module_strings(tree)
        for node in ast.walk(tree):
            name = None
            if isinstance(node, ast.Call) and node.args and (
                    (isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "getenv")
                     and ast.unparse(node.func.value) in ("os.environ", "os")) or ast.unparse(node.func) == "getenv"):
                name = node.args[0]
            elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
                name = node.slice
            if isinstance(name, ast.Constant) and isinstance(name.value, str):
                found[name.value] = path.name
            elif isinstance(name, ast.Name) and name.id in constants:
                found[constants[name.id]] = path.name
    return found


def test_docs_every_environment_variable():
    variables = _environment_variables()
    assert "WIRECODER_GAZETTEER" in variables  # the scan works
    text = _read("settings.md")
    assert {v: where for v, where in variables.items() if f"`{v}`" not in text} == {}


def test_docs_every_coder_option():
    from wirecoder.coder import Coder

    options = [p.name for p in inspect.signature(Coder.__init__).parameters.values() if p.kind == p.KEYWORD_ONLY]
    assert options
    text = _sections(_read("settings.md"))["`Coder(...)`"]
    assert [o for o in options if f"`{o}`" not in text] == []


def _options_classes() -> dict[str, tuple[str, list[str]]]:
    """Every dataclass named ...Options in the package: its module and its fields."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Options") and any(
                    "dataclass" in ast.unparse(d) for d in node.decorator_list):
                fields = [s.target.id for s in node.body
                          if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
                found[node.name] = (str(path.relative_to(SRC)), fields)
    return found


OPTIONS = _options_classes()


def test_docs_options_classes_are_found():
    assert {"IngestOptions", "ReadOptions", "FetchOptions", "HtmlOptions"} <= set(OPTIONS)


@pytest.mark.parametrize("name", sorted(OPTIONS))
def test_docs_every_field_of_every_options_class(name):
    module, fields = OPTIONS[name]
    sections = {title.split()[0]: text for title, text in _sections(_read("settings.md")).items()}
    text = sections.get(f"`{name}`")
    assert text is not None, f"docs/settings.md has no '### `{name}`' section ({module})"
    assert [f for f in fields if f"`{f}`" not in text] == [], f"{name} ({module}): document these fields"


# ---------------------------------------------------------------- layout, stages, numbers the docs state

def test_docs_contributing_layout_names_every_module():
    text = _read("CONTRIBUTING.md")
    layout = text.split("```", 2)[1]
    entries = [p.name + ("/" if p.is_dir() else "") for p in sorted(SRC.iterdir())
               if p.name != "__pycache__" and (p.is_dir() or p.suffix == ".py") and p.name != "__main__.py"]
    assert [e for e in entries if re.search(rf"^\s+{re.escape(e)}\s", layout, flags=re.M) is None] == []


def test_docs_stage_lists_follow_the_pipeline(coder):
    names = coder.pipeline.names
    contributing = " ".join(_read("CONTRIBUTING.md").split())
    listed = contributing.split("in pipeline order: ", 1)[1].split(" (", 1)[0]
    assert [n.strip() for n in listed.split(",")] == names
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    chain = re.search(r"stages/`\): (.+?)\. See", readme).group(1)
    assert [n.strip() for n in chain.split("→")] == names


def test_docs_record_states_the_background_horizon():
    from wirecoder.stages.dates import BACKGROUND_AFTER

    row = next(line for line in _read("record.md").splitlines() if line.startswith("| `background` |"))
    assert f"more than {BACKGROUND_AFTER.days} days before publication" in row
