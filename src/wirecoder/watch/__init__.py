"""`wirecoder watch`: poll feeds, sitemaps and folders; code, store and merge what is new; alert on what
matches the watch rules. State lives in the store (store/watch.py), so a restart resumes."""
from __future__ import annotations

from .poller import PollReport, WatchOptions, Watcher

__all__ = ["PollReport", "WatchOptions", "Watcher"]
