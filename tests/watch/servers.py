"""A feed server and a webhook receiver on 127.0.0.1 that the watch tests start: routes with ETags, bodies
streamed without end, hit counts; a receiver that records every POST and can fail the first ones."""
from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: float | None = None  # a Unix time
    stream_bytes: int = 0  # send this many bytes in chunks, with no Content-Length (a 1 GB body)
    announce: int | None = None  # a Content-Length to claim instead of the real one
    location: str | None = None  # a redirect


@dataclass
class FeedServer:
    pages: dict[str, Page] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    conditional: Counter = field(default_factory=Counter)  # requests that carried If-None-Match/If-Modified-Since
    not_modified: Counter = field(default_factory=Counter)
    streamed: Counter = field(default_factory=Counter)  # bytes sent of streamed bodies
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    received: list[Received] = field(default_factory=list)
    fail_first: int = 0
    status: int = 200
    base: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hook") -> str:
        return self.base + path


def _serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _chunks(total: int, size: int = 1 << 16) -> Iterator[bytes]:
    block = b"<item>" + b"x" * (size - 13) + b"</item>"
    sent = 0
    while sent < total:
        chunk = block[: min(size, total - sent)]
        sent += len(chunk)
        yield chunk


def start_feed_server() -> tuple[FeedServer, ThreadingHTTPServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802
            state.hits[self.path] += 1
            page = state.pages.get(self.path)
            if page is None:
                self._plain(404, b"not found")
                return
            if self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since"):
                state.conditional[self.path] += 1
            if page.etag and self.headers.get("If-None-Match") == page.etag:
                state.not_modified[self.path] += 1
                self.send_response(304)
                self.send_header("ETag", page.etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            try:
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                if page.etag:
                    self.send_header("ETag", page.etag)
                if page.last_modified:
                    self.send_header("Last-Modified", formatdate(page.last_modified, usegmt=True))
                if page.location:
                    self.send_header("Location", page.location)
                if page.stream_bytes:
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    started = time.monotonic()
                    for chunk in _chunks(page.stream_bytes):
                        if time.monotonic() - started > 20:
                            break  # bounded in time whatever the client does
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        state.streamed[self.path] += len(chunk)
                    self.wfile.write(b"0\r\n\r\n")
                    return
                self.send_header("Content-Length", str(page.announce if page.announce is not None
                                                       else len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _plain(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server, state.base = _serve(Handler)
    return state, server


def start_receiver() -> tuple[Receiver, ThreadingHTTPServer]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            with state.lock:
                state.received.append(Received(self.path, dict(self.headers.items()), body))
                failing = len(state.received) <= state.fail_first
            status = 503 if failing else state.status
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    server, state.base = _serve(Handler)
    return state, server
