"""Without the ray extra, --engine ray says how to install it (before anything is written); options that go
with the ray engine only are refused with the local one; stdin is not read by the ray engine."""
from __future__ import annotations

import sys

import pytest

from wirecoder.cli.main import main
from wirecoder.store import Database


@pytest.fixture
def no_ray(monkeypatch):
    for name in [n for n in sys.modules if n == "ray" or n.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails as it does without the extra


def test_engine_ray_without_the_extra_says_how_to_install_it(tmp_path, no_ray, capsys):
    (tmp_path / "a.txt").write_text("Gunmen killed two people in Kaduna, police said.")
    db = tmp_path / "store.db"
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--engine", "ray"]) == 2
    err = capsys.readouterr().err
    assert "W080" in err and "pip install 'wirecoder[ray]'" in err
    with Database(db, readonly=True) as store:
        assert store.counts().runs == 0  # refused before a run was started
    (tmp_path / "b.jsonl").write_text('{"id": "b", "text": "Gunmen killed two people."}\n')
    assert main(["code", "--jsonl", str(tmp_path / "b.jsonl"), "--engine", "ray"]) == 2
    assert "W080" in capsys.readouterr().err


@pytest.mark.parametrize("argv, named", [
    (["ingest", "x.txt", "--db", "s.db", "--address", "auto"], "--address goes with --engine ray"),
    (["ingest", "x.txt", "--out", "dataset"], "--out goes with --engine ray"),
    (["ingest", "x.txt"], "--db FILE"),
    (["code", "x.txt", "--engine", "ray"], "--jsonl"),
])
def test_engine_options_that_do_not_go_together_are_refused(tmp_path, monkeypatch, capsys, argv, named):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "W083" in err and named in err


def test_engine_ray_reads_no_stdin(tmp_path, capsys):
    pytest.importorskip("ray")
    assert main(["code", "--jsonl", "-", "--engine", "ray"]) == 2
    assert "W083" in capsys.readouterr().err
    assert main(["ingest", "-", "--db", str(tmp_path / "s.db"), "--engine", "ray"]) == 2
    assert "W083" in capsys.readouterr().err
