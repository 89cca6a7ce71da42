"""ReadCache: results of the store's reads kept until the store changes, and shown a little longer while a
fresh one is read (stale-while-revalidate).

The store counts its changes (``Database.generations()``: a number that triggers raise on every change a read
can see, by any process, the ingest's writer included; and the number of the last review, which only an
analyst's review moves). A result is kept with the generations it was read at and is fresh while the store's
generation is still that one. Once the store moves on, the kept result may still be given out as it is
(``peek`` says it is stale) for ``stale_seconds`` after it was read, provided no review came since: the first
reader to find it stale is told to refresh it (``refresh``, off the reader's path), the others get the kept
bytes without waiting. So readers never wait for a read an ingest's write made necessary, each view is read at
most once at a time, and an analyst always sees their own review. ``get`` always answers fresh: many readers
asking for the same result at once build it once, the others wait for it (a gate per key). Bounded by entries
and by bytes, least recently used first out. No module-level state: one ReadCache per store a server holds
(the desk keeps one in its app).
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol


class CountsChanges(Protocol):
    def generations(self) -> tuple[int, int]: ...


@dataclass(frozen=True)
class CacheStats:
    hits: int
    stale_hits: int
    builds: int
    entries: int
    bytes: int


@dataclass(frozen=True)
class Kept:
    """Bytes ``peek`` found: ``fresh`` (read at the store's current generation) or not; ``refresh`` tells the one
    reader that must have it read again (``ReadCache.refresh``)."""

    value: bytes
    fresh: bool
    refresh: bool


@dataclass(frozen=True)
class _Entry:
    generation: int
    reviews: int
    read_at: float  # the clock when its read began
    value: bytes


class ReadCache:
    """Bytes built by a read, per key, fresh while the store's generation has not moved."""

    def __init__(self, *, max_entries: int = 512, max_bytes: int = 64 * 1024 * 1024, stale_seconds: float = 0.0,
                 clock: Callable[[], float] = time.monotonic):
        self.max_entries, self.max_bytes, self.stale_seconds, self.clock = max_entries, max_bytes, stale_seconds, clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._gates: dict[Hashable, threading.Lock] = {}
        self._refreshing: set[Hashable] = set()
        self._bytes = self._hits = self._stale_hits = self._builds = 0

    def get(self, db: CountsChanges, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The bytes of ``key`` at the store's current generation: kept ones, or ``build()``'s (once)."""
        marks = db.generations()  # read before the result: a result is never older than its generation
        with self._lock:
            kept = self._fresh(key, marks[0])
            if kept is not None:
                return kept
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            try:
                with self._lock:
                    kept = self._fresh(key, marks[0])  # built by another reader while this one waited
                    if kept is not None:
                        return kept
                read_at = self.clock()
                value = build()
                with self._lock:
                    self._builds += 1
                    self._keep(key, _Entry(marks[0], marks[1], read_at, value))
                return value
            finally:
                with self._lock:
                    if self._gates.get(key) is gate:
                        del self._gates[key]

    def peek(self, db: CountsChanges, key: Hashable) -> Kept | None:
        """The bytes kept for ``key``: fresh, or stale but young enough to show while the first reader to find
        them so has them read again; None when a reader must wait for a read (never builds, never waits: cheap
        enough for a server's event loop)."""
        generation, reviews = db.generations()
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.generation >= generation:
                self._entries.move_to_end(key)
                self._hits += 1
                return Kept(entry.value, fresh=True, refresh=False)
            if entry.reviews != reviews or self.clock() - entry.read_at > self.stale_seconds:
                return None  # a review since, or too old to show: read again now
            self._entries.move_to_end(key)
            self._stale_hits += 1
            refresh = key not in self._refreshing
            self._refreshing.add(key)
            return Kept(entry.value, fresh=False, refresh=refresh)

    def refresh(self, db: CountsChanges, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """Read ``key`` again (for the reader ``peek`` told to); until it is done, readers get the stale bytes."""
        try:
            return self.get(db, key, build)
        finally:
            with self._lock:
                self._refreshing.discard(key)

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(hits=self._hits, stale_hits=self._stale_hits, builds=self._builds,
                              entries=len(self._entries), bytes=self._bytes)

    def _fresh(self, key: Hashable, generation: int) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None or entry.generation < generation:
            return None
        self._entries.move_to_end(key)
        self._hits += 1
        return entry.value

    def _keep(self, key: Hashable, entry: _Entry) -> None:
        if len(entry.value) > self.max_bytes:
            return
        if key in self._entries:
            if self._entries[key].generation > entry.generation:
                return
            self._drop(key)
        self._entries[key] = entry
        self._bytes += len(entry.value)
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def _drop(self, key: Hashable) -> None:
        self._bytes -= len(self._entries.pop(key).value)
