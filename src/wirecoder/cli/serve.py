"""`wirecoder serve --db FILE [--host 127.0.0.1] [--port 8000] [--token TOKEN]`: the analyst's desk."""
from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path
from typing import Any

from ..errors import WirecoderError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the REST API and the web desk (map, evidence, review) over a store",
        description="Serve the API (OpenAPI at /docs) and the web desk at / over a store written by "
                    "`wirecoder ingest`. Everything is served from the package: no internet needed. Writes "
                    "(reviews) need the store's token: the first start makes one and prints it once.")
    parser.add_argument("--db", required=True, help="the SQLite store")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: %(default)s, this machine "
                                                            "only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    parser.add_argument("--token", help="add this write token to the store (instead of a generated one)")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="let pages of this origin call the API (repeatable); CORS is off by default")
    parser.add_argument("--gazetteer", default=None, help="gazetteer for the place picker (default: the built one)")
    parser.add_argument("--workers", type=int, default=1,
                        help="server processes sharing the port, each with its own connections and kept reads "
                             "(default: %(default)s; more use more cores)")
    parser.add_argument("--stale-seconds", type=float, default=2.0,
                        help="while an ingest writes, show a kept view (map points, counts, pages) up to this many "
                             "seconds after it was read, and read it again in the background, rather than make "
                             "readers wait (never after a review; 0: always wait; default: %(default)s)")
    parser.set_defaults(func=run)


def ensure_token(db_path: Path, *, token: str | None) -> str | None:
    """Keep ``token`` (or, when the store has none, a new random one) with the store; return the token to print
    once, or None when the store already had one and none was given."""
    from ..store import Database

    with Database(db_path) as db:
        if token:
            if len(token) < 16:
                raise WirecoderError("W070", "--token must be at least 16 characters")
            db.add_api_token(token, note="given with --token")
            return None
        if db.has_api_token():
            return None
        new = secrets.token_urlsafe(24)
        db.add_api_token(new, note="generated at first start")
        return new


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or W076 saying why there can be none (port taken, address not this machine's)."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as err:
        raise WirecoderError("W076", f"cannot listen on {host}:{port}: {err.strerror or err}") from err
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api import DeskSettings, create_app
    from ..api.app import freeze_startup_objects

    db_path = Path(args.db)
    if not db_path.is_file():
        raise WirecoderError("W030", f"there is no database at {db_path}; write one with `wirecoder ingest`")
    if not 1 <= args.workers <= 64:
        raise WirecoderError("W070", f"--workers {args.workers} is not from 1 to 64")
    if not 0 <= args.stale_seconds <= 3600:
        raise WirecoderError("W070", f"--stale-seconds {args.stale_seconds} is not from 0 to 3600")
    settings = DeskSettings(db=db_path, cors_origins=tuple(args.cors_origin),
                            gazetteer=Path(args.gazetteer) if args.gazetteer else None,
                            stale_seconds=args.stale_seconds)
    app = create_app(settings)  # checks the store and the page's files before anything listens
    new_token = ensure_token(db_path, token=args.token)
    if new_token:
        print(f"write token (shown once; reviews need it): {new_token}", file=sys.stderr)
    sock = bind(args.host, args.port)
    print(f"wirecoder desk on http://{args.host}:{sock.getsockname()[1]}/ (API docs at /docs)", file=sys.stderr)
    if args.workers == 1:
        freeze_startup_objects()
        uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False)).run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    from ..api.app import SETTINGS_VARIABLE

    os.environ[SETTINGS_VARIABLE] = settings.to_json()
    config = uvicorn.Config("wirecoder.api.app:app_from_environment", factory=True, workers=args.workers,
                            log_level="warning", access_log=False)
    Multiprocess(config, sockets=[sock]).run()
    return 0
