"""`wirecoder serve`: refuses what it cannot serve with coded errors before it listens."""
from __future__ import annotations

import socket

import pytest

from wirecoder.cli.main import main
from wirecoder.cli.serve import bind, ensure_token
from wirecoder.errors import WirecoderError


def test_cli_serve_missing_store_is_w030(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "W030" in capsys.readouterr().err


def test_cli_serve_taken_port_is_w076():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(WirecoderError) as err:
            bind("127.0.0.1", taken.getsockname()[1])
    assert err.value.code == "W076"


def test_cli_serve_binds_this_machine_only_by_default():
    sock = bind("127.0.0.1", 0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
    finally:
        sock.close()


def test_cli_serve_short_token_is_refused(store):
    with pytest.raises(WirecoderError) as err:
        ensure_token(store, token="short")
    assert err.value.code == "W070"


def test_cli_serve_stale_seconds_out_of_range_is_w070(store, capsys):
    assert main(["serve", "--db", str(store), "--stale-seconds", "-1"]) == 2
    assert "W070" in capsys.readouterr().err


def test_cli_serve_settings_travel_to_worker_processes_whole(tmp_path):
    from wirecoder.api import DeskSettings

    settings = DeskSettings(db=tmp_path / "s.sqlite", cors_origins=("http://a.test",), gazetteer=tmp_path / "g",
                            page_limit=7, cache_bytes=1000, stale_seconds=0.5)
    assert DeskSettings.from_json(settings.to_json()) == settings
    bare = DeskSettings(db=tmp_path / "s.sqlite")
    assert DeskSettings.from_json(bare.to_json()) == bare


def test_cli_serve_workers_share_the_port(store):
    """`--workers 2`: two server processes answer on one port, and stop with the command."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    src = str(Path(__file__).resolve().parents[2] / "src")
    server = subprocess.Popen([sys.executable, "-m", "wirecoder", "serve", "--db", str(store), "--port", str(port),
                               "--workers", "2"], env={**os.environ, "PYTHONPATH": src},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
            time.sleep(0.3)
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        workers = [pid for pid in children if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        assert len(workers) == 2  # (multiprocessing's resource tracker is a child too)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(6):
                assert len(client.get("/api/events?limit=100").json()["events"]) == 7
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.returncode is not None


def test_serve_freezes_its_startup_objects_out_of_full_collections(store):
    """A full collection walks every tracked object: the server's tens of thousands alive from its start are
    frozen once the app is built, so no collection stops the server to walk them again."""
    import gc

    from wirecoder.api import DeskSettings, create_app
    from wirecoder.api.app import freeze_startup_objects

    app = create_app(DeskSettings(db=store))
    try:
        freeze_startup_objects()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000
        assert len(gc.get_objects(generation=2)) < frozen  # what a full collection would still walk
    finally:
        gc.unfreeze()
    assert app.state.read_cache is not None
