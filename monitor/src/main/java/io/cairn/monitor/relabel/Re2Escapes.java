package io.cairn.monitor.relabel;

import java.util.function.IntConsumer;

/** Go's backslash escapes, rewritten for Java (see {@link Re2Syntax}). */
final class Re2Escapes {
  private Re2Escapes() {}

  /**
   * Translates the escape at {@code re[i]} (a backslash) into {@code out} and moves the cursor past
   * it with {@code advance}.
   */
  static void escape(String re, IntConsumer advance, StringBuilder out, boolean inClass, int i) {
    if (i + 1 >= re.length()) {
      throw new IllegalArgumentException("trailing backslash at end of expression: ``");
    }
    char c = re.charAt(i + 1);
    int next = i + 2;
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      out.append('\\').append(c); // an escaped punctuation character is itself
      advance.accept(next);
      return;
    }
    switch (c) {
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        // octal; a lone \1..\7 would be a back-reference, which Go refuses
        int end = next;
        while (end < re.length() && end < i + 4 && re.charAt(end) >= '0' && re.charAt(end) <= '7') {
          end++;
        }
        if (c != '0' && end == next) {
          throw bad(re, i, next);
        }
        int value = Integer.parseInt(re.substring(i + 1, end), 8);
        out.append("\\x{").append(Integer.toHexString(value)).append('}');
        advance.accept(end);
      }
      case 'a' -> put(out, "\\x07", advance, next);
      case 'f' -> put(out, "\\f", advance, next);
      case 't' -> put(out, "\\t", advance, next);
      case 'n' -> put(out, "\\n", advance, next);
      case 'r' -> put(out, "\\r", advance, next);
      case 'v' -> put(out, "\\x0B", advance, next);
      case 'x' -> hex(re, i, out, advance);
      case 'd', 'D', 'w', 'W' -> put(out, "\\" + c, advance, next);
      case 's' -> put(out, inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]", advance, next);
      case 'S' -> put(out, inClass ? "\\S" : "[^\\t\\n\\f\\r ]", advance, next);
      case 'A', 'z', 'b', 'B' -> {
        if (inClass) {
          throw bad(re, i, next);
        }
        put(out, "\\" + c, advance, next);
      }
      case 'p', 'P' -> unicodeClass(re, i, c, out, advance);
      case 'Q' -> {
        if (inClass) {
          throw bad(re, i, next);
        }
        int end = re.indexOf("\\E", next);
        String literal = end < 0 ? re.substring(next) : re.substring(next, end);
        literal.codePoints().forEach(cp -> out.append("\\x{").append(Integer.toHexString(cp)).append('}'));
        advance.accept(end < 0 ? re.length() : end + 2);
      }
      default -> throw bad(re, i, next);
    }
  }

  private static void put(StringBuilder out, String java, IntConsumer advance, int next) {
    out.append(java);
    advance.accept(next);
  }

  private static IllegalArgumentException bad(String re, int from, int to) {
    return new IllegalArgumentException("invalid escape sequence: `" + re.substring(from, Math.min(to, re.length())) + "`");
  }

  private static void hex(String re, int i, StringBuilder out, IntConsumer advance) {
    int p = i + 2;
    if (p < re.length() && re.charAt(p) == '{') {
      int end = re.indexOf('}', p);
      String digits = end < 0 ? "" : re.substring(p + 1, end);
      if (end < 0 || digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
          || Long.parseLong(digits, 16) > Character.MAX_CODE_POINT) {
        throw bad(re, i, end < 0 ? re.length() : end + 1);
      }
      out.append("\\x{").append(digits).append('}');
      advance.accept(end + 1);
      return;
    }
    if (p + 2 > re.length() || Character.digit(re.charAt(p), 16) < 0 || Character.digit(re.charAt(p + 1), 16) < 0) {
      throw bad(re, i, Math.min(re.length(), p + 2));
    }
    out.append("\\x").append(re, p, p + 2);
    advance.accept(p + 2);
  }

  /** {@code \pL}, {@code \p{Greek}}, {@code \p{^Lu}}: categories pass, scripts become {@code IsX}. */
  private static void unicodeClass(String re, int i, char p, StringBuilder out, IntConsumer advance) {
    int next = i + 2;
    if (next >= re.length()) {
      throw bad(re, i, next);
    }
    String name;
    int end;
    if (re.charAt(next) == '{') {
      int close = re.indexOf('}', next);
      if (close < 0) {
        throw bad(re, i, re.length());
      }
      name = re.substring(next + 1, close);
      end = close + 1;
    } else {
      name = re.substring(next, next + 1);
      end = next + 1;
    }
    boolean negate = p == 'P';
    if (name.startsWith("^")) {
      negate = !negate;
      name = name.substring(1);
    }
    if (name.isEmpty() || !name.chars().allMatch(ch -> ch < 128 && (Character.isLetter(ch) || ch == '_'))) {
      throw new IllegalArgumentException("invalid character class range: `" + re.substring(i, end) + "`");
    }
    String java = name.equals("Any") ? "\\x{0}-\\x{10FFFF}" : null;
    if (java != null) {
      out.append(negate ? "[^" + java + "]" : "[" + java + "]");
    } else {
      String category = name.length() <= 2 ? name : "Is" + name;
      out.append(negate ? "\\P{" : "\\p{").append(category).append('}');
    }
    advance.accept(end);
  }
}
