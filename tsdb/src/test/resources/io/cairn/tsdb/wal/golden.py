#!/usr/bin/env python3
"""Writes the golden fixtures of WalGoldenTest from an independent implementation of the format
(Prometheus 2.42 tsdb/wlog + tsdb/record, as docs/formats/tsdb-wal.md describes it).

Run from this directory: python3 golden.py. The Java tests compare cairn's output with these files;
regenerate only when the format changes on purpose (it must not: Prometheus's format is frozen)."""
import hashlib
import struct

PAGE = 32 * 1024
HDR = 7


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def uvarint(v):
    v &= (1 << 64) - 1
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def varint(v):
    return uvarint((v << 1) ^ (v >> 63))


def be64(v):
    return struct.pack(">Q", v & ((1 << 64) - 1))


def series(entries):
    out = bytearray([1])
    for ref, labels in entries:
        out += be64(ref) + uvarint(len(labels))
        for name, value in sorted(labels.items()):
            for s in (name, value):
                b = s.encode("utf-8")
                out += uvarint(len(b)) + b
    return bytes(out)


def samples(entries):
    out = bytearray([2])
    if not entries:
        return bytes(out)
    ref0, t0, _ = entries[0]
    out += be64(ref0) + be64(t0)
    for ref, t, bits in entries:
        out += varint(ref - ref0) + varint(t - t0) + be64(bits)
    return bytes(out)


class Writer:
    """Prometheus's WL.log/flushPage/nextSegment/Close, writing segments into a dict."""

    def __init__(self, segment_size):
        self.pages_per_segment = segment_size // PAGE
        self.segments = {0: bytearray()}
        self.index = 0
        self.page = bytearray()  # bytes of the current page in use (alloc = len)
        self.flushed = 0
        self.done_pages = 0
        self.fragments = []  # (segment, offset, type, length, crc)

    def _flush(self, clear):
        clear = clear or PAGE - len(self.page) < HDR
        if clear:
            self.page += bytes(PAGE - len(self.page))
        self.segments[self.index] += self.page[self.flushed:]
        self.flushed = len(self.page)
        if clear:
            self.page = bytearray()
            self.flushed = 0
            self.done_pages += 1

    def _next_segment(self):
        if self.page:
            self._flush(True)
        self.index += 1
        self.segments[self.index] = bytearray()
        self.done_pages = 0

    def log(self, *recs):
        for n, rec in enumerate(recs):
            left = PAGE - len(self.page) - HDR + (PAGE - HDR) * (self.pages_per_segment - self.done_pages - 1)
            if len(rec) > left and not (self.done_pages == 0 and not self.page):
                self._next_segment()
            i = 0
            while i == 0 or rec:
                l = min(len(rec), PAGE - len(self.page) - HDR)
                part, rec = rec[:l], rec[l:]
                typ = (1 if not rec else 2) if i == 0 else (4 if not rec else 3)
                crc = crc32c(part)
                off = self.done_pages * PAGE + len(self.page)
                self.fragments.append((self.index, off, typ, l, crc))
                self.page += bytes([typ]) + struct.pack(">HI", l, crc) + part
                if PAGE - len(self.page) < HDR:
                    self._flush(True)
                i += 1
            if n == len(recs) - 1 and self.page:
                self._flush(False)

    def close(self):
        if self.page:
            self._flush(True)


def pattern(n, mul, add):
    return bytes((i * mul + add) & 0xFF for i in range(n))


def main():
    sr = series([(1, {"__name__": "up", "job": "node"}),
                 (2, {"__name__": "up", "instance": "localhost:9090", "job": "prometheus"})])
    sa = samples([(1, 1700000000000, struct.unpack(">Q", struct.pack(">d", 1.0))[0]),
                  (2, 1700000000000, struct.unpack(">Q", struct.pack(">d", 0.0))[0]),
                  (1, 1700000015000, 0x7FF0000000000002)])
    with open("records.hex", "w") as f:
        f.write("# Prometheus 2.42 record encodings; see WalGoldenTest and golden.py\n")
        f.write("series " + sr.hex() + "\n")
        f.write("samples " + sa.hex() + "\n")
        f.write("samples-empty " + samples([]).hex() + "\n")
        f.write("series-empty " + series([]).hex() + "\n")

    w = Writer(128 * 1024 * 1024)
    w.log(sr)
    w.log(sa, b"cairn")
    w.close()
    seg = bytes(w.segments[0])
    assert len(seg) == PAGE
    used = len(seg.rstrip(b"\0"))
    with open("segment-small.hex", "w") as f:
        f.write("# segment 00000000 after log(series), log(samples, \"cairn\"), close; 128 MiB segments\n")
        f.write("# then zero bytes up to the size below\n")
        body = seg[:used]
        for i in range(0, len(body), 32):
            f.write(body[i:i + 32].hex() + "\n")
        f.write("size %d\n" % len(seg))

    w = Writer(2 * PAGE)
    w.log(pattern(40000, 31, 7))
    w.log(pattern(30000, 17, 3))
    w.log(b"hello", pattern(2800, 13, 1))
    w.close()
    with open("segments-spanning.txt", "w") as f:
        f.write("# 64 KiB segments after log(A 40000 bytes), log(B 30000 bytes), log(\"hello\", D 2800 bytes), close\n")
        f.write("# byte i of A is (31i+7) mod 256, of B (17i+3) mod 256, of D (13i+1) mod 256\n")
        for idx, data in sorted(w.segments.items()):
            f.write("segment %08d size %d sha256 %s\n" % (idx, len(data), hashlib.sha256(data).hexdigest()))
        for seg_i, off, typ, l, crc in w.fragments:
            f.write("fragment %08d offset %d type %d length %d crc %08x\n" % (seg_i, off, typ, l, crc))


if __name__ == "__main__":
    main()
