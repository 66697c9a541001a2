package io.cairn.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scalar conversions with Go's rules: booleans as {@code strconv.ParseBool} ({@code 1 t T TRUE
 * true True 0 f F FALSE false False}), integers in decimal, durations as {@link GoDuration}. Each
 * failure is recorded once under the option's key with the expected type named, and yields empty.
 */
final class Scalars {
  private Scalars() {}

  static Optional<String> text(Problems problems, String key, JsonNode n, String expected) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isValueNode()) {
      problems.add(key, "expected " + expected + ", got " + Fields.describe(n));
      return Optional.empty();
    }
    return Optional.of(n.asText());
  }

  static Optional<Boolean> bool(Problems problems, String key, JsonNode n) {
    Optional<String> t = text(problems, key, n, "a boolean (true or false)");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    return switch (t.get()) {
      case "1", "t", "T", "TRUE", "true", "True" -> Optional.of(true);
      case "0", "f", "F", "FALSE", "false", "False" -> Optional.of(false);
      default -> {
        problems.add(key, "expected a boolean (true or false), got \"" + t.get() + "\"");
        yield Optional.empty();
      }
    };
  }

  static Optional<Long> integer(Problems problems, String key, JsonNode n, long min, long max) {
    Optional<String> t = text(problems, key, n, "an integer");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      long v = Long.parseLong(t.get().strip());
      if (v < min || v > max) {
        problems.add(key, "expected an integer between " + min + " and " + max + ", got " + v);
        return Optional.empty();
      }
      return Optional.of(v);
    } catch (NumberFormatException e) {
      problems.add(key, "expected an integer, got \"" + t.get() + "\"");
      return Optional.empty();
    }
  }

  static Optional<Duration> duration(Problems problems, String key, JsonNode n) {
    Optional<String> t = text(problems, key, n, "a duration");
    if (t.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> d = GoDuration.parse(t.get());
    if (d.isEmpty()) {
      problems.add(
          key, "expected a duration such as \"10s\", \"1m30s\" or a number of seconds, got \"" + t.get() + "\"");
    }
    return d;
  }

  /** A list of scalars, or one comma-separated string (paerser splits slices on commas). */
  static List<String> strings(Problems problems, String key, JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        text(problems, key + "[" + i + "]", n.get(i), "a string").ifPresent(out::add);
      }
      return out;
    }
    Optional<String> t = text(problems, key, n, "a list of strings");
    if (t.isPresent() && !t.get().isEmpty()) {
      out.addAll(List.of(t.get().split(",", -1)));
    }
    return out;
  }
}
