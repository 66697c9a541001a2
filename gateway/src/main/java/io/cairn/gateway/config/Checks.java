package io.cairn.gateway.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks in Caffeine's style and immutable, order-keeping copies for records. */
final class Checks {
  private Checks() {}

  /**
   * Throws {@link IllegalArgumentException} with the formatted message when {@code expression} is
   * false. The message should say what was wrong and what was expected.
   */
  static void requireArgument(boolean expression, String template, Object... args) {
    if (!expression) {
      throw new IllegalArgumentException(String.format(template, args));
    }
  }

  /** An immutable copy of {@code list}; {@code null} becomes the empty list. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /**
   * An immutable copy of {@code map} that keeps its iteration order (configuration is rendered and
   * merged in file order); {@code null} becomes the empty map. Null keys or values are rejected.
   */
  static <K, V> Map<K, V> map(Map<K, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          requireArgument(k != null && v != null, "maps in a configuration hold no nulls, got %s=%s", k, v);
          copy.put(k, v);
        });
    return Collections.unmodifiableMap(copy);
  }
}
