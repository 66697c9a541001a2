package io.cairn.kv.store;

import com.google.protobuf.ByteString;

/**
 * etcd's key range: {@code end == null} is the single key {@code key}; otherwise {@code [key, end)},
 * where an empty {@code end} means "no upper bound". Built from a request's {@code range_end} by
 * {@link #of}: an empty range_end is a single key and {@code "\0"} is no upper bound (etcd's {@code
 * mkGteRange}).
 */
record KeyRange(ByteString key, ByteString end) {
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  static KeyRange of(ByteString key, ByteString rangeEnd) {
    if (rangeEnd.isEmpty()) {
      return new KeyRange(key, null);
    }
    return new KeyRange(key, rangeEnd.equals(ZERO) ? ByteString.EMPTY : rangeEnd);
  }

  static KeyRange single(ByteString key) {
    return new KeyRange(key, null);
  }

  boolean isSingle() {
    return end == null;
  }

  boolean contains(ByteString k) {
    if (end == null) {
      return key.equals(k);
    }
    if (Keys.compare(k, key) < 0) {
      return false;
    }
    return end.isEmpty() || Keys.compare(k, end) < 0;
  }
}
