#!/usr/bin/env python3
"""Load for scripts/soak.sh: posts events to one relay's /send until a stop file appears.

Each event is one client EVENT frame (PROTOCOL.md section 4) posted with the relay's client token;
for every ACK it prints "<origin> <group> <origin_seq> <event_id>" on stdout. Refusals and
unreachable relays (it is killed and restarted under it) are counted on stderr, not fatal.
Usage: soak-client.py URL TOKEN_FILE ORIGIN STOP_FILE RATE GROUP...
"""
import base64
import http.client
import json
import os
import random
import sys
import time
import urllib.parse

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
MEDIA = 'application/x-ndjson; profile="_taps.v1.frames"'


def ulid(rng):
    value = (int(time.time() * 1000) << 80) | rng.getrandbits(80)
    return "".join(CROCKFORD[(value >> (5 * (25 - i))) & 31] for i in range(26))


def frame(rng, group, n):
    content = base64.b64encode(("soak %d %s" % (n, rng.getrandbits(64))).encode()).decode()
    now = time.time()
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % (int(now * 1000) % 1000)
    line = {"type": "EVENT", "id": ulid(rng), "origin": "cli", "sequence": 1, "group_id": group,
            "timestamp": stamp, "payload": {"content": content}}
    return (json.dumps(line, separators=(",", ":")) + "\n").encode()


def main():
    url, token_file, origin, stop, rate = sys.argv[1:6]
    groups = sys.argv[6:]
    rate = float(rate)
    target = urllib.parse.urlsplit(url)
    rng = random.Random(hash((origin, os.getpid())))
    sent = refused = unreachable = 0
    n = 0
    next_at = time.monotonic()
    while not os.path.exists(stop):
        n += 1
        group = groups[n % len(groups)]
        next_at += 1.0 / rate
        delay = next_at - time.monotonic()
        if delay > 0:
            time.sleep(delay)  # paces the load; not synchronisation
        else:
            next_at = time.monotonic()
        try:
            with open(token_file) as f:
                token = f.read().strip()
            conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
            conn.request("POST", "/_taps/federation/encrypted-groups/%s/send" % group, body=frame(rng, group, n),
                         headers={"Content-Type": MEDIA, "Accept": MEDIA, "Authorization": "Bearer " + token})
            response = conn.getresponse()
            body = response.read()
            conn.close()
        except (OSError, http.client.HTTPException):
            unreachable += 1
            continue
        ack = None
        for raw in body.splitlines():
            try:
                f = json.loads(raw)
            except ValueError:
                continue
            if response.status == 200 and f.get("type") == "ACK":
                ack = f["payload"]
        if ack and ack.get("event_ids") and ack.get("origin_seqs"):
            print("%s %s %d %s" % (origin, group, ack["origin_seqs"][0], ack["event_ids"][0]), flush=True)
            sent += 1
        else:
            refused += 1
            if refused <= 5:
                print("refused: HTTP %d %s" % (response.status, body[:300]), file=sys.stderr, flush=True)
    print("acked=%d refused=%d unreachable=%d" % (sent, refused, unreachable), file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
