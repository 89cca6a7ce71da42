"""The event store: one SQLite file, owned by the Database class."""
from __future__ import annotations

from .database import Database
from .rows import DocumentRow, EventFilter, FailureRow, StoreCounts, StoredEvent, WriteResult

__all__ = ["Database", "DocumentRow", "EventFilter", "FailureRow", "StoreCounts", "StoredEvent", "WriteResult"]
