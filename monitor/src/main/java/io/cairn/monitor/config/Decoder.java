package io.cairn.monitor.config;

import io.cairn.common.text.PromDuration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go {@code yaml.UnmarshalStrict} typing over {@link Node}s. Type errors (unknown or repeated
 * fields, a value of the wrong YAML type) are collected, as yaml.v2 does, and reported together at
 * the end as {@code yaml: unmarshal errors:\n  line N: ...}; a section with type errors is not
 * validated further. Validation errors are thrown at once ({@link ConfigException}), as Prometheus's
 * {@code UnmarshalYAML} methods fail. A YAML null sets Go's zero value, overriding any default.
 */
final class Decoder {
  private final List<String> typeErrors = new ArrayList<>();
  private final Path baseDir;

  Decoder(Path baseDir) {
    this.baseDir = baseDir;
  }

  int errorCount() {
    return typeErrors.size();
  }

  List<String> typeErrors() {
    return Collections.unmodifiableList(typeErrors);
  }

  void typeError(Node n, String goType) {
    String value = "";
    if (n instanceof Node.Scalar s) {
      value = s.text().length() > 10 ? " `" + s.text().substring(0, 7) + "...`" : " `" + s.text() + "`";
    }
    typeErrors.add("line " + n.line() + ": cannot unmarshal " + n.shortTag() + value + " into " + goType);
  }

  static boolean isNull(Node n) {
    return n == null || (n instanceof Node.Scalar s && s.isNull());
  }

  /** The fields of a mapping read into Go struct {@code goType}; null for null or a non-mapping. */
  Map<String, Node> struct(Node n, String goType, Set<String> known) {
    if (isNull(n)) {
      return Map.of();
    }
    if (!(n instanceof Node.MapNode m)) {
      typeError(n, goType);
      return null;
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Node.Entry e : m.entries()) {
      String name = e.key().text();
      if (!known.contains(name)) {
        typeErrors.add("line " + e.key().line() + ": field " + name + " not found in type " + goType);
      } else if (out.containsKey(name)) {
        typeErrors.add("line " + e.key().line() + ": field " + name + " already set in type " + goType);
      } else {
        out.put(name, e.value());
      }
    }
    return out;
  }

  String string(Node n) {
    if (isNull(n)) {
      return "";
    }
    if (n instanceof Node.Scalar s) {
      return s.text();
    }
    typeError(n, "string");
    return "";
  }

  /** A bool: YAML 1.1's {@code true false yes no on off} in any of their three casings. */
  boolean bool(Node n) {
    if (isNull(n)) {
      return false;
    }
    if (n instanceof Node.Scalar s && s.tag().equals("bool")) {
      return switch (s.text().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        default -> false;
      };
    }
    typeError(n, "bool");
    return false;
  }

  /** A Go {@code uint}: decimal, 0x hex, 0o/0 octal or 0b binary, underscores allowed. */
  long uint(Node n) {
    if (isNull(n)) {
      return 0;
    }
    if (n instanceof Node.Scalar s && s.tag().equals("int")) {
      try {
        long v = YamlScalars.parseInt(s.text());
        if (v >= 0) {
          return v;
        }
      } catch (NumberFormatException e) {
        // falls through to the type error
      }
    }
    typeError(n, "uint");
    return 0;
  }

  PromDuration duration(Node n) throws ConfigException {
    if (isNull(n)) {
      return PromDuration.ZERO;
    }
    if (!(n instanceof Node.Scalar s)) {
      typeError(n, "string");
      return PromDuration.ZERO;
    }
    try {
      return PromDuration.parse(s.text());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  List<String> strings(Node n) {
    List<String> out = new ArrayList<>();
    for (Node item : seq(n, "[]string")) {
      out.add(string(item));
    }
    return List.copyOf(out);
  }

  /** The items of a sequence; empty for null; a type error for anything else. */
  List<Node> seq(Node n, String goType) {
    if (isNull(n)) {
      return List.of();
    }
    if (n instanceof Node.Seq s) {
      return s.items();
    }
    typeError(n, goType);
    return List.of();
  }

  /** A mapping of string keys to values, in file order; a repeated key is a type error. */
  Map<String, Node> map(Node n, String goType) {
    if (isNull(n)) {
      return Map.of();
    }
    if (!(n instanceof Node.MapNode m)) {
      typeError(n, goType);
      return Map.of();
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Node.Entry e : m.entries()) {
      if (out.containsKey(e.key().text())) {
        typeErrors.add("line " + e.key().line() + ": key \"" + e.key().text() + "\" already set in map");
      } else {
        out.put(e.key().text(), e.value());
      }
    }
    return out;
  }

  /** A file name relative to the config file's directory, as Prometheus's {@code JoinDir}. */
  String path(Node n) {
    return join(string(n));
  }

  String join(String file) {
    if (file.isEmpty() || baseDir == null || Path.of(file).isAbsolute()) {
      return file;
    }
    return baseDir.resolve(file).normalize().toString();
  }
}
