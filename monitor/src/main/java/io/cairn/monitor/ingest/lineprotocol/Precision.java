package io.cairn.monitor.ingest.lineprotocol;

import io.cairn.common.text.GoStrings;

/**
 * The unit of the timestamps in a write request (the {@code precision} query parameter). Each
 * endpoint accepts InfluxDB's spellings and answers an unknown one with InfluxDB's message:
 * {@link #v1} for {@code POST /write} (1.x), {@link #v2} for {@code POST /api/v2/write} (2.x).
 */
public enum Precision {
  NANOSECONDS(1L),
  MICROSECONDS(1_000L),
  MILLISECONDS(1_000_000L),
  SECONDS(1_000_000_000L),
  MINUTES(60_000_000_000L),
  HOURS(3_600_000_000_000L);

  private final long nanos;

  Precision(long nanos) {
    this.nanos = nanos;
  }

  /** Nanoseconds per unit. */
  long nanos() {
    return nanos;
  }

  /**
   * InfluxDB 1.x: absent or empty is nanoseconds; accepted are {@code n}, {@code ns}, {@code u},
   * {@code ms}, {@code s}, {@code m}, {@code h} (1.x does not accept {@code us}).
   *
   * @param param the query parameter, or null when absent
   * @throws InvalidPrecisionException with 1.x's message {@code invalid precision "x" (use n, u, ms,
   *     s, m or h)}, to be answered with HTTP 400 {@code {"error":"..."}}
   */
  public static Precision v1(String param) throws InvalidPrecisionException {
    return switch (param == null ? "" : param) {
      case "", "n", "ns" -> NANOSECONDS;
      case "u" -> MICROSECONDS;
      case "ms" -> MILLISECONDS;
      case "s" -> SECONDS;
      case "m" -> MINUTES;
      case "h" -> HOURS;
      default ->
          throw new InvalidPrecisionException(
              "invalid precision " + GoStrings.quote(param) + " (use n, u, ms, s, m or h)");
    };
  }

  /**
   * InfluxDB 2.x: absent or empty is nanoseconds; accepted are {@code ns}, {@code us}, {@code ms}
   * and {@code s}.
   *
   * @param param the query parameter, or null when absent
   * @throws InvalidPrecisionException with 2.x's message {@code invalid precision; valid precision
   *     units are ns, us, ms, and s}, to be answered with HTTP 400 {@code {"code":"invalid",...}}
   */
  public static Precision v2(String param) throws InvalidPrecisionException {
    return switch (param == null ? "" : param) {
      case "", "ns" -> NANOSECONDS;
      case "us" -> MICROSECONDS;
      case "ms" -> MILLISECONDS;
      case "s" -> SECONDS;
      default ->
          throw new InvalidPrecisionException(
              "invalid precision; valid precision units are ns, us, ms, and s");
    };
  }

  /** Thrown for a {@code precision} parameter the endpoint does not accept. */
  public static final class InvalidPrecisionException extends Exception {
    InvalidPrecisionException(String message) {
      super(message);
    }
  }
}
