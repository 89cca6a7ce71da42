"""The desk's settings, declared as data: each has a default and a line of help (docs/api.md lists them)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class DeskSettings:
    """What `wirecoder serve` passes to ``create_app``."""

    db: Path
    cors_origins: tuple[str, ...] = ()  # empty: no CORS headers at all (same-origin only)
    gazetteer: Path | None = None  # for the place picker; None: the built one, if any
    page_limit: int = 500  # most events a page may ask for
    points_limit: int = 50_000  # most map points a request may ask for
    max_body_bytes: int = 64 * 1024  # largest request body
    max_query_bytes: int = 4 * 1024  # longest query string
    export_page_size: int = 500  # events read from the store per chunk of a streamed export
    cache_entries: int = 512  # read results (pages, points, counts) kept until the store changes
    cache_bytes: int = 64 * 1024 * 1024  # and at most this many bytes of them
    stale_seconds: float = 2.0  # a kept read an ingest's write made stale is still shown this long after it was read

    def to_json(self) -> str:
        """The settings as JSON, for the worker processes of `wirecoder serve --workers N`."""
        return json.dumps({**asdict(self), "db": str(self.db), "cors_origins": list(self.cors_origins),
                           "gazetteer": str(self.gazetteer) if self.gazetteer else None})

    @classmethod
    def from_json(cls, text: str) -> "DeskSettings":
        values = json.loads(text)
        return cls(**{**values, "db": Path(values["db"]), "cors_origins": tuple(values["cors_origins"]),
                      "gazetteer": Path(values["gazetteer"]) if values["gazetteer"] else None})


SETTINGS_HELP = {
    "db": "the SQLite store (`wirecoder ingest` writes it)",
    "cors_origins": "origins allowed to call the API from other pages (`--cors-origin`, repeatable); none by default",
    "gazetteer": "gazetteer file for the place picker of corrections (default: the built one)",
    "page_limit": "most events one page may ask for (`limit`)",
    "points_limit": "most map points one request may ask for",
    "max_body_bytes": "largest request body accepted (W074 beyond)",
    "max_query_bytes": "longest query string accepted (W074 beyond)",
    "export_page_size": "events read per chunk while an export streams",
    "cache_entries": "read results (pages, map points, counts, the store's summary) kept until the store changes",
    "cache_bytes": "most bytes of kept read results (least recently used dropped first)",
    "stale_seconds": "a kept read that an ingest's write made stale is still shown, while it is read again in the "
                     "background, up to this many seconds after it was read (never after a review; 0: never)",
}
