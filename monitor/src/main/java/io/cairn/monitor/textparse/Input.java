package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The body being parsed and the position in it: byte-level scanning helpers shared by both parsers,
 * and the one place that turns a position into a {@link ParseException} with line and column.
 */
final class Input {
  private static final int SNIPPET_BYTES = 24;

  final byte[] b;
  final int end;
  final Limits limits;
  /** The next byte to read. */
  int pos;
  /** Where the entry being parsed began, for the length limit. */
  int entryStart;

  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  Input(byte[] body, Limits limits) {
    this.b = body;
    this.end = body.length;
    this.limits = limits;
  }

  /** The byte at the position, or -1 at the end. */
  int peek() {
    return pos < end ? b[pos] & 0xff : -1;
  }

  /** The byte {@code ahead} bytes after the position, or -1 past the end. */
  int peek(int ahead) {
    int i = pos + ahead;
    return i < end ? b[i] & 0xff : -1;
  }

  boolean lookingAt(String ascii) {
    if (end - pos < ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[pos + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Skips spaces and tabs. */
  void skipBlanks() {
    while (pos < end && (b[pos] == ' ' || b[pos] == '\t')) {
      pos++;
    }
  }

  /**
   * The end of the name at the position: {@code [a-zA-Z_:][a-zA-Z0-9_:]*} for metric names, without
   * the colons for label names; the position itself if no name starts there.
   */
  int nameEnd(boolean colons) {
    if (pos >= end || !isNameStart(b[pos], colons)) {
      return pos;
    }
    int i = pos + 1;
    while (i < end && (isNameStart(b[i], colons) || (b[i] >= '0' && b[i] <= '9'))) {
      i++;
    }
    return i;
  }

  static boolean isNameStart(byte c, boolean colons) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colons && c == ':');
  }

  /** The index of the first line break at or after {@code from}, or the end. */
  int lineEnd(int from) {
    int i = from;
    while (i < end && b[i] != '\n') {
      i++;
    }
    return i;
  }

  /** Fails if the entry being parsed reaches past {@code upTo} beyond the limit. */
  void checkLength(int upTo) throws ParseException {
    if (upTo - entryStart > limits.maxEntryBytes()) {
      throw fail(entryStart, "entry longer than the limit of " + limits.maxEntryBytes() + " bytes");
    }
  }

  /** Bytes known to be ASCII (names) as a string. */
  String ascii(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** Bytes as UTF-8, invalid sequences replaced (comments, which Prometheus does not check). */
  String lenient(int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  /** Bytes as UTF-8, or null if they are not valid UTF-8. */
  String strict(int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to && ascii; i++) {
      ascii = b[i] >= 0;
    }
    if (ascii) {
      return ascii(from, to);
    }
    try {
      return utf8.reset().decode(ByteBuffer.wrap(b, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** "{@code what}, got <what is at the position>" at the position. */
  ParseException expected(String what) {
    return fail(pos, what + ", got " + describe(pos));
  }

  /** A parse error at byte {@code at} with its line and column. */
  ParseException fail(int at, String reason) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at && i < end; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = 1;
    for (int i = lineStart; i < at && i < end; i++) {
      if ((b[i] & 0xc0) != 0x80) {
        column++;
      }
    }
    return new ParseException(reason, line, column, at);
  }

  /** What is at {@code at}: a quoted token-like snippet, or "end of input". */
  String describe(int at) {
    if (at >= end) {
      return "end of input";
    }
    int to = at + 1;
    if (!stops(b[at])) {
      while (to < end && to - at < SNIPPET_BYTES && !stops(b[to])) {
        to++;
      }
      while (to < end && to > at + 1 && (b[to] & 0xc0) == 0x80) {
        to--; // do not cut a UTF-8 sequence
      }
    }
    return GoStrings.quote(lenient(at, to));
  }

  private static boolean stops(byte c) {
    return switch (c) {
      case ' ', '\t', '\n', '{', '}', ',', '=', '"' -> true;
      default -> false;
    };
  }
}
