package io.cairn.gateway.router;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The path Traefik's rules match: Go's {@code URL.EscapedPath()} with percent-encoded characters
 * decoded unless they are RFC 3986 reserved characters (or {@code %} itself), so that {@code
 * PathPrefix(`/foo bar`)} matches {@code /foo%20bar} while {@code %2F} never turns into a path
 * separator.
 *
 * <p>Reserved escapes are kept whatever the case of their hex digits and written upper-case
 * ({@code /admin%2fsecret} routes as {@code /admin%2Fsecret}, never as {@code /admin/secret}), as
 * Traefik's current tests require (its CWE-436 tests; older releases compared the escape
 * case-sensitively and decoded {@code %2f}). When the raw path holds a byte Go would escape (a
 * space, a brace, a non-ASCII byte), Go's {@code EscapedPath} re-escapes the decoded path, and so
 * does this method.
 */
public final class RoutingPath {
  private RoutingPath() {}

  private static final String RESERVED = ":/?#[]@!$&'()*+,;=%";

  /**
   * The routing path of a raw request path (the request target up to {@code ?}).
   *
   * @param rawPath the path as received, not null
   * @return the routing path
   * @throws IllegalArgumentException when a {@code %} is not followed by two hex digits (Go
   *     rejects such a request before routing; answer 400)
   */
  public static String of(String rawPath) {
    Checks.requireArgument(rawPath != null, "rawPath is null; expected the request path");
    byte[] raw = rawPath.getBytes(StandardCharsets.UTF_8);
    boolean valid = true;
    for (int i = 0; i < raw.length; i++) {
      int c = raw[i] & 0xff;
      if (c == '%') {
        Checks.requireArgument(
            i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0,
            "invalid percent-encoding in URL path %s; expected %% and two hex digits",
            rawPath);
        i += 2;
      } else if ("!$&'()*+,;=:@[]".indexOf(c) < 0 && shouldEscape(c)) {
        valid = false;
      }
    }
    byte[] escaped = valid ? raw : escape(unescape(raw));
    if (indexOf(escaped, (byte) '%') < 0) {
      return new String(escaped, StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(escaped.length);
    for (int i = 0; i < escaped.length; i++) {
      byte b = escaped[i];
      if (b != '%') {
        out.write(b);
        continue;
      }
      int decoded = hex(escaped[i + 1]) << 4 | hex(escaped[i + 2]);
      if (decoded < 0x80 && RESERVED.indexOf(decoded) >= 0) {
        out.write('%');
        out.write(Character.toUpperCase(escaped[i + 1]));
        out.write(Character.toUpperCase(escaped[i + 2]));
      } else {
        out.write(decoded);
      }
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Go's {@code shouldEscape(c, encodePath)}. */
  private static boolean shouldEscape(int c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    return switch (c) {
      case '-', '_', '.', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@' -> false;
      default -> true;
    };
  }

  private static byte[] unescape(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '%') {
        out.write(hex(raw[i + 1]) << 4 | hex(raw[i + 2]));
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    return out.toByteArray();
  }

  private static byte[] escape(byte[] path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(path.length + 16);
    for (byte b : path) {
      int c = b & 0xff;
      if (shouldEscape(c)) {
        out.write('%');
        out.write("0123456789ABCDEF".charAt(c >> 4));
        out.write("0123456789ABCDEF".charAt(c & 0xf));
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }
}
