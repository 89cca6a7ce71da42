"""The analyst's desk: a REST API over the store and the web page that uses it (FastAPI).

``create_app(DeskSettings(db=...))`` builds the app; `wirecoder serve` runs it with uvicorn. One module per
resource (events, articles, exports, reviews, incidents, places, pages); the static page and the vendored map
libraries live in ``static/``.
"""
from __future__ import annotations

from .app import create_app
from .settings import DeskSettings

__all__ = ["DeskSettings", "create_app"]
