"""create_app: the FastAPI application of the desk, with its limits, headers and one error shape."""
from __future__ import annotations

import gc
import os
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..version import __version__
from ..errors import WirecoderError
from ..store import Database
from ..store.cache import ReadCache
from . import articles, events, exports, incidents, pages, places, problems, reviews
from .deps import Stores
from .kept import Refreshes
from .settings import DeskSettings

# The page runs only its own scripts; nothing it shows can load or run anything else.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI starts itself with one inline script and inline styles
_DOCS_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
             "img-src 'self' data:; object-src 'none'; frame-ancestors 'none'")


class Limits:
    """Refuses (W074) a query string or a body beyond the limits, before any route reads it; adds the
    security headers to every response, and `Cache-Control: no-store` to the API's (a plain ASGI middleware:
    Starlette's BaseHTTPMiddleware costs a task and a stream a request)."""

    def __init__(self, app: ASGIApp, *, settings: DeskSettings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.settings.max_query_bytes:
            await self._refuse(scope, receive, send, f"the query string is longer than "
                                                     f"{self.settings.max_query_bytes} bytes")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.settings.max_body_bytes:
            await self._refuse(scope, receive, send, f"the body is larger than {self.settings.max_body_bytes} bytes")
            return
        received = 0
        limit = self.settings.max_body_bytes
        started = time.perf_counter()

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise WirecoderError("W074", f"the body is larger than {limit} bytes")
            return message

        path = scope.get("path", "")
        docs, api = path.startswith("/docs"), path.startswith("/api/")

        async def headed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                if api:  # the API's answers change with the store: browsers must not keep them
                    headers = [(name, value) for name, value in headers if name.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                # the server's own time to the answer's head (the client's latency less it is queueing and the network)
                headers.append((b"server-timing", f"app;dur={(time.perf_counter() - started) * 1000:.1f}".encode()))
                headers += [(b"content-security-policy", (_DOCS_CSP if docs else _CSP).encode()),
                            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
                            (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, counted_receive, headed_send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, message: str) -> None:
        response = problems.error_response(WirecoderError("W074", message))
        await response(scope, receive, send)


def create_app(settings: DeskSettings) -> FastAPI:
    """The desk over one store. The store must exist (W030 otherwise); it is opened read-only per thread for
    reads and writable for reviews."""
    static = pages.static_dir()
    if not settings.db.is_file():
        raise WirecoderError("W030", f"there is no database at {settings.db}")
    Database(settings.db).close()  # applies missing migrations before any read-only connection opens

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.stores.close()

    app = FastAPI(title="wirecoder", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Events coded from news (ACLED's taxonomy) with the evidence behind every field, "
                              "and review by analysts. Errors: `{\"error\": {\"code\", \"message\", \"status\"}}`.")
    app.state.settings = settings
    app.state.stores = Stores(settings)
    app.state.read_cache = ReadCache(max_entries=settings.cache_entries, max_bytes=settings.cache_bytes,
                                     stale_seconds=settings.stale_seconds)
    app.state.refreshes = Refreshes()
    app.state.static_dir = static
    app.state.gazetteers = places.Gazetteers(settings.gazetteer)
    problems.install(app)
    for module in (events, articles, exports, reviews, incidents, places, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=static), name="static")
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(Limits, settings=settings)

    return app


def freeze_startup_objects() -> None:
    """Put every object alive once the desk is built (modules, the app, its routes and models: some 70,000,
    alive as long as the server) out of the garbage collector's reach (gc.freeze). A full collection otherwise
    walks them all, every few hundred requests, and stops the whole server meanwhile: 1 ms instead of
    30-170 ms on this store. For a server process only: objects frozen are never collected."""
    gc.collect()
    gc.freeze()


# `wirecoder serve --workers N` hands its settings to the worker processes it starts through this variable
SETTINGS_VARIABLE = "WIRECODER_DESK_SETTINGS"


def app_from_environment() -> FastAPI:
    """The desk in one worker process of `wirecoder serve --workers N` (uvicorn starts each one anew and calls
    this), over the settings the command put in the environment."""
    text = os.environ.get(SETTINGS_VARIABLE)
    if not text:
        raise WirecoderError("W076", f"{SETTINGS_VARIABLE} is not set: start the desk with `wirecoder serve`")
    app = create_app(DeskSettings.from_json(text))
    freeze_startup_objects()
    return app
