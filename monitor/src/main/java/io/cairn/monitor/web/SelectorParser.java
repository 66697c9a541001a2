package io.cairn.monitor.web;

import io.cairn.common.text.PromDuration;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a PromQL series selector, {@code metric{label="v", other=~"re"}} with an optional range
 * {@code [5m]}: what {@code match[]} and the raw-sample queries of the read API take. Strings may be
 * double-quoted or single-quoted (Go escapes) or in backticks (raw). Errors are {@link
 * BadSelector}s whose text follows Prometheus's ({@code 1:5: parse error: ...}). Full PromQL is
 * issue 5's.
 */
final class SelectorParser {
  /** A selector that does not parse, or selects everything. */
  static final class BadSelector extends Exception {
    BadSelector(String message) {
      super(message, null, false, false);
    }
  }

  /** The matchers and, for {@code sel[d]}, the range in milliseconds (0 without a range). */
  record Selector(List<Matcher> matchers, long rangeMs) {}

  private final String s;
  private int i;

  private SelectorParser(String s) {
    this.s = s;
  }

  static Selector parse(String text) throws BadSelector {
    SelectorParser p = new SelectorParser(text);
    Selector sel = p.selector();
    boolean nonEmpty = sel.matchers().stream().anyMatch(m -> !m.matchesEmpty());
    if (!nonEmpty) {
      throw p.error(0, "vector selector must contain at least one non-empty matcher");
    }
    return sel;
  }

  private Selector selector() throws BadSelector {
    List<Matcher> ms = new ArrayList<>();
    skipSpace();
    if (i < s.length() && isNameStart(s.charAt(i), true)) {
      int start = i;
      while (i < s.length() && isNameChar(s.charAt(i), true)) {
        i++;
      }
      ms.add(Matcher.equal("__name__", s.substring(start, i)));
      skipSpace();
    }
    if (i < s.length() && s.charAt(i) == '{') {
      i++;
      matchers(ms);
    }
    skipSpace();
    long range = 0;
    if (i < s.length() && s.charAt(i) == '[') {
      int start = ++i;
      int end = s.indexOf(']', start);
      if (end < 0) {
        throw error(i, "unclosed left bracket");
      }
      try {
        range = io.cairn.common.text.PromDuration.parse(s.substring(start, end).trim()).millis();
      } catch (IllegalArgumentException e) {
        range = 0;
      }
      if (range <= 0) {
        throw error(start, "bad duration syntax: \"" + s.substring(start, end) + "\"");
      }
      i = end + 1;
      skipSpace();
    }
    if (ms.isEmpty()) {
      throw error(i, i >= s.length() ? "unexpected end of input" : "unexpected character: '" + s.charAt(i) + "'");
    }
    if (i < s.length()) {
      throw error(i, "unexpected character after the selector: '" + s.charAt(i) + "'; only series selectors are "
          + "supported here until PromQL lands");
    }
    return new Selector(List.copyOf(ms), range);
  }

  private void matchers(List<Matcher> out) throws BadSelector {
    while (true) {
      skipSpace();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return;
      }
      int start = i;
      while (i < s.length() && isNameChar(s.charAt(i), false)) {
        i++;
      }
      if (start == i || !isNameStart(s.charAt(start), false)) {
        throw error(i, i >= s.length() ? "unexpected end of input inside braces" : "unexpected character inside braces: '" + s.charAt(i) + "'");
      }
      String name = s.substring(start, i);
      skipSpace();
      Matcher.Type type = op();
      skipSpace();
      String value = string();
      try {
        out.add(Matcher.of(type, name, value));
      } catch (IllegalArgumentException e) {
        throw error(start, e.getMessage());
      }
      skipSpace();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        continue;
      }
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return;
      }
      throw error(i, i >= s.length() ? "unexpected end of input inside braces" : "unexpected character inside braces: '" + s.charAt(i) + "'");
    }
  }

  private Matcher.Type op() throws BadSelector {
    if (s.startsWith("=~", i)) {
      i += 2;
      return Matcher.Type.REGEX;
    }
    if (s.startsWith("!~", i)) {
      i += 2;
      return Matcher.Type.NOT_REGEX;
    }
    if (s.startsWith("!=", i)) {
      i += 2;
      return Matcher.Type.NOT_EQUAL;
    }
    if (s.startsWith("=", i)) {
      i++;
      return Matcher.Type.EQUAL;
    }
    throw error(i, "unexpected character in label matcher, expected one of =, !=, =~, !~");
  }

  private String string() throws BadSelector {
    if (i >= s.length()) {
      throw error(i, "unexpected end of input, expected a string");
    }
    char q = s.charAt(i);
    if (q != '"' && q != '\'' && q != '`') {
      throw error(i, "unexpected character, expected a quoted string");
    }
    int start = i++;
    StringBuilder sb = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == q) {
        return sb.toString();
      }
      if (c == '\\' && q != '`') {
        i = GoEscapes.unescape(s, i, q, sb, (at, msg) -> error(at, msg));
      } else {
        sb.append(c);
      }
    }
    throw error(start, "unterminated quoted string");
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private static boolean isNameStart(char c, boolean metric) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (metric && c == ':');
  }

  private static boolean isNameChar(char c, boolean metric) {
    return isNameStart(c, metric) || (c >= '0' && c <= '9');
  }

  BadSelector error(int at, String msg) {
    return new BadSelector("1:" + (at + 1) + ": parse error: " + msg);
  }
}
