package io.cairn.gateway.router;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go (RE2) regular expressions compiled to {@link java.util.regex.Pattern} with the same meaning.
 *
 * <p>The translation walks the Go pattern once and rewrites what differs:
 *
 * <ul>
 *   <li>{@code (?P<name>…)} and {@code (?<name>…)} become plain capturing groups (names are never
 *       read; Go allows {@code _} and leading digits in names, Java does not); duplicates are
 *       refused as Go refuses them.
 *   <li>A {@code {} that does not start a valid repeat {@code {n}}, {@code {n,}}, {@code {n,m}}
 *       is a literal in Go and is escaped; repeat counts above 1000 are refused as in Go.
 *   <li>{@code $} outside {@code (?m)} means end of text in Go: it becomes {@code \z} (Java's
 *       {@code $} would also match before a final newline).
 *   <li>{@code \s} is {@code [\t\n\f\r ]} (no vertical tab), {@code \v} is the vertical tab
 *       character, octal escapes ({@code \12}) stay octal (Java would read a back-reference), {@code
 *       \p{Greek}} becomes {@code \p{IsGreek}}, {@code [[:alpha:]]} becomes {@code \p{Alpha}}, and
 *       {@code [} and {@code &} inside a class are escaped (Java reads nested classes and
 *       intersections there).
 *   <li>Go-only refusals are kept: look-around, atomic groups, back-references, possessive or
 *       doubled quantifiers ({@code a*+}, {@code a**}), and escapes Go does not know.
 *   <li>Flags: {@link Pattern#UNIX_LINES} (only {@code \n} ends a line, as in Go) and {@link
 *       Pattern#UNICODE_CASE} ({@code (?i)} folds Unicode case, as in Go).
 * </ul>
 *
 * <p>Not reproduced: Go's {@code (?U)} (ungreedy) flag is refused; Java's {@code \b} sees Unicode
 * letters as word characters where Go sees ASCII only; Java's {@code ^} under {@code (?m)} does
 * not match after a newline that ends the input; matching backtracks (RE2 is linear), so a
 * pathological pattern can be slow — the caller bounds it by catching {@link StackOverflowError}.
 */
final class GoRegex {
  private GoRegex() {}

  private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");
  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"),
      Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\t "),
      Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "0-9"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"),
      Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
      Map.entry("space", "\\t\\n\\x0B\\f\\r "), Map.entry("upper", "\\p{Upper}"),
      Map.entry("word", "\\w"), Map.entry("xdigit", "0-9A-Fa-f"));

  /**
   * Compiles a Go regular expression.
   *
   * @throws IllegalArgumentException whose message reads like Go's {@code error parsing regexp:
   *     …} when Go would refuse the pattern or Java cannot express it
   */
  static Pattern compile(String go) {
    String java = new Translator(go).run();
    try {
      return Pattern.compile(java, Pattern.UNIX_LINES | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException | StackOverflowError e) {
      String why = e instanceof PatternSyntaxException p ? p.getDescription() : "too complex";
      throw new IllegalArgumentException("error parsing regexp: " + why + ": `" + go + "`");
    }
  }

  private static final class Translator {
    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Boolean> multilineStack = new ArrayDeque<>();
    private final Set<String> names = new HashSet<>();
    private boolean multiline;
    private int i;

    Translator(String src) {
      this.src = src;
    }

    private IllegalArgumentException fail(String what, String where) {
      return new IllegalArgumentException(
          "error parsing regexp: " + what + ": `" + where + "`");
    }

    String run() {
      while (i < src.length()) {
        char c = src.charAt(i);
        switch (c) {
          case '\\' -> escape(false);
          case '[' -> charClass();
          case '(' -> group();
          case ')' -> {
            multiline = multilineStack.isEmpty() ? multiline : multilineStack.pop();
            out.append(')');
            i++;
          }
          case '$' -> {
            out.append(multiline ? "$" : "\\z");
            i++;
          }
          case '{' -> {
            var m = REPEAT.matcher(src).region(i, src.length());
            if (m.lookingAt()) {
              int min = Integer.parseInt(m.group(1).length() > 5 ? "99999" : m.group(1));
              String maxText = m.group(3);
              int max = maxText == null ? min : maxText.isEmpty() ? -1
                  : Integer.parseInt(maxText.length() > 5 ? "99999" : maxText);
              if (min > 1000 || max > 1000 || max >= 0 && max < min) {
                throw fail("invalid repeat count", m.group());
              }
              out.append(m.group());
              i = m.end();
              afterRepeat(m.group());
            } else {
              out.append("\\{");
              i++;
            }
          }
          case '*', '+', '?' -> {
            out.append(c);
            i++;
            afterRepeat(String.valueOf(c));
          }
          default -> {
            out.append(c);
            i++;
          }
        }
      }
      return out.toString();
    }

    private void afterRepeat(String op) {
      if (i < src.length() && src.charAt(i) == '?') {
        out.append('?');
        i++;
      }
      if (i < src.length()) {
        char n = src.charAt(i);
        if (n == '*' || n == '+' || n == '?'
            || n == '{' && REPEAT.matcher(src).region(i, src.length()).lookingAt()) {
          throw fail("invalid nested repetition operator", op + n);
        }
      }
    }

    private void group() {
      if (multilineStack.size() >= 1000) {
        throw fail("expression nests too deeply", src);
      }
      if (!src.startsWith("(?", i)) {
        multilineStack.push(multiline);
        out.append('(');
        i++;
        return;
      }
      int start = i;
      if (src.startsWith("(?P<", i) || src.startsWith("(?<", i) && !src.startsWith("(?<=", i)
          && !src.startsWith("(?<!", i)) {
        int open = src.indexOf('<', i);
        int close = src.indexOf('>', open);
        String name = close < 0 ? "" : src.substring(open + 1, close);
        if (close < 0 || name.isEmpty() || !name.chars().allMatch(
            ch -> ch == '_' || ch < 128 && Character.isLetterOrDigit(ch))) {
          throw fail("invalid named capture", src.substring(start, close < 0 ? src.length()
              : close + 1));
        }
        if (!names.add(name)) {
          throw fail("duplicate capture group name", name);
        }
        multilineStack.push(multiline);
        out.append('(');
        i = close + 1;
        return;
      }
      int j = i + 2;
      boolean negate = false;
      boolean m = multiline;
      boolean any = false;
      while (j < src.length() && "imsU-".indexOf(src.charAt(j)) >= 0) {
        char f = src.charAt(j);
        if (f == '-') {
          if (negate) {
            break;
          }
          negate = true;
        } else if (f == 'U') {
          throw fail("the ungreedy flag U is not supported by cairn", src.substring(start, j + 1));
        } else {
          any = true;
          if (f == 'm') {
            m = !negate;
          }
        }
        j++;
      }
      char end = j < src.length() ? src.charAt(j) : 0;
      boolean bare = j == i + 2;
      if (end == ')' && !any || !bare && src.charAt(j - 1) == '-' || end != ')' && end != ':') {
        throw fail("invalid or unsupported Perl syntax",
            src.substring(start, Math.min(src.length(), j + 1)));
      }
      out.append(src, start, j + 1);
      i = j + 1;
      if (end == ')') {
        multiline = m;
      } else {
        multilineStack.push(multiline);
        multiline = m;
      }
    }

    private void charClass() {
      int start = i;
      out.append('[');
      i++;
      if (i < src.length() && src.charAt(i) == '^') {
        out.append('^');
        i++;
      }
      boolean first = true;
      while (true) {
        if (i >= src.length()) {
          throw fail("missing closing ]", src.substring(start));
        }
        char c = src.charAt(i);
        if (c == ']' && !first) {
          out.append(']');
          i++;
          return;
        }
        first = false;
        if (c == '[' && src.startsWith("[:", i)) {
          int close = src.indexOf(":]", i + 2);
          String name = close < 0 ? null : src.substring(i + 2, close);
          boolean neg = name != null && name.startsWith("^");
          String body = name == null ? null : POSIX.get(neg ? name.substring(1) : name);
          if (body != null) {
            out.append(neg ? "[^" + body + "]" : "[" + body + "]");
            i = close + 2;
            continue;
          }
        }
        if (c == '\\') {
          escape(true);
        } else if (c == '[' || c == '&' || c == ']') {
          out.append('\\').append(c);
          i++;
        } else {
          out.append(c);
          i++;
        }
      }
    }

    private void escape(boolean inClass) {
      if (i + 1 >= src.length()) {
        throw fail("trailing backslash at end of expression", "");
      }
      char c = src.charAt(i + 1);
      int start = i;
      i += 2;
      switch (c) {
        case '1', '2', '3', '4', '5', '6', '7', '0' -> {
          if (c != '0' && (i >= src.length() || src.charAt(i) < '0' || src.charAt(i) > '7')) {
            throw fail("invalid escape sequence", "\\" + c);
          }
          int v = c - '0';
          for (int n = 0; n < 2 && i < src.length() && src.charAt(i) >= '0'
              && src.charAt(i) <= '7'; n++) {
            v = v * 8 + src.charAt(i++) - '0';
          }
          out.append("\\x{").append(Integer.toHexString(v)).append('}');
        }
        case 'x' -> {
          var m = Pattern.compile("\\{([0-9A-Fa-f]{1,8})}|[0-9A-Fa-f]{2}").matcher(src)
              .region(i, src.length());
          if (!m.lookingAt() || m.group(1) != null && Long.parseLong(m.group(1), 16) > 0x10FFFF) {
            throw fail("invalid escape sequence", src.substring(start, Math.min(i + 2,
                src.length())));
          }
          out.append("\\x").append(m.group());
          i = m.end();
        }
        case 'a' -> out.append("\\x07");
        case 'v' -> out.append("\\x0B");
        case 'f', 't', 'n', 'r', 'd', 'D', 'w', 'W' -> out.append('\\').append(c);
        case 's' -> out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
        case 'S' -> out.append("[^\\t\\n\\f\\r ]");
        case 'b', 'B', 'A', 'z' -> {
          if (inClass) {
            throw fail("invalid escape sequence", "\\" + c);
          }
          out.append('\\').append(c);
        }
        case 'p', 'P' -> unicodeClass(c, start);
        case 'Q' -> {
          int end = src.indexOf("\\E", i);
          String lit = src.substring(i, end < 0 ? src.length() : end);
          i = end < 0 ? src.length() : end + 2;
          for (int k = 0; k < lit.length(); k++) {
            char l = lit.charAt(k);
            out.append(l < 128 && !Character.isLetterOrDigit(l) ? "\\" + l : String.valueOf(l));
          }
        }
        default -> {
          if (c < 128 && !Character.isLetterOrDigit(c) && c != '_') {
            out.append('\\').append(c);
          } else {
            throw fail("invalid escape sequence", "\\" + c);
          }
        }
      }
    }

    private void unicodeClass(char p, int start) {
      String name;
      if (i < src.length() && src.charAt(i) == '{') {
        int close = src.indexOf('}', i);
        if (close < 0) {
          throw fail("invalid character class range", src.substring(start));
        }
        name = src.substring(i + 1, close);
        i = close + 1;
      } else if (i < src.length() && Character.isLetter(src.charAt(i))) {
        name = String.valueOf(src.charAt(i++));
      } else {
        throw fail("invalid character class range", src.substring(start, i));
      }
      boolean negate = p == 'P';
      if (name.startsWith("^")) {
        negate = !negate;
        name = name.substring(1);
      }
      if (name.isEmpty() || !name.chars().allMatch(ch -> ch < 128
          && (Character.isLetter(ch) || ch == '_'))) {
        throw fail("invalid character class range", src.substring(start, i));
      }
      if (name.equals("Any")) {
        out.append(negate ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
        return;
      }
      String javaName = name.length() <= 2 ? name : "Is" + name;
      out.append('\\').append(negate ? 'P' : 'p').append('{').append(javaName).append('}');
    }
  }
}
