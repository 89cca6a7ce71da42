"""Where the gazetteer lives when no path is given."""
from __future__ import annotations

import os
import pathlib
import sys

GAZETTEER_ENV = "WIRECODER_GAZETTEER"


def _user_path() -> pathlib.Path:
    data_home = os.environ.get("XDG_DATA_HOME")
    base = pathlib.Path(data_home).expanduser() if data_home else pathlib.Path.home() / ".local" / "share"
    return base / "wirecoder" / "gazetteer.sqlite"


def _environment_path() -> pathlib.Path:
    return pathlib.Path(sys.prefix) / "share" / "wirecoder" / "gazetteer.sqlite"


def default_gazetteer_path() -> pathlib.Path:
    """$WIRECODER_GAZETTEER; else the gazetteer of this Python environment (<prefix>/share/wirecoder/, so a
    virtualenv holds everything it needs) when it exists or can be written; else the user's data directory."""
    explicit = os.environ.get(GAZETTEER_ENV)
    if explicit:
        return pathlib.Path(explicit).expanduser()
    environment = _environment_path()
    if environment.exists():
        return environment
    prefix = pathlib.Path(sys.prefix)
    writable = os.access(environment.parent if environment.parent.exists() else prefix, os.W_OK)
    in_virtualenv = sys.prefix != sys.base_prefix
    return environment if writable and in_virtualenv else _user_path()
