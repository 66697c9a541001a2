package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A key interval {@code [start, end)} for permission checks; {@code end} null means unbounded (etcd's
 * {@code "\0"} range end). A single key {@code k} is {@code [k, k+"\0")}.
 */
record Interval(ByteString start, ByteString end) {
  private static final Comparator<ByteString> ORDER = ByteString.unsignedLexicographicalComparator();

  static Interval of(ByteString key, ByteString rangeEnd) {
    if (rangeEnd.isEmpty()) {
      return new Interval(key, key.concat(ByteString.copyFrom(new byte[] {0})));
    }
    if (rangeEnd.size() == 1 && rangeEnd.byteAt(0) == 0) {
      return new Interval(key, null);
    }
    return new Interval(key, rangeEnd);
  }

  private static int compareEnds(ByteString a, ByteString b) {
    if (a == null) {
      return b == null ? 0 : 1;
    }
    return b == null ? -1 : ORDER.compare(a, b);
  }

  /** Whether the union of {@code granted} covers {@code wanted}. */
  static boolean covered(Interval wanted, List<Interval> granted) {
    if (wanted.end != null && ORDER.compare(wanted.start, wanted.end) >= 0) {
      return false; // an empty or inverted range names no key; etcd refuses it too
    }
    List<Interval> sorted = new ArrayList<>(granted);
    sorted.sort((a, b) -> ORDER.compare(a.start, b.start));
    ByteString reached = wanted.start;
    for (Interval g : sorted) {
      if (ORDER.compare(g.start, reached) > 0) {
        break; // a gap before this interval
      }
      if (g.end == null) {
        return true;
      }
      if (ORDER.compare(g.end, reached) > 0) {
        reached = g.end;
        if (compareEnds(wanted.end, reached) <= 0) {
          return true;
        }
      }
    }
    return false;
  }
}
