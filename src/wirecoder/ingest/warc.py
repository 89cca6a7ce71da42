"""WARC and WARC.gz crawls (warcio): each HTML response becomes an article; a corrupt or truncated archive
is reported where it breaks, after the records before it were read."""
from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import WirecoderError
from .html import HtmlOptions, extract_article
from .items import ReadFailure, ReadResult

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(stream: BinaryIO, *, origin: str, max_bytes: int, html_options: HtmlOptions) -> Iterator[ReadResult]:
    records = ArchiveIterator(stream, check_digests=True)
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            if number == 0:
                yield ReadFailure(origin, "W035", f"{origin} holds no WARC records")
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            yield ReadFailure(f"{origin}#record{number + 1}", "W035",
                              f"{origin} is corrupt after record {number}: {err}")
            return
        except (AttributeError, TypeError, KeyError, IndexError) as err:  # warcio on a header it cannot read
            yield ReadFailure(f"{origin}#record{number + 1}", "W035", f"{origin} has a malformed WARC record "
                                                                      f"after record {number}: {err!r}")
            return
        number += 1
        if not str(record.format).startswith("warc"):  # warcio reads anything as a lenient ARC
            yield ReadFailure(origin, "W035", f"{origin} is not a WARC file (record {number} has no WARC header)")
            return
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = record.http_headers.get_header("Content-Type") or ""
        if not content_type.lower().startswith(_HTML_TYPES):
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        where = url or f"{origin}#record{number}"
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            continue
        try:
            body = record.content_stream().read(max_bytes + 1)
        except (OSError, EOFError, ValueError) as err:
            yield ReadFailure(where, "W035", f"record {number} of {origin} is truncated: {err}")
            return
        if len(body) > max_bytes:
            yield ReadFailure(where, "W033", f"{where} is larger than the limit of {max_bytes:,} bytes")
            continue
        if getattr(record.raw_stream, "limit", 0) > 0:  # the archive ended inside this record
            yield ReadFailure(where, "W035", f"record {number} of {origin} is truncated")
            return
        if record.digest_checker.passed is False:
            yield ReadFailure(where, "W035", f"record {number} of {origin} fails its digest: "
                                             f"{'; '.join(record.digest_checker.problems)}")
            continue
        try:
            yield extract_article(body, origin=where, url=url, charset=content_type, options=html_options)
        except WirecoderError as err:
            yield ReadFailure(where, err.code, err.detail)
