"""What a person sees at the end of an ingest: exit 1 and the failed inputs named when any failed; a progress
bar on a terminal, even one that reports no width (a pseudo-terminal nobody sized)."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT / "src")]), "FAKE_CODER_DELAY": "0"}


def _command(folder: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "wirecoder", "ingest", str(folder), "--db", str(db),
            "--coder-factory", "fake_coder:make_coder", "--batch-size", "2", *extra]


def _folder(tmp_path: Path, *, bad: bool) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    for n in range(12):
        (folder / f"a{n}.txt").write_text(f"Gunmen killed {n} villagers in the hamlet of number {n} on Monday.")
    if bad:
        (folder / "empty.txt").write_bytes(b"")
        (folder / "scan.pdf").write_bytes(b"%PDF-1.4 \x00\x01")
    return folder


def test_cli_ingest_exit_status_and_named_failures(tmp_path):
    clean = subprocess.run(_command(_folder(tmp_path / "ok", bad=False), tmp_path / "ok.db"), env=_env(),
                           capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    assert "failed inputs" not in clean.stderr
    folder = _folder(tmp_path, bad=True)
    bad = subprocess.run(_command(folder, tmp_path / "bad.db", "--json"), env=_env(), capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode == 1, bad.stderr
    assert f"W001 {folder / 'empty.txt'}" in bad.stderr and f"W103 {folder / 'scan.pdf'}" in bad.stderr
    assert "wirecoder failures --db" in bad.stderr
    assert json.loads(bad.stdout)["coded"] == 12


def test_cli_ingest_progress_bar_on_an_unsized_terminal(tmp_path):
    folder = _folder(tmp_path, bad=False)
    primary, secondary = pty.openpty()  # a new pty reports 0 columns until someone sizes it
    try:
        process = subprocess.Popen(_command(folder, tmp_path / "p.db"), env=_env(), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=secondary)
        os.close(secondary)
        screen = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        assert process.wait(timeout=300) == 0
    finally:
        os.close(primary)
    text = screen.decode("utf-8", "replace")
    assert "ingest: 12 docs" in text, text
    assert "read 12, coded 12" in text
