package io.cairn.gateway.middleware;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code net/url} path escaping, so that paths and raw paths behave as {@code URL.Path} and
 * {@code URL.RawPath} do in Traefik: {@link #escape} is {@code escape(s, encodePath)}, {@link
 * #unescape} is {@code PathUnescape} (null when the text has a bad {@code %} escape), {@link
 * #validEncoded} is {@code validEncoded(s, encodePath)}.
 */
final class GoPath {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private GoPath() {}

  static boolean shouldEscape(int c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
      return false;
    }
    return switch (c) {
      case '-', '_', '.', '~', '$', '&', '+', ',', '/', ':', ';', '=', '@' -> false;
      default -> true;
    };
  }

  static String escape(String path) {
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (shouldEscape(c)) {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  /** The decoded path, or null when a {@code %} is not followed by two hex digits. */
  static String unescape(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%') {
        if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
          return null;
        }
        out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The error Go's {@code PathUnescape} gives for {@code raw}: {@code invalid URL escape "%zz"}. */
  static String unescapeError(String raw) {
    int i = raw.indexOf('%');
    while (i >= 0) {
      if (i + 2 >= raw.length() || hex((byte) raw.charAt(i + 1)) < 0 || hex((byte) raw.charAt(i + 2)) < 0) {
        String bad = raw.substring(i, Math.min(raw.length(), i + 3));
        return "invalid URL escape \"" + bad + "\"";
      }
      i = raw.indexOf('%', i + 3);
    }
    return "";
  }

  static int hex(byte b) {
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

  static boolean validEncoded(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%' -> { }
        default -> {
          if (c > 0x7f || shouldEscape(c)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Go's {@code setPath}: the raw path to keep beside the decoded one ({@code ""} when default). */
  static String rawPathFor(String path, String raw) {
    return escape(path).equals(raw) ? "" : raw;
  }
}
