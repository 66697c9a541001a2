package io.cairn.gateway.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code parseRange} ({@code net/http/fs.go}) for a representation of {@code size} bytes:
 * {@code bytes=} then comma-separated {@code first-last}, {@code first-} or {@code -suffix}; empty
 * items are skipped; ranges starting at or beyond the end are dropped, and when all are, the range
 * is unsatisfiable (416).
 */
final class ByteRanges {
  private ByteRanges() {}

  /** One satisfiable range. */
  record Range(long start, long length) {
    /** {@code bytes first-last/size}. */
    String contentRange(long size) {
      return "bytes " + start + "-" + (start + length - 1) + "/" + size;
    }
  }

  /** Why a {@code Range} header cannot be served; Go's error text is the 416 body. */
  static final class RangeException extends Exception {
    final boolean noOverlap;

    RangeException(String message, boolean noOverlap) {
      super(message, null, false, false);
      this.noOverlap = noOverlap;
    }
  }

  static List<Range> parse(String header, long size) throws RangeException {
    String prefix = "bytes=";
    if (!header.startsWith(prefix)) {
      throw invalid();
    }
    List<Range> ranges = new ArrayList<>();
    boolean noOverlap = false;
    for (String item : header.substring(prefix.length()).split(",", -1)) {
      String ra = item.strip();
      if (ra.isEmpty()) {
        continue;
      }
      int dash = ra.indexOf('-');
      if (dash < 0) {
        throw invalid();
      }
      String start = ra.substring(0, dash).strip();
      String end = ra.substring(dash + 1).strip();
      if (start.isEmpty()) {
        if (end.isEmpty() || end.charAt(0) == '-') {
          throw invalid();
        }
        long n = number(end);
        if (n > size) {
          n = size;
        }
        ranges.add(new Range(size - n, n));
      } else {
        long first = number(start);
        if (first >= size) {
          noOverlap = true;
          continue;
        }
        long length;
        if (end.isEmpty()) {
          length = size - first;
        } else {
          long last = number(end);
          if (first > last) {
            throw invalid();
          }
          if (last >= size) {
            last = size - 1;
          }
          length = last - first + 1;
        }
        ranges.add(new Range(first, length));
      }
    }
    if (noOverlap && ranges.isEmpty()) {
      throw new RangeException("invalid range: failed to overlap", true);
    }
    return ranges;
  }

  /** Go's {@code sumRangesSize}. */
  static long total(List<Range> ranges) {
    long n = 0;
    for (Range r : ranges) {
      n += r.length();
    }
    return n;
  }

  /** Go's {@code strconv.ParseInt(s, 10, 64)} for a non-negative value: digits, optional sign. */
  private static long number(String s) throws RangeException {
    try {
      long n = Long.parseLong(s);
      if (n < 0) {
        throw invalid();
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static RangeException invalid() {
    return new RangeException("invalid range", false);
  }
}
