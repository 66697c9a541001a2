package io.cairn.gateway.server;

import io.netty.buffer.ByteBuf;

/**
 * Strict parser for a chunk-size line (RFC 9112 7.1): {@code 1*HEXDIG *( ";" ext-name [ "=" (token /
 * quoted-string) ] )}, without the optional whitespace (BWS) that lenient parsers skip: llhttp's
 * strict mode, like Go's, rejects a space after the size.
 */
final class ChunkLine {
  /** Result for a line that is not a valid chunk-size line. */
  static final long INVALID = -1;
  /** Result for a size that does not fit in 60 bits. */
  static final long OVERFLOW = -2;

  private ChunkLine() {}

  /** Parses bytes {@code [from, to)} (the line without its CRLF); the size, or a negative code. */
  static long parse(ByteBuf buf, int from, int to) {
    long size = 0;
    int i = from;
    while (i < to && Syntax.hexValue(buf.getByte(i)) >= 0) {
      if (size > (1L << 56)) {
        return OVERFLOW;
      }
      size = size * 16 + Syntax.hexValue(buf.getByte(i));
      i++;
    }
    if (i == from) {
      return INVALID;
    }
    while (i < to) {
      if (buf.getByte(i) != ';') {
        return INVALID;
      }
      i++;
      int nameStart = i;
      while (i < to && Syntax.isTchar(buf.getByte(i))) {
        i++;
      }
      if (i == nameStart) {
        return INVALID;
      }
      if (i < to && buf.getByte(i) == '=') {
        i++;
        i = i < to && buf.getByte(i) == '"' ? skipQuoted(buf, i + 1, to) : skipToken(buf, i, to);
        if (i < 0) {
          return INVALID;
        }
      }
    }
    return size;
  }

  private static int skipToken(ByteBuf buf, int i, int to) {
    int start = i;
    while (i < to && Syntax.isTchar(buf.getByte(i))) {
      i++;
    }
    return i == start ? -1 : i;
  }

  /** From just after the opening quote; returns the index after the closing quote, or -1. */
  private static int skipQuoted(ByteBuf buf, int i, int to) {
    while (i < to) {
      byte b = buf.getByte(i);
      if (b == '"') {
        return i + 1;
      } else if (b == '\\') {
        if (i + 1 >= to) {
          return -1;
        }
        int next = buf.getByte(i + 1) & 0xff;
        if (!(next == '\t' || next == ' ' || (next >= 0x21 && next != 0x7f))) {
          return -1;
        }
        i += 2;
      } else if (Syntax.isQdtext(b)) {
        i++;
      } else {
        return -1;
      }
    }
    return -1;
  }
}
