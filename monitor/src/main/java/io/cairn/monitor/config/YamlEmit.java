package io.cairn.monitor.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML writer in the style of Go's {@code gopkg.in/yaml.v2} (what Prometheus marshals its config
 * with): two-space indentation, sequences under a key not indented, empty collections as {@code
 * {}} / {@code []}, and yaml.v2's quoting: strings that would read back as another type ({@code
 * "true"}, {@code "1"}, {@code "y"}, {@code ""}) in double quotes, strings plain YAML cannot carry
 * ({@code '[a-z]+'}, {@code ','}) in single quotes, the rest plain. Multi-line strings are written
 * double-quoted with {@code \n} (yaml.v2 writes a literal block); that is the known difference.
 *
 * <p>Tree: {@code Map<String, ?>} (in order), {@code List<?>}, {@link Flow} (a flow sequence of
 * strings), {@link Raw} (a token written as is: numbers, booleans, {@code null}), {@code String}.
 */
final class YamlEmit {
  /** A token written unquoted. */
  record Raw(String text) {}

  /** A sequence written in flow style, {@code [a, b]}. */
  record Flow(List<String> items) {}

  private static final Pattern INT = Pattern.compile("[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)");
  private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
  private static final java.util.Set<String> SPECIAL = java.util.Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no",
      "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "~", "null",
      "Null", "NULL", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf",
      "-.INF", "<<");

  private YamlEmit() {}

  /** The document for a top-level mapping. */
  static String document(Map<String, ?> root) {
    StringBuilder sb = new StringBuilder();
    map(root, 0, sb);
    return sb.toString();
  }

  private static void map(Map<String, ?> m, int indent, StringBuilder sb) {
    boolean first = true;
    for (var e : m.entrySet()) {
      if (!first) {
        sb.repeat(' ', indent);
      }
      first = false;
      sb.append(scalar(e.getKey(), false)).append(':');
      value(e.getValue(), indent, sb);
    }
  }

  /** After "key:" — inline scalars, nested blocks on the next lines. */
  private static void value(Object v, int indent, StringBuilder sb) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      sb.append('\n').repeat(' ', indent + 2);
      @SuppressWarnings("unchecked") Map<String, ?> sm = (Map<String, ?>) m;
      map(sm, indent + 2, sb);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      sb.append('\n');
      list(l, indent, sb);
    } else {
      sb.append(' ').append(inline(v)).append('\n');
    }
  }

  private static void list(List<?> l, int indent, StringBuilder sb) {
    for (Object item : l) {
      sb.repeat(' ', indent).append("- ");
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        @SuppressWarnings("unchecked") Map<String, ?> sm = (Map<String, ?>) m;
        map(sm, indent + 2, sb);
      } else if (item instanceof List<?> inner && !inner.isEmpty()) {
        sb.setLength(sb.length() - 2);
        sb.append("-\n");
        list(inner, indent + 2, sb);
      } else {
        sb.append(inline(item)).append('\n');
      }
    }
  }

  private static String inline(Object v) {
    return switch (v) {
      case null -> "null";
      case Raw r -> r.text();
      case Flow f -> {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < f.items().size(); i++) {
          sb.append(i > 0 ? ", " : "").append(scalar(f.items().get(i), true));
        }
        yield sb.append(']').toString();
      }
      case Map<?, ?> m -> "{}";
      case List<?> l -> "[]";
      default -> scalar(v.toString(), false);
    };
  }

  /** A string as yaml.v2 writes it in block ({@code flow} false) or flow context. */
  static String scalar(String s, boolean flow) {
    if (s.isEmpty() || SPECIAL.contains(s) || s.contains("\n") || readsAsOther(s)) {
      return doubleQuoted(s);
    }
    return plainAllowed(s, flow) ? s : "'" + s.replace("'", "''") + "'";
  }

  private static boolean readsAsOther(String s) {
    String t = s.replace("_", "");
    return INT.matcher(t).matches() || FLOAT.matcher(s).matches() || BASE60.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches();
  }

  private static boolean plainAllowed(String s, boolean flow) {
    if (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))
        || s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean blankAfter = i + 1 == s.length() || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t';
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
      if (i == 0 && "#,[]{}&*!|>'\"%@`".indexOf(c) >= 0) {
        return false;
      }
      if (i == 0 && (c == '?' || c == ':' || c == '-') && blankAfter) {
        return false;
      }
      if (flow && (",?[]{}:".indexOf(c) >= 0 || (i == 0 && c == '-' && blankAfter))) {
        return false;
      }
      if (c == ':' && blankAfter) {
        return false;
      }
      if (c == '#' && i > 0 && (s.charAt(i - 1) == ' ' || s.charAt(i - 1) == '\t')) {
        return false;
      }
    }
    return true;
  }

  private static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\x%02X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
