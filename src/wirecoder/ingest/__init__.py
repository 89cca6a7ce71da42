"""Ingest: readers for files, folders, feeds, crawls and stdin; near-duplicate linking; the parallel run
that codes articles in worker processes and writes them to the store."""
from __future__ import annotations

from .items import ReadFailure, SourceItem
from .runner import IngestOptions, IngestSummary, ingest
from .sources import ReadOptions, SourceReader
from .workers import CoderFactory

__all__ = ["CoderFactory", "IngestOptions", "IngestSummary", "ReadFailure", "ReadOptions", "SourceItem",
           "SourceReader", "ingest"]
