"""The progress bar of long commands: on stderr when it is a terminal, never in a pipe or a log file."""
from __future__ import annotations

import os
import sys
from typing import Any

DEFAULT_COLUMNS = 100
DEFAULT_ROWS = 24


def progress_bar(*, desc: str, unit: str, stream: Any = None) -> Any:
    """A tqdm bar on ``stream`` (stderr), disabled unless it is a terminal. A terminal that reports no size (a
    pseudo-terminal nobody sized, as under some job runners) gets a default one: from a size of 0 tqdm would
    draw nothing at all."""
    from tqdm import tqdm

    stream = stream if stream is not None else sys.stderr
    is_terminal = bool(getattr(stream, "isatty", lambda: False)())
    columns, rows = _size(stream) if is_terminal else (DEFAULT_COLUMNS, DEFAULT_ROWS)
    return tqdm(file=stream, disable=not is_terminal, unit=unit, desc=desc, ncols=columns, nrows=rows)


def _size(stream: Any) -> tuple[int, int]:
    try:
        size = os.get_terminal_size(stream.fileno())
        columns, rows = size.columns, size.lines
    except (AttributeError, OSError, ValueError):
        columns = rows = 0
    return (columns if columns > 0 else DEFAULT_COLUMNS), (rows if rows > 0 else DEFAULT_ROWS)
