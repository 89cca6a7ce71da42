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
