"""A polite HTTP client for feeds and the pages they link: a User-Agent that says who is asking, robots.txt
obeyed, timeouts, retries with exponential backoff on transient failures, a size limit, a minimum interval
per host, a cap on redirects, conditional requests (ETag, Last-Modified) and, when asked, no private or
loopback addresses (guard.py)."""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

from ..version import __version__
from ..errors import WirecoderError
from .guard import build_opener

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0
    retries: int = 2  # attempts after the first
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    max_bytes: int = 20_000_000
    min_interval: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True
    allow_private: bool = True  # watch refuses private and loopback addresses unless --allow-private
    max_redirects: int = 5
    user_agent: str = f"wirecoder/{__version__} (+https://github.com/wirecoder/wirecoder; news event coding)"


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Fetcher:
    options: FetchOptions = FetchOptions()
    sleep: Callable[[float], None] = time.sleep
    _last_request: dict[str, float] = field(default_factory=dict, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict, repr=False)
    _opener: urllib.request.OpenerDirector = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._opener = build_opener(allow_private=self.options.allow_private,
                                    max_redirects=self.options.max_redirects)

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch ``url`` or raise WirecoderError W032 (failed after retries), W033 (too large), W084 (a private
        address refused), W086 (too many redirects). With ``etag`` or ``last_modified`` the request is
        conditional: an unchanged resource comes back as status 304 with no body."""
        try:
            scheme = urllib.parse.urlsplit(url).scheme
        except ValueError as err:  # "http://[x": "Invalid IPv6 URL"
            raise WirecoderError("W032", f"{url} is not a valid URL ({err})") from err
        if scheme not in ("http", "https"):
            raise WirecoderError("W032", f"{url} is not an http(s) URL")
        if not self.allowed(url):
            raise WirecoderError("W036", f"the robots.txt of {urllib.parse.urlsplit(url).netloc} disallows {url}")
        last_error = ""
        for attempt in range(self.options.retries + 1):
            if attempt:
                self.sleep(self.options.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                return self._get_once(url, etag=etag, last_modified=last_modified)
            except urllib.error.HTTPError as err:
                if err.code == 304:
                    return FetchResult(url=url, status=304, content_type="", body=b"", etag=etag,
                                       last_modified=last_modified)
                if 300 <= err.code < 400:
                    raise WirecoderError("W086", f"{url} redirects more than {self.options.max_redirects} times "
                                                 f"(or in a loop)") from err
                last_error = f"HTTP {err.code}"
                if err.code not in _RETRY_STATUS:
                    break
            except (urllib.error.URLError, http.client.HTTPException, socket.timeout, TimeoutError,
                    ConnectionError) as err:
                reason = getattr(err, "reason", err)
                last_error = ("timed out" if isinstance(reason, (socket.timeout, TimeoutError))
                              else f"{type(reason).__name__}: {reason}")
            except ValueError as err:  # a malformed address: retrying cannot help
                raise WirecoderError("W032", f"{url} is not a valid URL: {err}") from err
        raise WirecoderError("W032", f"fetching {url} failed ({last_error}) after {attempt + 1} attempt(s)")

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this User-Agent fetch ``url`` (read once per site)."""
        if not self.options.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        rules = self._robots[site]
        return rules is None or rules.can_fetch(self.options.user_agent, url)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (no rules) when it has no robots.txt or it cannot be fetched: an unreachable
        robots.txt does not block the pages, whose own fetch then reports what is wrong."""
        self._wait_for_host(site)
        try:
            body = self._get_once(f"{site}/robots.txt").body
        except (urllib.error.URLError, http.client.HTTPException, socket.timeout, TimeoutError, ConnectionError,
                WirecoderError):
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    def _wait_for_host(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc
        previous = self._last_request.get(host)
        if previous is not None:
            wait = self.options.min_interval - (time.monotonic() - previous)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _get_once(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        headers = {"User-Agent": self.options.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        with self._opener.open(request, timeout=self.options.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > self.options.max_bytes:
                raise WirecoderError("W033", f"{url} is {int(length):,} bytes, over the limit of "
                                             f"{self.options.max_bytes:,}")
            body = response.read(self.options.max_bytes + 1)
            if len(body) > self.options.max_bytes:
                raise WirecoderError("W033", f"{url} is larger than the limit of {self.options.max_bytes:,} bytes")
            if length and length.isdigit() and len(body) < int(length):  # read(n) returns a cut body silently
                raise http.client.IncompleteRead(body, int(length) - len(body))
            return FetchResult(url=response.geturl(), status=response.status,
                               content_type=response.headers.get("Content-Type", ""), body=body,
                               etag=response.headers.get("ETag"), last_modified=response.headers.get("Last-Modified"))
