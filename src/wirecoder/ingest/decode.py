"""Bytes to text when the charset is missing or wrong, and size-limited reading of (gzipped) inputs."""
from __future__ import annotations

import codecs
import zlib
from dataclasses import dataclass
from typing import BinaryIO

import charset_normalizer

from ..errors import WirecoderError

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    detected: bool  # True when the charset was guessed rather than declared or UTF-8


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data``: a BOM wins, then strict UTF-8 (valid UTF-8 is almost never anything else), then the
    detector's guess, then the declared charset. Declarations are often wrong, so they come after the detector
    unless the detector has no answer."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding, False)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        pass
    declared_codec = _codec(declared)
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return Decoded(str(best), best.encoding, declared_codec is None or _codec(best.encoding) != declared_codec)
    if declared_codec is not None:
        return Decoded(data.decode(declared_codec, errors="replace"), declared_codec, False)
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", True)


def read_limited(stream: BinaryIO, *, max_bytes: int, origin: str) -> bytes:
    """Read a whole stream, refusing (W033) one larger than ``max_bytes``; gzip errors become W035."""
    try:
        data = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise WirecoderError("W035", f"{origin} is corrupt or truncated: {err}") from err
    if len(data) > max_bytes:
        raise WirecoderError("W033", f"{origin} is larger than the limit of {max_bytes:,} bytes")
    return data

