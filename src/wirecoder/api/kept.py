"""Kept reads of the API: views answered from the app's ReadCache, stale ones refreshed off the readers' path,
and the Server-Timing header that says how each answer was served."""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Hashable

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..store import Database
from ..store.cache import ReadCache
from .deps import Stores


class Refreshes:
    """The background reads of stale views an app has running (an event loop keeps only weak references to its
    tasks: one dropped would be stopped half-way). One per app."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task] = set()
        self._log = logging.getLogger("wirecoder.desk")

    def start(self, read: Callable[[], bytes], key: Hashable) -> None:
        task = asyncio.get_running_loop().create_task(run_in_threadpool(read))
        self._tasks.add(task)
        task.add_done_callback(lambda done: self._finished(done, key))

    def _finished(self, task: asyncio.Task, key: Hashable) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            # nobody awaits a refresh: its error is logged here; the view's kept bytes grow too old to show
            # within stale_seconds and the next reader reads it again, and gets the error
            self._log.error("refreshing the kept view %r failed", key, exc_info=task.exception())

    def running(self) -> int:
        return len(self._tasks)


async def cached_json(request: Request, key: Hashable, build: Callable[[Database], bytes]) -> Response:
    """The JSON bytes ``build`` makes for ``key`` from the store, kept by the app's ReadCache (every reader of
    the same view at the same generation of the store gets the same bytes). Kept bytes are given out on the
    event loop (one read of the store's generations, no thread). When an ingest's write has made them stale,
    they are still given out for up to the settings' ``stale_seconds`` after they were read (never after a
    review), while the first reader to find them so starts their read again in the background; with none to
    show, the read runs in the thread pool on that thread's connection and the reader waits for it.

    ``Server-Timing`` says how: ``cache;desc=hit`` (fresh), ``stale`` (refreshing), ``build`` (read for this
    request) or ``wait`` (read by another request meanwhile), with ``queue`` (waiting for a thread), ``read``
    and ``build`` durations in ms."""
    cache: ReadCache = request.app.state.read_cache
    stores: Stores = request.app.state.stores
    kept = cache.peek(stores.reader(), key)
    if kept is not None:
        if kept.refresh:
            def refresh() -> bytes:
                db = stores.reader()
                return cache.refresh(db, key, lambda: build(db))

            request.app.state.refreshes.start(refresh, key)
        return Response(kept.value, media_type="application/json",
                        headers={"server-timing": f"cache;desc={'hit' if kept.fresh else 'stale'}"})
    queued = time.perf_counter()
    spans: dict[str, float] = {}

    def read() -> bytes:
        spans["begun"] = time.perf_counter()
        db = stores.reader()

        def timed_build() -> bytes:
            spans["build"] = time.perf_counter()
            value = build(db)
            spans["built"] = time.perf_counter()
            return value

        value = cache.get(db, key, timed_build)
        spans["done"] = time.perf_counter()
        return value

    value = await run_in_threadpool(read)
    ms = lambda a, b: (b - a) * 1000  # noqa: E731
    timing = (f"cache;desc={'build' if 'build' in spans else 'wait'}, queue;dur={ms(queued, spans['begun']):.1f}, "
              f"read;dur={ms(spans['begun'], spans['done']):.1f}"
              + (f", build;dur={ms(spans['build'], spans['built']):.1f}" if "build" in spans else ""))
    return Response(value, media_type="application/json", headers={"server-timing": timing})
