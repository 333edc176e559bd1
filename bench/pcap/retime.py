#!/usr/bin/env python3
"""Write COPIES back-to-back copies of a classic pcap with monotone, rewritten timestamps.

Usage: retime.py IN.pcap OUT.pcap COPIES

Packets keep their order and content. Timestamps restart at 2020-01-01 and advance by each
packet's original gap, except that a negative gap (the merged captures are not always in order)
becomes 1 ms and a gap over 3,600 s (the space between two unrelated captures) is capped at
3,600 s, so flows of one capture still end before the next starts. Each copy starts 3,600 s after
the previous one ends, so time never goes backwards and the flows of copy k are new flows rather
than late packets of copy k-1.
"""
import struct
import sys

GAP_CAP_US = 3600 * 1_000_000
BASE_US = 1577836800 * 1_000_000  # 2020-01-01T00:00:00Z


def main():
    src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(src, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        endian, nano = "<", False
    elif magic == b"\xa1\xb2\xc3\xd4":
        endian, nano = ">", False
    elif magic == b"\x4d\x3c\xb2\xa1":
        endian, nano = "<", True
    elif magic == b"\xa1\xb2\x3c\x4d":
        endian, nano = ">", True
    else:
        sys.exit("retime.py: %s is not a classic pcap file" % src)
    rec = struct.Struct(endian + "IIII")
    header = data[:24]
    packets = []  # (original time in us, record bytes without the 16-byte header, incl_len, orig_len)
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, orig = rec.unpack_from(data, off)
        body = data[off + 16: off + 16 + incl]
        if len(body) < incl:
            break
        packets.append((sec * 1_000_000 + (frac // 1000 if nano else frac), body, incl, orig))
        off += 16 + incl
    # Relative offsets of one copy.
    rel, t, prev = [], 0, None
    for ts, _, _, _ in packets:
        if prev is not None:
            gap = ts - prev
            t += 1000 if gap < 0 else min(gap, GAP_CAP_US)
        rel.append(t)
        prev = ts
    span = (rel[-1] if rel else 0) + GAP_CAP_US
    with open(dst, "wb") as out:
        out.write(header)
        for k in range(copies):
            base = BASE_US + k * span
            for r, (_, body, incl, orig) in zip(rel, packets):
                us = base + r
                sec, usec = divmod(us, 1_000_000)
                out.write(rec.pack(sec, usec * 1000 if nano else usec, incl, orig))
                out.write(body)
    print("retime.py: %d packets x %d copies, one copy spans %.1f days"
          % (len(packets), copies, span / 86400e6), file=sys.stderr)


if __name__ == "__main__":
    main()
