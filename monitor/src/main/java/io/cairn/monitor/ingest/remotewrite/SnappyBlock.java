package io.cairn.monitor.ingest.remotewrite;

import io.cairn.monitor.ingest.remotewrite.RemoteWriteException.Reason;
import java.io.IOException;
import org.xerial.snappy.Snappy;

/**
 * Snappy block format (not the framing format), as Go's {@code snappy.Encode}/{@code Decode} that
 * Prometheus uses: a varint of the uncompressed length, then literals and copies. The length is
 * read and checked against the limit here, before the output is allocated; snappy-java then
 * decompresses into exactly that many bytes.
 */
final class SnappyBlock {
  private SnappyBlock() {}

  /** The decompressed block {@code in[off, off + len)}, at most {@code limit} bytes. */
  static byte[] decompress(byte[] in, int off, int len, int limit) throws RemoteWriteException {
    long n = 0;
    int i = off;
    int end = off + len;
    for (int shift = 0; ; shift += 7) {
      if (i >= end) {
        throw corrupt();
      }
      int b = in[i++] & 0xff;
      if (shift == 28 && b > 0x0f) {
        throw corrupt(); // a fifth byte may hold only the top 4 bits of a 32-bit length
      }
      n |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
    }
    if (n > limit) {
      throw new RemoteWriteException(
          Reason.TOO_LARGE,
          "snappy: decoded length " + n + " exceeds the limit of " + limit + " bytes");
    }
    if (n == 0) {
      if (i != end) {
        throw corrupt();
      }
      return new byte[0];
    }
    byte[] out = new byte[(int) n];
    int written;
    try {
      written = Snappy.uncompress(in, off, len, out, 0);
    } catch (IOException e) {
      throw corrupt();
    }
    if (written != n) {
      throw corrupt();
    }
    return out;
  }

  /** {@code in} as one snappy block. */
  static byte[] compress(byte[] in) {
    try {
      return Snappy.compress(in);
    } catch (IOException e) {
      throw new IllegalStateException("snappy compression failed", e);
    }
  }

  private static RemoteWriteException corrupt() {
    // Go's snappy.ErrCorrupt, which Prometheus answers with
    return new RemoteWriteException(Reason.BAD_COMPRESSION, "snappy: corrupt input");
  }
}
