package io.cairn.gateway.observe.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration records as Traefik's API renders its configuration structs: record components
 * under their own (Traefik's) names, Go's {@code omitempty} (empty optionals, strings, lists, maps
 * and zero numbers are left out; booleans are kept), durations in Go's notation ({@code 30s}), and a
 * sealed variant under its kind's name ({@code {"addPrefix": {...}}}). Stateless.
 */
final class ConfigJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConfigJson() {}

  /** {@code value} as JSON, or null when Go would omit it. */
  static JsonNode of(Object value) {
    return switch (value) {
      case null -> null;
      case Optional<?> o -> o.map(ConfigJson::of).orElse(null);
      case String s -> s.isEmpty() ? null : F.textNode(s);
      case Boolean b -> F.booleanNode(b);
      case Integer i -> i == 0 ? null : F.numberNode(i);
      case Long l -> l == 0 ? null : F.numberNode(l);
      case Double d -> d == 0 ? null : F.numberNode(d);
      case Duration d -> d.isZero() ? null : F.textNode(goDuration(d));
      case Enum<?> e -> F.textNode(e.name().toLowerCase(Locale.ROOT));
      case Collection<?> c -> {
        if (c.isEmpty()) {
          yield null;
        }
        ArrayNode a = F.arrayNode();
        c.forEach(x -> {
          JsonNode n = of(x);
          a.add(n == null ? F.nullNode() : n);
        });
        yield a;
      }
      case Map<?, ?> m -> {
        if (m.isEmpty()) {
          yield null;
        }
        ObjectNode o = F.objectNode();
        m.forEach((k, v) -> {
          JsonNode n = of(v);
          if (n != null) {
            o.set(String.valueOf(k), n);
          }
        });
        yield o;
      }
      case Record r -> fields(r);
      default -> F.textNode(value.toString());
    };
  }

  /** The components of {@code r} as an object (never null; possibly empty). */
  static ObjectNode fields(Record r) {
    ObjectNode o = F.objectNode();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        JsonNode n = of(c.getAccessor().invoke(r));
        if (n != null) {
          o.set(c.getName(), n);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
      }
    }
    return o;
  }

  /** The kind of a sealed variant as Traefik's JSON key: {@code AddPrefix} becomes {@code addPrefix}. */
  static String key(Object variant) {
    String n = variant.getClass().getSimpleName();
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  /** Go's {@code time.Duration.String} for whole milliseconds and up: {@code 1m30s}, {@code 250ms}. */
  static String goDuration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    StringBuilder b = new StringBuilder();
    long h = ms / 3_600_000;
    long m = ms / 60_000 % 60;
    double s = ms % 60_000 / 1000.0;
    if (h > 0) {
      b.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      b.append(m).append('m');
    }
    String secs = s == Math.floor(s) ? String.valueOf((long) s) : String.valueOf(s);
    return b.append(secs).append('s').toString();
  }
}
