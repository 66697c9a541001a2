package io.cairn.tsdb.model;

/** Go's {@code strconv.Quote} for the strings Prometheus prints (label values in messages and keys). */
final class Quoting {
  private Quoting() {}

  static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x07 -> out.append("\\a");
        case 0x08 -> out.append("\\b");
        case 0x0c -> out.append("\\f");
        case 0x0b -> out.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\x%02x", cp));
          } else if (Character.isSurrogate((char) cp)) {
            out.append("\\uFFFD");
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    out.append('"');
  }
}
