package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import java.util.Comparator;

/** Key order: unsigned lexicographic, as Go's {@code bytes.Compare} and RocksDB's bytewise order. */
final class Keys {
  /**
   * The same order as {@code ByteString.unsignedLexicographicalComparator()}, which walks two
   * iterators per comparison; this loop over {@code byteAt} is several times faster on the key
   * index's hot path (every put looks its key up).
   */
  static final Comparator<ByteString> ORDER = Keys::compare;

  private Keys() {}

  static int compare(ByteString a, ByteString b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Byte.toUnsignedInt(a.byteAt(i)) - Byte.toUnsignedInt(b.byteAt(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
