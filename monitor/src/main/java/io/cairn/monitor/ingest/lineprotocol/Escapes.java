package io.cairn.monitor.ingest.lineprotocol;

import java.nio.charset.StandardCharsets;

/**
 * Line protocol's backslash escapes. While scanning, a backslash and the byte after it always
 * travel together (so {@code \,} never ends an element and {@code \\} is one escaped backslash);
 * when unescaping, the backslash is dropped only before a byte the element may escape, and kept
 * before any other byte ({@code C:\temp} stays as written).
 */
final class Escapes {
  static final int COMMA = 1;
  static final int SPACE = 2;
  static final int EQUALS = 4;
  static final int BACKSLASH = 8;
  static final int QUOTE = 16;

  /** What a measurement may escape: comma, space, backslash. */
  static final int MEASUREMENT = COMMA | SPACE | BACKSLASH;

  /** What a tag key, tag value or field key may escape: comma, equals sign, space, backslash. */
  static final int KEY = COMMA | EQUALS | SPACE | BACKSLASH;

  /** What a string field value may escape: double quote, backslash. */
  static final int STRING = QUOTE | BACKSLASH;

  private Escapes() {}

  /** The index of the first unescaped byte in {@code stops} at or after {@code i}, or {@code end}. */
  static int scanTo(byte[] b, int i, int end, int stops) {
    while (i < end) {
      byte c = b[i];
      if (c == '\\') {
        i += 2;
        continue;
      }
      if ((mask(c) & stops) != 0) {
        return i;
      }
      i++;
    }
    return end;
  }

  /** The text of {@code b[from, to)} with the escapes in {@code escapable} removed, as UTF-8. */
  static String unescape(byte[] b, int from, int to, int escapable) {
    int firstBackslash = -1;
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        firstBackslash = i;
        break;
      }
    }
    if (firstBackslash < 0) {
      return new String(b, from, to - from, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[to - from];
    int n = firstBackslash - from;
    System.arraycopy(b, from, out, 0, n);
    for (int i = firstBackslash; i < to; i++) {
      byte c = b[i];
      if (c == '\\' && i + 1 < to && (mask(b[i + 1]) & escapable) != 0) {
        out[n++] = b[++i];
      } else {
        out[n++] = c;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  private static int mask(byte c) {
    return switch (c) {
      case ',' -> COMMA;
      case ' ' -> SPACE;
      case '=' -> EQUALS;
      case '\\' -> BACKSLASH;
      case '"' -> QUOTE;
      default -> 0;
    };
  }
}
