package io.cairn.common.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The {@link ValueParser}s that configuration keys share. */
public final class Parsers {
  private Parsers() {}

  public static ValueParser<String> string() {
    return text -> text;
  }

  public static ValueParser<Path> path() {
    return text -> {
      if (text.isBlank()) {
        throw new IllegalArgumentException("expected a non-empty path");
      }
      try {
        return Path.of(text);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("expected a file system path");
      }
    };
  }

  public static ValueParser<HostPort> hostPort() {
    return HostPort::parse;
  }

  /** Whole numbers in {@code [min, max]}. */
  public static ValueParser<Long> longInRange(long min, long max) {
    return text -> {
      long v;
      try {
        v = Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
      }
      if (v < min || v > max) {
        throw new IllegalArgumentException("expected a whole number from " + min + " to " + max);
      }
      return v;
    };
  }

  public static ValueParser<Boolean> bool() {
    return text ->
        switch (text.strip().toLowerCase(Locale.ROOT)) {
          case "true" -> true;
          case "false" -> false;
          default -> throw new IllegalArgumentException("expected true or false");
        };
  }

  /** Case-insensitive enum constant names, written in lower case in files and flags. */
  public static <E extends Enum<E>> ValueParser<E> enumOf(Class<E> type) {
    return text -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().equalsIgnoreCase(text.strip())) {
          return e;
        }
      }
      throw new IllegalArgumentException("expected one of " + choices(type));
    };
  }

  static <E extends Enum<E>> String choices(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
