#!/usr/bin/env python3
"""Signed GitHub push deliveries for the webhook drills, and the check of what became of them.

send:   POSTs COUNT push deliveries, each with its own delivery id and head commit, signed with the webhook secret,
        spread over the target hubs by several threads, and writes one line per delivery: id, commit, HTTP status
        (000 when no answer came). After a failed connection or a 503 the thread pauses briefly before the next
        delivery, so a hub that is down or still starting costs a few deliveries, as it would cost GitHub's.
verify: reads those lines and the check runs the GitHub stand-in (github_recorder.py) created, and prints how many accepted
        deliveries were applied, how many were not, and how many were applied more than once; exits 1 unless
        every accepted delivery was applied exactly once.
"""
import argparse
import hashlib
import hmac
import http.client
import json
import sys
import threading
import time
import urllib.parse
import urllib.request


def push_body(commit):
    return json.dumps({
        "ref": "refs/heads/main", "after": commit,
        "commits": [{"id": commit, "message": "feat: drill", "added": ["src/A.java"], "modified": []}],
        "repository": {"id": 1, "name": "drill", "full_name": "acme/drill"},
        "installation": {"id": 1}, "sender": {"login": "drill"}}).encode()


def send(args):
    targets = [urllib.parse.urlsplit(t) for t in args.targets.split(",")]
    lock = threading.Lock()
    next_index = [0]
    out = open(args.out, "w")

    def worker(number):
        target = targets[number % len(targets)]
        connection = None
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= args.count:
                return
            delivery = f"{args.prefix}-{index}"
            commit = hashlib.sha1(delivery.encode()).hexdigest()
            body = push_body(commit)
            signature = "sha256=" + hmac.new(args.secret.encode(), body, hashlib.sha256).hexdigest()
            status = "000"
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=15)
                connection.request("POST", "/integrations/github/webhook", body, {
                    "Content-Type": "application/json", "X-GitHub-Event": "push",
                    "X-GitHub-Delivery": delivery, "X-Hub-Signature-256": signature})
                response = connection.getresponse()
                response.read()
                status = str(response.status)
                if response.status == 503:
                    time.sleep(0.2)
            except (OSError, http.client.HTTPException):
                connection = None
                time.sleep(0.2)
            with lock:
                out.write(f"{delivery} {commit} {status}\n")
            if args.pace:
                time.sleep(args.pace)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out.close()


def applied(stand_in):
    """Check runs created, by commit, from the recording GitHub stand-in (github_recorder.py)."""
    runs = json.load(urllib.request.urlopen(stand_in + "/__drill/check-runs", timeout=60))
    counts = {}
    for run in runs:
        counts[run.get("head_sha")] = counts.get(run.get("head_sha"), 0) + 1
    return counts


def verify(args):
    lines = [line.split() for line in open(args.out)]
    accepted = {commit for _, commit, status in lines if status.startswith("2")}
    counts = applied(args.stand_in)
    missing = [c for c in accepted if c not in counts]
    twice = [c for c, n in counts.items() if n > 1]
    unanswered = sum(1 for c in counts if c not in accepted)
    print(f"  sent {len(lines)}, accepted (2xx) {len(accepted)}, refused or unanswered {len(lines) - len(accepted)}")
    print(f"  applied: {len(counts)} commits; accepted but never applied: {len(missing)};"
          f" applied more than once: {len(twice)}; applied without a 2xx (answer lost): {unanswered}")
    return 0 if not missing and not twice else 1


def wait(args):
    """Waits until the stand-in has seen a check run for every accepted delivery, or the time is up."""
    accepted = {line.split()[1] for line in open(args.out) if line.split()[2].startswith("2")}
    deadline = time.time() + args.timeout
    while time.time() < deadline:
        if accepted <= set(applied(args.stand_in)):
            return 0
        time.sleep(2)
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["send", "wait", "verify"])
    parser.add_argument("--targets", default="http://127.0.0.1:8080")
    parser.add_argument("--stand-in", default="http://127.0.0.1:8081")
    parser.add_argument("--secret", default="drill-webhook-secret")
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--pace", type=float, default=0.0, help="seconds each thread waits between deliveries")
    parser.add_argument("--prefix", default="drill")
    parser.add_argument("--timeout", type=int, default=180)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if args.mode == "send":
        send(args)
        return 0
    return wait(args) if args.mode == "wait" else verify(args)


if __name__ == "__main__":
    sys.exit(main())
