package io.cairn.tsdb.wal;

/**
 * A samples record entry: series reference (unsigned 64-bit, held in a long), timestamp in
 * milliseconds since the epoch, float value (any bits, including NaN payloads such as staleness
 * markers, are kept).
 */
public record RefSample(long ref, long t, double v) {
  /** Compares values by their bits, so NaN payloads count. */
  @Override
  public boolean equals(Object o) {
    return o instanceof RefSample s && ref == s.ref && t == s.t
        && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(s.v);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(ref) * 31 * 31 + Long.hashCode(t) * 31 + Long.hashCode(Double.doubleToRawLongBits(v));
  }
}
