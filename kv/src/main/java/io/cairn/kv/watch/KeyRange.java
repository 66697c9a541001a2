package io.cairn.kv.watch;

import com.google.protobuf.ByteString;
import java.util.Comparator;

/**
 * The keys a watcher covers, from a watch request's {@code key} and {@code range_end} as etcd reads
 * them: no range end is just the key; a range end of {@code "\0"} is every key from {@code key} on; an
 * empty key means {@code "\0"}, the smallest key.
 */
public record KeyRange(ByteString key, ByteString rangeEnd) {
  private static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  public static KeyRange of(ByteString key, ByteString rangeEnd) {
    return new KeyRange(key.isEmpty() ? ZERO : key, rangeEnd);
  }

  boolean single() {
    return rangeEnd.isEmpty();
  }

  boolean unbounded() {
    return rangeEnd.equals(ZERO);
  }

  /** etcd refuses a range whose end is not after its start ("mvcc: watcher range is empty"). */
  public boolean isEmptyRange() {
    return !single() && !unbounded() && ORDER.compare(key, rangeEnd) >= 0;
  }

  public boolean contains(ByteString k) {
    if (single()) {
      return key.equals(k);
    }
    return ORDER.compare(k, key) >= 0 && (unbounded() || ORDER.compare(k, rangeEnd) < 0);
  }
}
