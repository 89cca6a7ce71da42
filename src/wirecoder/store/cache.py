"""ReadCache: results of the store's reads kept until the store changes.

The store counts its changes (``Database.generation()``: a number that triggers raise on every change a read
can see, by any process, the ingest's writer included). A result is kept with the generation it was read at and
given out again while the store's generation is still that one; the first read after a change builds it anew.
Many readers asking for the same result at once build it once: the others wait for it (a gate per key).
Bounded by entries and by bytes, least recently used first out. No module-level state: one ReadCache per store
a server holds (the desk keeps one in its app).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Protocol


class CountsChanges(Protocol):
    def generation(self) -> int: ...


@dataclass(frozen=True)
class CacheStats:
    hits: int
    builds: int
    entries: int
    bytes: int


class ReadCache:
    """Bytes built by a read, per key, valid while the store's generation has not moved."""

    def __init__(self, *, max_entries: int = 512, max_bytes: int = 64 * 1024 * 1024):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[int, bytes]] = OrderedDict()
        self._gates: dict[Hashable, threading.Lock] = {}
        self._bytes = self._hits = self._builds = 0

    def get(self, db: CountsChanges, key: Hashable, build: Callable[[], bytes]) -> bytes:
        """The bytes of ``key`` at the store's current generation: kept ones, or ``build()``'s (once)."""
        generation = db.generation()  # read before the result: a result is never older than its generation
        with self._lock:
            kept = self._lookup(key, generation)
            if kept is not None:
                return kept
            gate = self._gates.setdefault(key, threading.Lock())
        with gate:
            try:
                with self._lock:
                    kept = self._lookup(key, generation)  # built by another reader while this one waited
                    if kept is not None:
                        return kept
                value = build()
                with self._lock:
                    self._builds += 1
                    self._keep(key, generation, value)
                return value
            finally:
                with self._lock:
                    if self._gates.get(key) is gate:
                        del self._gates[key]

    def peek(self, db: CountsChanges, key: Hashable) -> bytes | None:
        """The bytes kept for ``key`` at the store's current generation, or None (never builds, never waits:
        cheap enough for a server's event loop)."""
        generation = db.generation()
        with self._lock:
            return self._lookup(key, generation)

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(hits=self._hits, builds=self._builds, entries=len(self._entries), bytes=self._bytes)

    def _lookup(self, key: Hashable, generation: int) -> bytes | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] < generation:  # the store changed since: drop it
            self._drop(key)
            return None
        self._entries.move_to_end(key)
        self._hits += 1
        return entry[1]

    def _keep(self, key: Hashable, generation: int, value: bytes) -> None:
        if len(value) > self.max_bytes:
            return
        if key in self._entries:
            if self._entries[key][0] > generation:
                return
            self._drop(key)
        self._entries[key] = (generation, value)
        self._bytes += len(value)
        while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
            self._drop(next(iter(self._entries)))

    def _drop(self, key: Hashable) -> None:
        _, value = self._entries.pop(key)
        self._bytes -= len(value)
