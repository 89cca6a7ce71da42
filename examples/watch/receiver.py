"""A webhook receiver for trying `wirecoder watch` on one machine: prints each alert and whether its
signature holds. `python examples/watch/receiver.py --port 18766 --secret change-me`"""
from __future__ import annotations

import argparse
import hashlib
import hmac
import json
from http.server import BaseHTTPRequestHandler, HTTPServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=18766)
    parser.add_argument("--secret", default="change-me")
    args = parser.parse_args()
    secret = args.secret.encode("utf-8")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's naming)
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
            signed = hmac.compare_digest(self.headers.get("X-Wirecoder-Signature", ""), expected)
            alert = json.loads(body)
            incident = alert["incident"]
            place = (incident.get("location") or {}).get("name")
            deaths = (incident.get("fatalities") or {}).get("best")
            print(f"alert {alert['id'][:12]} ({alert['reason']}, signature {'ok' if signed else 'BAD'}): "
                  f"{incident['sub_event_type']} at {place}, {deaths} killed, {incident['number_of_sources']} "
                  f"source(s) -> {alert['link']}", flush=True)
            self.send_response(200 if signed else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
