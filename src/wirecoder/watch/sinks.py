"""Where an alert goes: a webhook (JSON POST, signed with HMAC-SHA256 over the body when a secret is set,
retried with backoff), a command (the alert on its stdin), or a JSONL file (one alert a line).

Every delivery carries the alert's id (``X-Wirecoder-Alert-Id``, ``WIRECODER_ALERT_ID``, the ``id`` field),
the same on every retry, so a receiver can drop a repeat. The file sink drops repeats itself."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..version import __version__
from ..errors import WirecoderError
from .rules import SinkSpec

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})


class Sink(Protocol):
    def deliver(self, alert_id: str, body: bytes) -> None:
        """Deliver or raise WirecoderError W088."""


def signature(secret: str, body: bytes) -> str:
    """The value of ``X-Wirecoder-Signature``: ``sha256=`` and the hex HMAC-SHA256 of the body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@dataclass
class WebhookSink:
    url: str
    secret: str | None = None
    timeout: float = 10.0
    retries: int = 2  # attempts after the first, within one delivery
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    sleep: Callable[[float], None] = time.sleep

    def deliver(self, alert_id: str, body: bytes) -> None:
        headers = {"Content-Type": "application/json", "User-Agent": f"wirecoder/{__version__}",
                   "X-Wirecoder-Alert-Id": alert_id}
        if self.secret:
            headers["X-Wirecoder-Signature"] = signature(self.secret, body)
        last = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
            try:
                with _no_redirects().open(request, timeout=self.timeout) as response:
                    response.read(65536)
                    return
            except urllib.error.HTTPError as err:
                last = f"HTTP {err.code}"
                if err.code not in _RETRY_STATUS:
                    break
            except (urllib.error.URLError, OSError) as err:
                last = f"{type(err).__name__}: {getattr(err, 'reason', err)}"
        raise WirecoderError("W088", f"the webhook {self.url} did not take alert {alert_id} ({last})")


def _no_redirects() -> urllib.request.OpenerDirector:
    """An opener that posts where it is told and follows no redirect (urllib would repeat a POST as a GET)."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(), urllib.request.HTTPDefaultErrorHandler(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


@dataclass
class CommandSink:
    argv: tuple[str, ...]
    timeout: float = 10.0

    def deliver(self, alert_id: str, body: bytes) -> None:
        try:
            done = subprocess.run(list(self.argv), input=body, capture_output=True, timeout=self.timeout,
                                  env={**os.environ, "WIRECODER_ALERT_ID": alert_id}, check=False)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise WirecoderError("W088", f"the command {self.argv[0]} failed on alert {alert_id}: {err}") from err
        if done.returncode != 0:
            detail = done.stderr.decode("utf-8", "replace").strip()[-300:]
            raise WirecoderError("W088", f"the command {self.argv[0]} exited {done.returncode} on alert "
                                         f"{alert_id}: {detail}")


@dataclass
class JsonlSink:
    path: Path

    def deliver(self, alert_id: str, body: bytes) -> None:
        try:
            if self._holds(alert_id):  # written before a crash kept it from being marked delivered
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as handle:
                handle.write(body.rstrip(b"\n") + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as err:
            raise WirecoderError("W088", f"cannot write alert {alert_id} to {self.path}: {err.strerror}") from err

    def _holds(self, alert_id: str) -> bool:
        if not self.path.exists():
            return False
        needle = json.dumps(alert_id).encode("utf-8")
        with self.path.open("rb") as handle:
            for line in handle:
                if needle in line and json.loads(line).get("id") == alert_id:
                    return True
        return False


def make_sink(spec: SinkSpec, *, sleep: Callable[[float], None] = time.sleep) -> Sink:
    if spec.webhook:
        return WebhookSink(spec.webhook, secret=spec.secret, timeout=spec.timeout, sleep=sleep)
    if spec.command:
        return CommandSink(spec.command, timeout=spec.timeout)
    assert spec.jsonl is not None
    return JsonlSink(spec.jsonl)
