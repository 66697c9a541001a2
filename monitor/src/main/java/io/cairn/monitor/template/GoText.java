package io.cairn.monitor.template;

/** Go's {@code strings.Title}, {@code ToUpper} and {@code ToLower} (rune by rune, no special casing). */
final class GoText {
  private GoText() {}

  static String toUpper(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(r -> b.appendCodePoint(Character.toUpperCase(r)));
    return b.toString();
  }

  static String toLower(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(r -> b.appendCodePoint(Character.toLowerCase(r)));
    return b.toString();
  }

  /** {@code strings.Title}: the first letter of each word to title case. */
  static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      b.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
      prev = r;
    }
    return b.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
        return false;
      }
      return true;
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }
}
