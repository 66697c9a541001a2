#!/usr/bin/env python3
"""Reference model of Prometheus 2.42's XOR chunk encoder, used to compute xor-chunks.golden.

A line-by-line transcription into Python of the appending half of Prometheus's
tsdb/chunkenc/bstream.go and xor.go (Apache License 2.0, The Prometheus Authors; after Damian
Gryski's go-tsz), kept independent of cairn's Java code so that the golden bytes are not just
cairn's encoder agreeing with itself. The build does not run it; run `python3
xor_reference_model.py` to print the chunk blocks of xor-chunks.golden (the file's comment header
is written by hand).
"""
import struct
import textwrap

M64 = (1 << 64) - 1

class BStream:
    def __init__(self):
        self.stream = bytearray(2); self.count = 0
    def write_bit(self, bit):
        if self.count == 0:
            self.stream.append(0); self.count = 8
        i = len(self.stream) - 1
        if bit: self.stream[i] |= 1 << (self.count - 1)
        self.count -= 1
    def write_byte(self, byt):
        if self.count == 0:
            self.stream.append(0); self.count = 8
        i = len(self.stream) - 1
        self.stream[i] |= byt >> (8 - self.count)
        self.stream.append(0); i += 1
        self.stream[i] = (byt << self.count) & 0xff
    def write_bits(self, u, nbits):
        u = (u << (64 - nbits)) & M64
        while nbits >= 8:
            self.write_byte(u >> 56); u = (u << 8) & M64; nbits -= 8
        while nbits > 0:
            self.write_bit((u >> 63) == 1); u = (u << 1) & M64; nbits -= 1

def put_uvarint(x):
    out = []
    while x >= 0x80:
        out.append((x & 0x7f) | 0x80); x >>= 7
    out.append(x); return out
def put_varint(x):
    ux = (x << 1) & M64
    if x < 0: ux ^= M64
    return put_uvarint(ux)

def s64(x):
    x &= M64
    return x - (1 << 64) if x >> 63 else x

def bit_range(x, n):
    return -((1 << (n - 1)) - 1) <= x <= (1 << (n - 1))

def clz(x):
    return 64 - x.bit_length()
def ctz(x):
    return (x & -x).bit_length() - 1

class Appender:
    def __init__(self, b, t=-(1 << 63), v=0, tdelta=0, leading=0xff, trailing=0):
        self.b = b; self.t = t; self.v = v; self.tdelta = tdelta; self.leading = leading; self.trailing = trailing
    def append(self, t, vbits):
        b = self.b
        num = (b.stream[0] << 8) | b.stream[1]
        tdelta = 0
        if num == 0:
            for x in put_varint(t): b.write_byte(x)
            b.write_bits(vbits, 64)
        elif num == 1:
            tdelta = (t - self.t) & M64
            for x in put_uvarint(tdelta): b.write_byte(x)
            self.write_vdelta(vbits)
        else:
            tdelta = (t - self.t) & M64
            dod = s64(tdelta - self.tdelta)
            if dod == 0: b.write_bit(False)
            elif bit_range(dod, 14): b.write_bits(0b10, 2); b.write_bits(dod & M64, 14)
            elif bit_range(dod, 17): b.write_bits(0b110, 3); b.write_bits(dod & M64, 17)
            elif bit_range(dod, 20): b.write_bits(0b1110, 4); b.write_bits(dod & M64, 20)
            else: b.write_bits(0b1111, 4); b.write_bits(dod & M64, 64)
            self.write_vdelta(vbits)
        self.t = t; self.v = vbits
        num += 1
        b.stream[0] = num >> 8; b.stream[1] = num & 0xff
        self.tdelta = tdelta
    def write_vdelta(self, vbits):
        b = self.b
        d = vbits ^ self.v
        if d == 0: b.write_bit(False); return
        b.write_bit(True)
        leading = min(clz(d), 31); trailing = ctz(d)
        if self.leading != 0xff and leading >= self.leading and trailing >= self.trailing:
            b.write_bit(False)
            b.write_bits(d >> self.trailing, 64 - self.leading - self.trailing)
        else:
            self.leading, self.trailing = leading, trailing
            b.write_bit(True)
            b.write_bits(leading, 5)
            sig = 64 - leading - trailing
            b.write_bits(sig & 0x3f, 6)   # Go writes sigbits (64 -> low 6 bits 0)
            b.write_bits(d >> trailing, sig)

def fbits(x):
    return struct.unpack('>Q', struct.pack('>d', x))[0]

def encode(samples, reopen_after=None):
    b = BStream(); a = Appender(b)
    for i, (t, v) in enumerate(samples):
        if reopen_after is not None and i == reopen_after:
            # Prometheus Appender(): state from the iterator; with num>0 leading/trailing come from it.
            a = Appender(b, a.t, a.v, a.tdelta if i > 1 else 0, a.leading if a.leading != 0xff else 0,
                         a.trailing if a.leading != 0xff else 0)
        a.append(t, v)
    return bytes(b.stream)


STALE_NAN = 0x7ff0000000000002
HAND_DERIVED = {'one-sample', 'two-samples', 'three-samples', 'four-samples'}


def golden_chunks():
    c = {}
    c['one-sample'] = ([(1000, fbits(1.0))], None)
    c['two-samples'] = (c['one-sample'][0] + [(16000, fbits(2.0))], None)
    c['three-samples'] = (c['two-samples'][0] + [(31000, fbits(2.0))], None)
    c['four-samples'] = (c['three-samples'][0] + [(46001, fbits(3.5))], None)
    t0 = 1676000000000
    specials = [0.0, -0.0, float('inf'), None, float('nan'), float('-inf'), 5e-324, 1.7976931348623157e308]
    c['special-values'] = ([(t0 + 15000 * i, STALE_NAN if v is None else fbits(v))
                            for i, v in enumerate(specials)], None)
    ts = [0, 10]
    d = 10
    # deltas of deltas at each bucket's edges: 1 bit, 14, 17, 20 and 64 bits
    for dod in [0, 1, -1, 8192, -8191, 8193, -8192, 65536, -65535, 65537, 524288, -524287,
                524289, -524288, -(1 << 40), 1 << 62]:
        d += dod
        ts.append(ts[-1] + d)
    c['dod-buckets'] = ([(t, fbits(float(i))) for i, t in enumerate(ts)], None)
    counter, cs = 100.0, []
    for i, inc in enumerate([0, 1, 1, 3, 0, 10, 0.5, 1e6, 0, 7]):
        counter += inc
        cs.append((t0 + 15000 * i + (i % 3), fbits(counter)))
    c['counter'] = (cs, None)
    c['reopened-after-one'] = ([(1000, fbits(1.0)), (16000, fbits(2.0)), (31000, fbits(2.5))], 1)
    c['negative-first-timestamp'] = ([(-5, fbits(-1.5)), (0, fbits(-1.5)), (5, fbits(42.0))], None)
    return c


def main():
    out = []
    for name, (samples, reopen_after) in golden_chunks().items():
        out.append('chunk ' + name)
        out.append('origin ' + ('hand-derived (docs/formats/tsdb-chunks.md), and the reference model'
                                if name in HAND_DERIVED
                                else "reference model of Prometheus 2.42's appender (see header)"))
        if reopen_after is not None:
            out.append('reopen-after %d' % reopen_after)
        for t, v in samples:
            out.append('sample %d %016x' % (t, v))
        for line in textwrap.wrap(encode(samples, reopen_after).hex(), 64):
            out.append('hex ' + line)
        out.append('end')
        out.append('')
    print('\n'.join(out), end='')


if __name__ == '__main__':
    main()
