package io.cairn.gateway.files;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Caddy's {@code ETag} and Go's HTTP dates. The ETag is Caddy 2.6's: {@code "<mtime in seconds,
 * base 36><size, base 36>"}, strong. Dates are written as Go's {@code http.TimeFormat} and read in
 * its three {@code http.ParseTime} layouts (RFC 1123 with GMT, RFC 850, ANSI C).
 */
final class Validators {
  private Validators() {}

  private static final DateTimeFormatter IMF =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final List<DateTimeFormatter> LAYOUTS = List.of(
      IMF,
      new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1969) // Go: 69..99 are 19xx, 00..68 are 20xx
          .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
      DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC));

  /** Caddy 2.6's {@code calculateEtag}. */
  static String etag(long modifiedMillis, long size) {
    return "\"" + Long.toString(Math.floorDiv(modifiedMillis, 1000), 36) + Long.toString(size, 36) + "\"";
  }

  /** {@code Mon, 02 Jan 2006 15:04:05 GMT} for {@code epochSeconds}. */
  static String httpDate(long epochSeconds) {
    return IMF.format(Instant.ofEpochSecond(epochSeconds));
  }

  /** Seconds since the epoch of an HTTP date, or empty when it is none of Go's layouts. */
  static Optional<Long> parseHttpDate(String text) {
    String t = text.replaceAll("^(\\w{3} \\w{3}) +(\\d)", "$1 $2");
    for (DateTimeFormatter f : LAYOUTS) {
      try {
        return Optional.of(ZonedDateTime.parse(t, f).toEpochSecond());
      } catch (DateTimeParseException e) {
        // try the next layout
      }
    }
    return Optional.empty();
  }

  /**
   * Go's {@code scanETag}: the entity tag at the start of {@code s} (after spaces), {@code W/}
   * prefix kept, and the rest; empty when there is none.
   */
  static Optional<String[]> scanEtag(String s) {
    s = s.stripLeading();
    int start = 0;
    if (s.startsWith("W/")) {
      start = 2;
    }
    if (s.length() - start < 2 || s.charAt(start) != '"') {
      return Optional.empty();
    }
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return Optional.of(new String[] {s.substring(0, i + 1), s.substring(i + 1)});
      }
      if (!(c == 0x21 || c >= 0x23 && c <= 0x7E || c >= 0x80)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Strong comparison: both strong and equal. */
  static boolean strongMatch(String a, String b) {
    return a.equals(b) && !a.isEmpty() && a.charAt(0) == '"';
  }

  /** Weak comparison: equal once {@code W/} is removed. */
  static boolean weakMatch(String a, String b) {
    return a.replaceFirst("^W/", "").equals(b.replaceFirst("^W/", ""));
  }
}
