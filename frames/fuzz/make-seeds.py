#!/usr/bin/env python3
"""Writes the seed corpus of FrameDecodingFuzzTest from the conformance fixtures.

Layout of one input (see FrameDecodingFuzzTest): byte 0 = cuts (bits 0-2) | limit index (bits 3-4),
then two big-endian bytes per cut, then the stream. Deterministic: the same fixtures give the same seeds.
Run from the repository root: python3 frames/fuzz/make-seeds.py
"""
import base64
import json
import os
import random
import struct

FIXTURES = "frames/src/test/resources/conformance/frames.ndjson"
OUT = "frames/src/test/resources/io/tapsrelay/frames/codec/FrameDecodingFuzzTestInputs/decodesOrRejects"


def seed(stream, cuts, limit_index=0):
    head = bytes([len(cuts) | (limit_index << 3)]) + b"".join(struct.pack(">H", c) for c in cuts)
    return head + stream


def main():
    rng = random.Random(20261123)
    lines = []
    with open(FIXTURES, encoding="utf-8") as f:
        for raw in f:
            if raw.strip():
                case = json.loads(raw)
                if "line_base64" in case:
                    lines.append(base64.b64decode(case["line_base64"]))
                else:
                    lines.append(case["line"].encode("utf-8"))
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))
    seeds = []
    for line in lines:
        seeds.append(seed(line + b"\n", []))
    # Several lines per stream, CRLF and LF, cut in random places, at each line limit.
    for i in range(24):
        picked = rng.sample(lines, rng.randint(2, 5))
        stream = b"".join(l + (b"\r\n" if rng.random() < 0.3 else b"\n") for l in picked)
        cuts = [rng.randrange(len(stream) + 1) for _ in range(rng.randint(1, 7))]
        seeds.append(seed(stream, cuts, i % 4))
    for i, s in enumerate(seeds):
        with open(os.path.join(OUT, "seed-%03d" % i), "wb") as f:
            f.write(s)
    print("wrote %d seeds to %s" % (len(seeds), OUT))


if __name__ == "__main__":
    main()
