package io.cairn.common.config;

import java.util.Map;

/**
 * Parsed, checked configuration: one value for each key of the schema it was loaded with. Immutable and
 * safe to share between threads.
 */
public final class Config {
  private final Map<ConfigKey<?>, Object> values;

  Config(Map<ConfigKey<?>, Object> values) {
    this.values = Map.copyOf(values);
  }

  /** Every key at its default. */
  public static Config defaults(Iterable<ConfigKey<?>> schema) {
    var map = new java.util.HashMap<ConfigKey<?>, Object>();
    schema.forEach(k -> map.put(k, k.defaultValue()));
    return new Config(map);
  }

  /**
   * The key's value.
   *
   * @throws IllegalArgumentException if the key was not part of the schema this config was loaded with
   */
  public <T> T get(ConfigKey<T> key) {
    Object v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException(
          "config key '" + key.path() + "' is not in this configuration's schema");
    }
    @SuppressWarnings("unchecked")
    T t = (T) v;
    return t;
  }

  /** A copy with one value replaced (tests and programmatic embedding). */
  public <T> Config with(ConfigKey<T> key, T value) {
    var map = new java.util.HashMap<>(values);
    map.put(key, value);
    return new Config(map);
  }
}
