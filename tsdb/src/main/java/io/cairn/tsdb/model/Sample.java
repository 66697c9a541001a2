package io.cairn.tsdb.model;

/**
 * One float sample: a timestamp in milliseconds since the Unix epoch and a value, as Prometheus's
 * {@code (int64, float64)} pairs.
 *
 * <p>Equality is the record's: {@link Double#compare} on the value, so every NaN equals every other
 * NaN and {@code -0.0} differs from {@code 0.0}. Prometheus's staleness marker is one particular NaN
 * bit pattern ({@link #STALE_NAN_BITS}); to tell it from an ordinary NaN compare {@link #valueBits}.
 */
public record Sample(long t, double v) {
  /** The bits of Prometheus's {@code value.StaleNaN}, the marker of a series that went stale. */
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;

  /** The value's raw IEEE 754 bits, NaN payload included. */
  public long valueBits() {
    return Double.doubleToRawLongBits(v);
  }

  /** Whether the value is Prometheus's staleness marker (exactly its bits, not any NaN). */
  public boolean isStale() {
    return valueBits() == STALE_NAN_BITS;
  }
}
