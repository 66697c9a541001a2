package io.cairn.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one mapping of a configuration tree the way Traefik's paerser does, recording every
 * problem instead of stopping at the first.
 *
 * <p>Option names match case-insensitively ({@code entrypoints} finds {@code entryPoints}), as
 * paerser's {@code strings.EqualFold}. Scalars are read from their text, so {@code "8080"} and
 * {@code 8080} are the same integer and {@code "true"} a boolean (paerser turns every scalar into a
 * string before filling the typed structure, and flags are strings anyway). A list of strings may
 * also be one comma-separated string ({@code --x.middlewares=a,b}). Every getter records the
 * option's canonical name; {@link #finish()} then reports any key that no getter asked for, the way
 * paerser fails with "field not found".
 *
 * <p>Problem keys use the canonical spelling for options and the user's spelling for names (router
 * names, header names). Not thread-safe; one instance per mapping per decoding pass.
 */
final class Fields {
  private final Problems problems;
  private final String path;
  private final Map<String, Map.Entry<String, JsonNode>> byLower = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();
  private final Set<String> used = new LinkedHashSet<>();

  private Fields(Problems problems, String path, JsonNode node) {
    this.problems = problems;
    this.path = path;
    if (node != null) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String lower = e.getKey().toLowerCase(Locale.ROOT);
        if (byLower.putIfAbsent(lower, Map.entry(e.getKey(), e.getValue())) != null) {
          problems.add(
              join(path, e.getKey()),
              "duplicate option: \"" + byLower.get(lower).getKey() + "\" and \"" + e.getKey()
                  + "\" are the same option (names are case-insensitive)");
        }
      }
    }
  }

  /** Fields of {@code node} at {@code path}, or empty (after recording a problem) if not a mapping. */
  static Optional<Fields> of(Problems problems, String path, JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return Optional.of(new Fields(problems, path, null));
    }
    if (!node.isObject()) {
      problems.add(path, "expected a mapping of options, got " + describe(node));
      return Optional.empty();
    }
    return Optional.of(new Fields(problems, path, node));
  }

  Problems problems() {
    return problems;
  }

  String path() {
    return path;
  }

  String key(String name) {
    return join(path, name);
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The raw node of option {@code name}, or null when absent; marks it known and used. */
  JsonNode raw(String name) {
    known.add(name);
    Map.Entry<String, JsonNode> e = byLower.get(name.toLowerCase(Locale.ROOT));
    if (e == null) {
      return null;
    }
    used.add(e.getKey());
    return e.getValue();
  }

  boolean has(String name) {
    return byLower.containsKey(name.toLowerCase(Locale.ROOT));
  }

  String string(String name, String dflt) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return dflt;
    }
    return Scalars.text(problems, key(name), n, "a string").orElse(dflt);
  }

  boolean bool(String name, boolean dflt) {
    return Scalars.bool(problems, key(name), raw(name)).orElse(dflt);
  }

  /** A boolean that is {@code null} when absent (Traefik's {@code *bool} without a default). */
  Boolean optionalBool(String name) {
    return Scalars.bool(problems, key(name), raw(name)).orElse(null);
  }

  int integer(String name, int dflt) {
    return Scalars.integer(problems, key(name), raw(name), Integer.MIN_VALUE, Integer.MAX_VALUE)
        .map(Long::intValue)
        .orElse(dflt);
  }

  long longValue(String name, long dflt) {
    return Scalars.integer(problems, key(name), raw(name), Long.MIN_VALUE, Long.MAX_VALUE).orElse(dflt);
  }

  Duration duration(String name, Duration dflt) {
    return Scalars.duration(problems, key(name), raw(name)).orElse(dflt);
  }

  List<String> strings(String name) {
    return Scalars.strings(problems, key(name), raw(name));
  }

  List<Double> numbers(String name, List<Double> dflt) {
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return dflt;
    }
    List<Double> out = new ArrayList<>();
    List<String> texts = Scalars.strings(problems, key(name), n);
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(Double.parseDouble(texts.get(i).strip()));
      } catch (NumberFormatException e) {
        problems.add(key(name) + "[" + i + "]", "expected a number, got \"" + texts.get(i) + "\"");
      }
    }
    return out;
  }

  /** A mapping of names (header names, for instance; kept as written) to strings. */
  Map<String, String> stringMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode n = raw(name);
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      problems.add(key(name), "expected a mapping of names to strings, got " + describe(n));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String k = key(name) + "." + e.getKey();
      if (e.getValue().isNull()) {
        out.put(e.getKey(), ""); // "X-Header: " in YAML: an empty value (removes the header)
      } else {
        Scalars.text(problems, k, e.getValue(), "a string").ifPresent(v -> out.put(e.getKey(), v));
      }
    }
    return out;
  }

  /**
   * Option {@code name} as a sub-mapping; empty when absent. With {@code allowEmpty} (paerser's
   * {@code allowEmpty} tag) the option may also be given bare: a null value or {@code true} enables
   * it with its defaults ({@code --accessLog}, {@code tls: {}}), {@code false} leaves it absent.
   */
  Optional<Fields> object(String name, boolean allowEmpty) {
    JsonNode n = raw(name);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isObject()) {
      return of(problems, key(name), n);
    }
    if (allowEmpty && (n.isNull() || n.isValueNode())) {
      if (n.isNull()) {
        return of(problems, key(name), null);
      }
      return Scalars.bool(problems, key(name), n).flatMap(b -> b ? of(problems, key(name), null) : Optional.empty());
    }
    if (n.isNull()) {
      problems.add(key(name), "cannot be empty: expected a mapping of options");
      return Optional.empty();
    }
    problems.add(key(name), "expected a mapping of options, got " + describe(n));
    return Optional.empty();
  }

  /** A mapping of user-chosen names to elements, decoded in file order. */
  <T> Map<String, T> map(String name, BiFunction<Fields, String, T> element) {
    JsonNode n = raw(name);
    Map<String, T> out = new LinkedHashMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      problems.add(key(name), "expected a mapping of names to options, got " + describe(n));
      return out;
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      String k = key(name) + "." + e.getKey();
      of(problems, k, e.getValue())
          .ifPresent(
              f -> {
                T value = element.apply(f, e.getKey());
                f.finish();
                if (value != null) {
                  out.put(e.getKey(), value);
                }
              });
    }
    return out;
  }

  /** A list of mappings, each decoded by {@code element}; problems keyed {@code name[i]}. */
  <T> List<T> list(String name, java.util.function.Function<Fields, T> element) {
    JsonNode n = raw(name);
    List<T> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      problems.add(key(name), "expected a list, got " + describe(n));
      return out;
    }
    for (int i = 0; i < n.size(); i++) {
      of(problems, key(name) + "[" + i + "]", n.get(i))
          .ifPresent(
              f -> {
                T value = element.apply(f);
                f.finish();
                if (value != null) {
                  out.add(value);
                }
              });
    }
    return out;
  }

  /** Reports every key that no getter asked for; the message lists what is accepted here. */
  void finish() {
    for (Map.Entry<String, JsonNode> e : byLower.values()) {
      if (!used.contains(e.getKey())) {
        problems.add(
            join(path, e.getKey()),
            "unknown option \"" + e.getKey() + "\"" + (known.isEmpty() ? "" : "; expected one of: " + String.join(", ", known)));
      }
    }
  }

  static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isNull()) {
      return "nothing (null)";
    }
    return "\"" + n.asText() + "\"";
  }
}
