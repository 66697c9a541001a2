package io.cairn.common.text.re2;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Go's escapes and named classes, as Java pattern text (see {@link Re2Syntax}). */
final class Re2Escapes {
  private Re2Escapes() {}

  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
      Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));
  /** Go's {@code unicode.Categories} (Go has no {@code Cn}: its {@code C} is Cc Cf Co Cs). */
  private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
      "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc",
      "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");
  /** Go script names that are not Java's enum name in title case. */
  private static final Set<String> ODD_SCRIPTS = Set.of("SignWriting");
  private static final String ANY = "\\x{0}-\\x{10ffff}";
  private static final String NOT_SPACE = "\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}";

  /** One code point as a Java pattern atom that is literal in and out of a class. */
  static String literal(int cp) {
    if (cp < 128 && Character.isLetterOrDigit(cp)) {
      return String.valueOf((char) cp);
    }
    return "\\x{" + Integer.toHexString(cp) + "}";
  }

  /**
   * Go's {@code parseEscape} for the backslash at {@code re[i]}: the code point it stands for in the
   * low 32 bits and the index after it in the high 32.
   *
   * @throws IllegalArgumentException with Go's message and the text Go quotes
   */
  static long escape(String re, int i) {
    if (i + 1 >= re.length()) {
      throw Re2Syntax.error("trailing backslash at end of expression", "");
    }
    int c = re.codePointAt(i + 1);
    int t = i + 1 + Character.charCount(c);
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      return result(c, t); // an escaped punctuation character is itself
    }
    switch (c) {
      case '1', '2', '3', '4', '5', '6', '7', '0' -> {
        if (c != '0' && !isOctal(re, t)) {
          break; // a lone \1..\7 would be a back-reference, which Go refuses
        }
        int r = c - '0';
        for (int k = 1; k < 3 && isOctal(re, t); k++) {
          r = r * 8 + re.charAt(t) - '0';
          t++;
        }
        return result(r, t);
      }
      case 'x' -> {
        if (t >= re.length()) {
          break;
        }
        int c2 = re.codePointAt(t);
        t += Character.charCount(c2);
        if (c2 == '{') {
          int nhex = 0;
          int r = 0;
          while (true) {
            if (t >= re.length()) {
              throw bad(re, i, t);
            }
            int d = re.codePointAt(t);
            t += Character.charCount(d);
            if (d == '}') {
              break;
            }
            int v = Character.digit(d, 16);
            if (v < 0 || d > 'f') {
              throw bad(re, i, t);
            }
            r = r * 16 + v;
            if (r > Character.MAX_CODE_POINT) {
              throw bad(re, i, t);
            }
            nhex++;
          }
          if (nhex == 0) {
            throw bad(re, i, t);
          }
          return result(r, t);
        }
        int x = c2 > 'f' ? -1 : Character.digit(c2, 16);
        int y = -1;
        if (t < re.length()) {
          int c3 = re.codePointAt(t);
          t += Character.charCount(c3);
          y = c3 > 'f' ? -1 : Character.digit(c3, 16);
        }
        if (x < 0 || y < 0) {
          break;
        }
        return result(x * 16 + y, t);
      }
      case 'a' -> {
        return result(7, t);
      }
      case 'f' -> {
        return result('\f', t);
      }
      case 'n' -> {
        return result('\n', t);
      }
      case 'r' -> {
        return result('\r', t);
      }
      case 't' -> {
        return result('\t', t);
      }
      case 'v' -> {
        return result(0x0B, t);
      }
      default -> {}
    }
    throw bad(re, i, t);
  }

  private static boolean isOctal(String re, int t) {
    return t < re.length() && re.charAt(t) >= '0' && re.charAt(t) <= '7';
  }

  private static long result(int cp, int end) {
    return (long) end << 32 | cp;
  }

  private static IllegalArgumentException bad(String re, int from, int to) {
    return Re2Syntax.error("invalid escape sequence", re.substring(from, Math.min(to, re.length())));
  }

  /** Go's Perl classes {@code \d \D \s \S \w \W} as Java text (inside a class or not), else null. */
  static String perlClass(char c, boolean inClass) {
    return switch (c) {
      case 'd' -> "\\d";
      case 'D' -> "\\D";
      case 'w' -> "\\w";
      case 'W' -> "\\W";
      case 's' -> inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
      case 'S' -> inClass ? NOT_SPACE : "[" + NOT_SPACE + "]";
      default -> null;
    };
  }

  /** Go's POSIX class such as {@code [:alpha:]} or {@code [:^digit:]} as Java class text, else null. */
  static String posixClass(String bracketed) {
    String name = bracketed.substring(2, bracketed.length() - 2);
    boolean negated = name.startsWith("^");
    String java = POSIX.get(negated ? name.substring(1) : name);
    if (java == null || !negated) {
      return java;
    }
    return java.equals("\\w") ? "\\W" : java.replace("\\p", "\\P");
  }

  /**
   * Go's {@code parseUnicodeClass} for {@code \p} or {@code \P} at {@code re[i]}: {@code \pL},
   * {@code \p{Greek}}, {@code \p{^Lu}}. Returns Java text usable in and out of a class and stores
   * the index after it in {@code end[0]}.
   */
  static String unicodeClass(String re, int i, int[] end) {
    boolean negate = re.charAt(i + 1) == 'P';
    int t = i + 2;
    String seq;
    String name;
    if (t >= re.length()) {
      seq = re.substring(i);
      name = "";
      end[0] = t;
    } else if (re.charAt(t) != '{') {
      int next = t + Character.charCount(re.codePointAt(t));
      seq = re.substring(i, next);
      name = re.substring(t, next);
      end[0] = next;
    } else {
      int close = re.indexOf('}', i);
      if (close < 0) {
        throw Re2Syntax.error("invalid character class range", re.substring(i));
      }
      seq = re.substring(i, close + 1);
      name = re.substring(i + 3, close);
      end[0] = close + 1;
    }
    if (name.startsWith("^")) {
      negate = !negate;
      name = name.substring(1);
    }
    if (name.equals("Any")) {
      return negate ? "[^" + ANY + "]" : "[" + ANY + "]";
    }
    if (name.equals("C")) {
      return negate ? "[\\P{C}\\p{Cn}]" : "[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cs}]";
    }
    if (CATEGORIES.contains(name)) {
      return (negate ? "\\P{" : "\\p{") + name + "}";
    }
    if (isScript(name)) {
      return (negate ? "\\P{sc=" : "\\p{sc=") + name + "}";
    }
    throw Re2Syntax.error("invalid character class range", seq);
  }

  private static boolean isScript(String name) {
    if (name.isEmpty() || !name.chars().allMatch(ch -> ch < 128 && (Character.isLetter(ch) || ch == '_'))) {
      return false;
    }
    Character.UnicodeScript script;
    try {
      script = Character.UnicodeScript.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (script == Character.UnicodeScript.UNKNOWN) {
      return false;
    }
    if (ODD_SCRIPTS.contains(name)) {
      return true;
    }
    StringBuilder go = new StringBuilder();
    for (String part : script.name().split("_", -1)) {
      if (!go.isEmpty()) {
        go.append('_');
      }
      go.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return go.toString().equals(name);
  }
}
