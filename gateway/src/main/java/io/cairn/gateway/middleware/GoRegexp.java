package io.cairn.gateway.middleware;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Go's {@code regexp} as the middlewares use it, on {@link java.util.regex}: RE2's {@code
 * (?P<name>…)} groups are rewritten to Java's {@code (?<name>…)}; other RE2 syntax is Java's near
 * subset (see the router's notes for the finer differences, not repeated here). {@link
 * #replaceAll} expands the replacement as Go's {@code Regexp.Expand}: {@code $name} takes the
 * longest run of letters, digits and {@code _} ({@code $1x} is the group named {@code 1x}, so
 * empty), {@code ${name}} is explicit, {@code $$} is a dollar, an unknown group is empty.
 */
final class GoRegexp {
  private GoRegexp() {}

  /** Compiles Go regex text; throws {@link PatternSyntaxException} when it is not valid. */
  static Pattern compile(String go) {
    return Pattern.compile(go.replace("(?P<", "(?<"));
  }

  static String replaceAll(Pattern pattern, String input, String template) {
    Matcher m = pattern.matcher(input);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(input, last, m.start());
      expand(m, template, out);
      last = m.end();
    }
    return out.append(input.substring(last)).toString();
  }

  private static void expand(Matcher m, String t, StringBuilder out) {
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '$' || i + 1 >= t.length()) {
        out.append(c);
        i++;
        continue;
      }
      char n = t.charAt(i + 1);
      if (n == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (n == '{') {
        int close = t.indexOf('}', i + 2);
        if (close < 0 || close == i + 2 || !isName(t, i + 2, close)) {
          out.append(c);
          i++;
          continue;
        }
        name = t.substring(i + 2, close);
        next = close + 1;
      } else {
        int end = i + 1;
        while (end < t.length() && isNameChar(t.charAt(end))) {
          end++;
        }
        if (end == i + 1) {
          out.append(c);
          i++;
          continue;
        }
        name = t.substring(i + 1, end);
        next = end;
      }
      out.append(group(m, name));
      i = next;
    }
  }

  private static boolean isName(String t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!isNameChar(t.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static String group(Matcher m, String name) {
    String g;
    if (name.chars().allMatch(Character::isDigit)) {
      int idx;
      try {
        idx = Integer.parseInt(name);
      } catch (NumberFormatException e) {
        return "";
      }
      g = idx <= m.groupCount() ? m.group(idx) : null;
    } else {
      try {
        g = m.group(name);
      } catch (IllegalArgumentException e) {
        g = null;
      }
    }
    return g == null ? "" : g;
  }
}
