#!/usr/bin/env python3
"""A GitHub API stand-in for the webhook drills that remembers what it was sent, as GitHub does: the check runs it
creates are listed back by commit (GET .../commits/{sha}/check-runs), so the hub's "does this delivery's run exist"
lookup gets a true answer; the WireMock stand-in of the tests cannot. GET /__drill/check-runs returns every run
created, for the drills' verdict. Installation tokens are handed out; anything else (ChittyChronicle) is 404.

Usage: github_recorder.py PORT
"""
import json
import re
import socket
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RUNS = []
LOCK = threading.Lock()
TOKEN = re.compile(r"^/app/installations/\d+/access_tokens$")
CREATE = re.compile(r"^/repos/[^/]+/[^/]+/check-runs$")
LIST = re.compile(r"^/repos/[^/]+/[^/]+/commits/([0-9a-f]+)/check-runs$")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # headers and body leave in two writes: with Nagle on, each answer waits out the client's delayed ACK (40 ms)
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = self.path.split("?")[0]
        if TOKEN.match(path):
            expires = (datetime.now(timezone.utc) + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
            self.answer(201, {"token": "ghs_drill", "expires_at": expires})
        elif CREATE.match(path):
            run = json.loads(body)
            with LOCK:
                run["id"] = len(RUNS) + 1
                RUNS.append(run)
            self.answer(201, run)
        else:
            self.answer(404, {"message": "Not Found"})

    def do_GET(self):
        path = self.path.split("?")[0]
        listed = LIST.match(path)
        if path == "/__drill/check-runs":
            with LOCK:
                self.answer(200, list(RUNS))
        elif path == "/health":
            self.answer(200, {"status": "ok"})
        elif listed:
            with LOCK:
                runs = [r for r in RUNS if r.get("head_sha") == listed.group(1)]
            self.answer(200, {"total_count": len(runs), "check_runs": runs})
        else:
            self.answer(404, {"message": "Not Found"})

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
