"""Where a fetch may connect: the address a connection actually reached is checked (after DNS, on every
redirect), so neither a name that resolves to this machine's network nor a redirect to it gets through. Also
the one opener that fetches use: http and https only, a capped number of redirects."""
from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import urllib.request
from typing import Any

from ..errors import WirecoderError


def refuse_non_public(sock: socket.socket, *, host: str) -> None:
    """W084 when the peer of ``sock`` is not a public address (private, loopback, link-local, reserved...)."""
    address = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if not address.is_global:
        sock.close()
        raise WirecoderError("W084", f"{host} is at {address}, a private, loopback or reserved address")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        refuse_non_public(self.sock, host=self.host)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        refuse_non_public(self.sock, host=self.host)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(functools.partial(_GuardedHTTPSConnection, context=self._context), req)


class _CappedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, max_redirects: int):
        super().__init__()
        self.max_redirections = max_redirects
        self.max_repeats = max(1, min(4, max_redirects))


def build_opener(*, allow_private: bool, max_redirects: int) -> urllib.request.OpenerDirector:
    """An opener for http(s) only (no file:, ftp: or data:, even through a redirect); environment proxies are
    not used when private addresses are refused, since the address checked would be the proxy's."""
    opener = urllib.request.OpenerDirector()
    handlers: list[Any] = [urllib.request.UnknownHandler(), urllib.request.HTTPDefaultErrorHandler(),
                           urllib.request.HTTPErrorProcessor(), _CappedRedirects(max_redirects)]
    if allow_private:
        handlers += [urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), urllib.request.HTTPSHandler()]
    else:
        handlers += [_GuardedHTTPHandler(), _GuardedHTTPSHandler()]
    for handler in handlers:
        opener.add_handler(handler)
    return opener
