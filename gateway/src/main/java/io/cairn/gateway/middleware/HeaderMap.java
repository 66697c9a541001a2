package io.cairn.gateway.middleware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * HTTP header fields: a case-insensitive, insertion-ordered multimap, as Go's {@code http.Header}
 * with Traefik's use of {@code Get}/{@code Set}/{@code Add}/{@code Del}. A name keeps the spelling
 * it was first added with. Not thread-safe: one request's pipeline uses it at a time. Names and
 * values must not be null.
 */
public final class HeaderMap {
  private record Field(String name, List<String> values) {}

  private final Map<String, Field> fields = new LinkedHashMap<>();

  public HeaderMap() {}

  /** A copy of {@code other}. */
  public HeaderMap(HeaderMap other) {
    other.fields.forEach((k, f) -> fields.put(k, new Field(f.name(), new ArrayList<>(f.values()))));
  }

  private static String key(String name) {
    Objects.requireNonNull(name, "header name");
    return name.toLowerCase(Locale.ROOT);
  }

  /** The first value of {@code name}, or {@code ""} when absent (Go's {@code Header.Get}). */
  public String get(String name) {
    Field f = fields.get(key(name));
    return f == null || f.values().isEmpty() ? "" : f.values().getFirst();
  }

  /** Every value of {@code name} in order; empty when absent; a copy. */
  public List<String> getAll(String name) {
    Field f = fields.get(key(name));
    return f == null ? List.of() : List.copyOf(f.values());
  }

  public boolean contains(String name) {
    return fields.containsKey(key(name));
  }

  /** Appends {@code value} to {@code name}'s values. */
  public HeaderMap add(String name, String value) {
    Objects.requireNonNull(value, "header value");
    fields.computeIfAbsent(key(name), k -> new Field(name, new ArrayList<>())).values().add(value);
    return this;
  }

  /** Replaces every value of {@code name} with {@code value}. */
  public HeaderMap set(String name, String value) {
    Objects.requireNonNull(value, "header value");
    List<String> values = new ArrayList<>();
    values.add(value);
    Field old = fields.get(key(name));
    fields.put(key(name), new Field(old == null ? name : old.name(), values));
    return this;
  }

  /** Removes {@code name} and all its values. */
  public HeaderMap remove(String name) {
    fields.remove(key(name));
    return this;
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** Calls {@code action} once per value, in order, with the name as first added. */
  public void forEach(BiConsumer<String, String> action) {
    for (Field f : fields.values()) {
      for (String v : f.values()) {
        action.accept(f.name(), v);
      }
    }
  }

  /** The header names, as first added, in order. */
  public List<String> names() {
    return fields.values().stream().map(Field::name).toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    forEach((n, v) -> sb.append(sb.length() > 1 ? ", " : "").append(n).append(": ").append(v));
    return sb.append('}').toString();
  }
}
