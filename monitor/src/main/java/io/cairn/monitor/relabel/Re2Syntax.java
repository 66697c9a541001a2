package io.cairn.monitor.relabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rewrites a Go (RE2) regular expression into a {@link java.util.regex.Pattern} with the same
 * meaning, and refuses what Go refuses. The syntaxes differ where it matters: named groups are
 * {@code (?P<name>re)} in Go (names may hold {@code _} and digits, which Java's may not), so every
 * group becomes a plain numbered group and the names are kept aside; {@code $} means end of text;
 * {@code \v} is one character; {@code [[:alpha:]]} classes exist; {@code [} and {@code &&} are
 * plain inside a class; {@code \1} octal-or-error, not a back-reference; lookaround, atomic groups
 * and possessive quantifiers are errors. Java has no ungreedy flag, so {@code (?U)} is refused.
 */
final class Re2Syntax {
  /** The Java pattern text and the names of capture groups by index (index 0 is the whole match). */
  record Translated(String javaPattern, List<String> groupNames) {}

  private static final Pattern MULTILINE_FLAG = Pattern.compile("\\(\\?[imsU]*m[imsU]*[-:)]");
  private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");
  private static final Map<String, String> POSIX = Map.ofEntries(
      Map.entry("alnum", "\\p{Alnum}"), Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"),
      Map.entry("blank", "\\p{Blank}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("space", "\\p{Space}"), Map.entry("upper", "\\p{Upper}"),
      Map.entry("word", "\\w"), Map.entry("xdigit", "\\p{XDigit}"));
  /** Go's limit on {@code {n,m}} counts. */
  static final int MAX_REPEAT = 1000;

  private final String re;
  private final StringBuilder out = new StringBuilder();
  private final List<String> names = new ArrayList<>(List.of(""));
  private final boolean multiline;
  private int i;

  private Re2Syntax(String re) {
    this.re = re;
    this.multiline = MULTILINE_FLAG.matcher(re).find();
  }

  /** @throws IllegalArgumentException with Go's wording after {@code error parsing regexp: } */
  static Translated translate(String re) {
    Re2Syntax t = new Re2Syntax(re);
    t.run();
    return new Translated(t.out.toString(), List.copyOf(t.names));
  }

  private static IllegalArgumentException error(String what, String where) {
    return new IllegalArgumentException(what + ": `" + where + "`");
  }

  private void run() {
    boolean afterQuantifier = false;
    while (i < re.length()) {
      char c = re.charAt(i);
      boolean quantifier = false;
      switch (c) {
        case '\\' -> Re2Escapes.escape(re, this::advance, out, false, i);
        case '[' -> charClass();
        case '(' -> group();
        case '$' -> {
          out.append(multiline ? "$" : "\\z");
          i++;
        }
        case '*', '+', '?' -> {
          if (afterQuantifier) {
            throw error("invalid nested repetition operator", re.substring(Math.max(0, i - 1), i + 1));
          }
          out.append(c);
          i++;
          if (i < re.length() && re.charAt(i) == '?') {
            out.append('?');
            i++;
          }
          quantifier = true;
        }
        case '{' -> {
          var m = REPEAT.matcher(re).region(i, re.length());
          if (m.lookingAt()) {
            if (afterQuantifier) {
              throw error("invalid nested repetition operator", m.group());
            }
            checkRepeat(m.group(1), m.group(2) == null ? m.group(1) : m.group(3), m.group());
            out.append(m.group());
            i = m.end();
            if (i < re.length() && re.charAt(i) == '?') {
              out.append('?');
              i++;
            }
            quantifier = true;
          } else {
            out.append("\\{"); // Go: a brace that does not start a repetition is a literal
            i++;
          }
        }
        case '}' -> {
          out.append("\\}");
          i++;
        }
        default -> {
          out.appendCodePoint(re.codePointAt(i));
          i += Character.charCount(re.codePointAt(i));
        }
      }
      afterQuantifier = quantifier;
    }
  }

  private void advance(int to) {
    i = to;
  }

  private static void checkRepeat(String min, String max, String where) {
    long lo = parseCount(min, where);
    long hi = max.isEmpty() ? -1 : parseCount(max, where);
    if (lo > MAX_REPEAT || hi > MAX_REPEAT || (hi >= 0 && hi < lo)) {
      throw error("invalid repeat count", where);
    }
  }

  private static long parseCount(String digits, String where) {
    if (digits.length() > 4) {
      throw error("invalid repeat count", where);
    }
    return Long.parseLong(digits);
  }

  private void group() {
    if (!re.startsWith("(?", i)) {
      names.add("");
      out.append('(');
      i++;
      return;
    }
    if (re.startsWith("(?P<", i)) {
      int end = re.indexOf('>', i);
      if (end < 0) {
        throw error("invalid named capture", re.substring(i));
      }
      String name = re.substring(i + 4, end);
      if (name.isEmpty() || !name.chars().allMatch(ch -> ch == '_' || ch < 128 && Character.isLetterOrDigit(ch))) {
        throw error("invalid named capture", re.substring(i, end + 1));
      }
      if (names.contains(name)) {
        throw error("duplicate capture group name", re.substring(i, end + 1));
      }
      names.add(name);
      out.append('(');
      i = end + 1;
      return;
    }
    // flags: (?flags) or (?flags:re), flags from i m s U with at most one '-'
    int j = i + 2;
    while (j < re.length() && "imsU-".indexOf(re.charAt(j)) >= 0) {
      j++;
    }
    String flags = re.substring(i + 2, j);
    boolean closes = j < re.length() && (re.charAt(j) == ')' || re.charAt(j) == ':');
    boolean nonCapturing = flags.isEmpty() && closes && re.charAt(j) == ':';
    if (!closes
        || !nonCapturing && (flags.isEmpty() || flags.endsWith("-") || flags.indexOf('-') != flags.lastIndexOf('-'))) {
      throw error("invalid or unsupported Perl syntax", re.substring(i, Math.min(re.length(), Math.max(j + 1, i + 3))));
    }
    if (flags.indexOf('U') >= 0) {
      throw error("cairn does not support the ungreedy flag U", re.substring(i, j + 1));
    }
    out.append(re, i, j + 1);
    i = j + 1;
  }

  private void charClass() {
    int start = i;
    out.append('[');
    i++;
    if (i < re.length() && re.charAt(i) == '^') {
      out.append('^');
      i++;
    }
    boolean first = true;
    while (true) {
      if (i >= re.length()) {
        throw error("missing closing ]", re.substring(start));
      }
      char c = re.charAt(i);
      if (c == ']' && !first) {
        out.append(']');
        i++;
        return;
      }
      first = false;
      if (c == '[' && re.startsWith("[:", i)) {
        int end = re.indexOf(":]", i + 2);
        if (end > 0) {
          String name = re.substring(i + 2, end);
          boolean negated = name.startsWith("^");
          String java = POSIX.get(negated ? name.substring(1) : name);
          if (java == null) {
            throw error("invalid character class range", re.substring(i, end + 2));
          }
          out.append(negated ? (java.equals("\\w") ? "\\W" : java.replace("\\p", "\\P")) : java);
          i = end + 2;
          continue;
        }
      }
      switch (c) {
        case '\\' -> Re2Escapes.escape(re, this::advance, out, true, i);
        case '[', ']', '&', '^' -> {
          out.append('\\').append(c);
          i++;
        }
        default -> {
          out.appendCodePoint(re.codePointAt(i));
          i += Character.charCount(re.codePointAt(i));
        }
      }
    }
  }
}
