package io.cairn.gateway.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Request paths to paths inside the root, the way Caddy's {@code sanitizedPathJoin} does it: the
 * path is percent-decoded (so {@code %2F} is a slash and {@code %2e%2e} is {@code ..}), then
 * cleaned as Go's {@code path.Clean("/" + p)} does, so {@code ..} can never climb above the root.
 * Segments holding a NUL or a backslash are refused (not found): on no platform do they name a
 * file safely. Symbolic links are checked by the caller against the root's real path.
 */
final class SafePath {
  private SafePath() {}

  /** A malformed percent escape: Go's URL parser refuses the request (400). */
  static final class BadEscape extends IllegalArgumentException {
    BadEscape(String path) {
      super("invalid URL escape in " + path);
    }
  }

  /** The path part of a request target, also for the absolute form ({@code http://h/p?q}). */
  static String rawPath(String uri) {
    String u = uri;
    int scheme = u.indexOf("://");
    if (!u.startsWith("/") && scheme > 0) {
      int slash = u.indexOf('/', scheme + 3);
      u = slash < 0 ? "/" : u.substring(slash);
    }
    int q = u.indexOf('?');
    if (q >= 0) {
      u = u.substring(0, q);
    }
    int f = u.indexOf('#');
    return f >= 0 ? u.substring(0, f) : u;
  }

  /** Percent-decodes {@code raw} as UTF-8 (malformed UTF-8 becomes U+FFFD); '+' stays '+'. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new BadEscape(raw);
        }
        out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
          b = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        out.writeBytes(b);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /**
   * Go's {@code path.Clean("/" + decoded)}: a rooted path without {@code .}, {@code ..} or empty
   * segments; {@code /} for the root. Empty when a segment holds NUL or a backslash.
   */
  static Optional<String> clean(String decoded) {
    Deque<String> segments = new ArrayDeque<>();
    for (String s : decoded.split("/", -1)) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        segments.pollLast();
        continue;
      }
      if (s.indexOf('\0') >= 0 || s.indexOf('\\') >= 0) {
        return Optional.empty();
      }
      segments.addLast(s);
    }
    return Optional.of("/" + String.join("/", segments));
  }
}
