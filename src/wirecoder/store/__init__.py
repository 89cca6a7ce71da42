"""The event store: one SQLite file, owned by the Database class."""
from __future__ import annotations

from .database import Database
from .incident_rows import IncidentChange, IncidentFilter, IncidentPage, StoredIncident, StoredReport
from .rows import DocumentRow, EventFilter, FailureRow, StoreCounts, StoredEvent, WriteResult

__all__ = ["Database", "DocumentRow", "EventFilter", "FailureRow", "IncidentChange", "IncidentFilter", "IncidentPage",
           "StoreCounts", "StoredEvent", "StoredIncident", "StoredReport", "WriteResult"]
