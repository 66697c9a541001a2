package io.cairn.monitor.web;

import io.cairn.common.text.PromDuration;
import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import io.cairn.tsdb.model.Matcher;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prometheus's v1 API parameter parsing ({@code web/api/v1}): times, durations, {@code match[]}. */
final class ApiParams {
  private ApiParams() {}

  /** A request parameter that is missing or malformed: 400 bad_data with this message. */
  static final class BadData extends Exception {
    BadData(String message) {
      super(message, null, false, false);
    }
  }

  static BadData invalid(String param, String reason) {
    return new BadData("invalid parameter \"" + param + "\": " + reason);
  }

  /** Unix seconds (with a fraction) or RFC 3339; {@code dflt} when absent or empty. */
  static long time(Map<String, List<String>> params, String name, long dflt) throws BadData {
    String v = Exchanges.first(params, name);
    if (v == null || v.isEmpty()) {
      return dflt;
    }
    try {
      double sec = Double.parseDouble(v);
      if (Double.isFinite(sec) && Math.abs(sec) <= 9.2e15) {
        return Math.round(sec * 1000);
      }
    } catch (NumberFormatException e) {
      try {
        return OffsetDateTime.parse(v).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        // fall through to the error
      }
    }
    throw invalid(name, "cannot parse \"" + v + "\" to a valid timestamp");
  }

  /** Float seconds or a Prometheus duration ({@code 5m}); null when absent or empty. */
  static Long durationMillis(Map<String, List<String>> params, String name) throws BadData {
    String v = Exchanges.first(params, name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      double sec = Double.parseDouble(v);
      if (Double.isNaN(sec) || Math.abs(sec * 1e9) > 9.223372036854775807e18) {
        throw invalid(name, "cannot parse \"" + v + "\" to a valid duration. It overflows int64");
      }
      return (long) (sec * 1000);
    } catch (NumberFormatException e) {
      try {
        return PromDuration.parse(v).millis();
      } catch (IllegalArgumentException e2) {
        throw invalid(name, "cannot parse \"" + v + "\" to a valid duration");
      }
    }
  }

  /**
   * Every {@code match[]} as matcher lists, each needing a matcher that does not match the empty
   * string (Prometheus's {@code parseMatchersParam}). Empty when there is no {@code match[]}.
   */
  static List<List<Matcher>> matchers(Map<String, List<String>> params) throws BadData {
    List<List<Matcher>> out = new ArrayList<>();
    for (String m : params.getOrDefault("match[]", List.of())) {
      try {
        out.add(Parser.parseMetricSelector(m));
      } catch (ParseException e) {
        throw invalid("match[]", e.getMessage());
      }
    }
    for (List<Matcher> set : out) {
      if (set.stream().allMatch(Matcher::matchesEmpty)) {
        throw invalid("match[]", "match[] must contain at least one non-empty matcher");
      }
    }
    return out;
  }
}
