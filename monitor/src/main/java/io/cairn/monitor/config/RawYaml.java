package io.cairn.monitor.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sections cairn accepts but does not interpret, as plain values: a mapping becomes an unmodifiable
 * {@code Map<String, Object>} in file order, a sequence a {@code List<Object>}, a scalar its text
 * (numbers and booleans too), null stays null.
 */
final class RawYaml {
  private RawYaml() {}

  static Object value(Node n) {
    return switch (n) {
      case Node.Scalar s -> s.isNull() ? null : s.text();
      case Node.Seq s -> {
        List<Object> out = new ArrayList<>();
        s.items().forEach(i -> out.add(value(i)));
        yield Collections.unmodifiableList(out);
      }
      case Node.MapNode m -> map(m);
    };
  }

  static Map<String, Object> map(Node n) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n instanceof Node.MapNode m) {
      m.entries().forEach(e -> out.put(e.key().text(), value(e.value())));
    }
    return Collections.unmodifiableMap(out);
  }
}
