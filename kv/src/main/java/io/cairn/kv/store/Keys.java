package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import java.util.Comparator;

/** Key order: unsigned lexicographic, as Go's {@code bytes.Compare} and RocksDB's bytewise order. */
final class Keys {
  static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

  private Keys() {}

  static int compare(ByteString a, ByteString b) {
    return ORDER.compare(a, b);
  }
}
