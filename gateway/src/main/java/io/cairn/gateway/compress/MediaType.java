package io.cairn.gateway.compress;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code Content-Type}, as Go's {@code mime.ParseMediaType} gives it: the type lower-cased,
 * parameter names lower-cased, quoted values unquoted. Comparison as klauspost's gzhttp: the types
 * must be equal; a pattern with parameters also needs exactly the same parameters.
 */
record MediaType(String type, Map<String, String> params) {
  MediaType {
    params = Map.copyOf(params);
  }

  /** The parsed value, or empty when it is not {@code token/token *(; name=value)}. */
  static Optional<MediaType> parse(String text) {
    String[] parts = text.split(";", -1);
    String type = parts[0].strip().toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    if (slash <= 0 || slash == type.length() - 1 || !token(type.substring(0, slash))
        || !token(type.substring(slash + 1))) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0 || !token(p.substring(0, eq).strip())) {
        return Optional.empty();
      }
      String value = p.substring(eq + 1).strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
      } else if (!token(value)) {
        return Optional.empty();
      }
      if (params.put(p.substring(0, eq).strip().toLowerCase(Locale.ROOT), value) != null) {
        return Optional.empty(); // Go: duplicate parameter name
      }
    }
    return Optional.of(new MediaType(type, params));
  }

  /** Whether a response of type {@code other} matches this pattern. */
  boolean matches(MediaType other) {
    return type.equals(other.type) && (params.isEmpty() || params.equals(other.params));
  }

  private static boolean token(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?=".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }
}
