"""Where the gazetteer lives when no path is given."""
from __future__ import annotations

import os
import pathlib

GAZETTEER_ENV = "WIRECODER_GAZETTEER"


def default_gazetteer_path() -> pathlib.Path:
    """$WIRECODER_GAZETTEER, else $XDG_DATA_HOME/wirecoder/gazetteer.sqlite, else ~/.local/share/wirecoder/..."""
    explicit = os.environ.get(GAZETTEER_ENV)
    if explicit:
        return pathlib.Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME")
    base = pathlib.Path(data_home).expanduser() if data_home else pathlib.Path.home() / ".local" / "share"
    return base / "wirecoder" / "gazetteer.sqlite"
