package io.cairn.gateway.router;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * gorilla/mux route templates as Traefik v2 rules use them ({@code containous/mux}'s {@code
 * newRouteRegexp}): text outside braces is literal, {@code {name}} or {@code {name:regexp}} is a
 * variable whose default pattern depends on what is matched ({@code [^/]+} in paths, {@code [^.]+}
 * in hosts, {@code .*} in queries). The whole is anchored with {@code ^}, and with {@code $} except
 * for path prefixes; host templates are case-insensitive.
 */
final class MuxTemplate {
  private MuxTemplate() {}

  enum Kind { PATH, PREFIX, HOST, QUERY }

  /**
   * The regular expression for a template.
   *
   * @throws IllegalArgumentException with gorilla's wording for unbalanced braces, an empty name
   *     or pattern, or a bad variable pattern
   */
  static Pattern compile(String template, Kind kind) {
    List<Integer> idxs = braceIndices(template);
    String defaultPattern = switch (kind) {
      case QUERY -> ".*";
      case HOST -> "[^.]+";
      default -> "[^/]+";
    };
    StringBuilder pattern = new StringBuilder(kind == Kind.HOST ? "(?i)^" : "^");
    int end = 0;
    for (int k = 0; k < idxs.size(); k += 2) {
      String raw = template.substring(end, idxs.get(k));
      end = idxs.get(k + 1);
      String inner = template.substring(idxs.get(k) + 1, end - 1);
      int colon = inner.indexOf(':');
      String name = colon < 0 ? inner : inner.substring(0, colon);
      String patt = colon < 0 ? defaultPattern : inner.substring(colon + 1);
      if (name.isEmpty() || patt.isEmpty()) {
        throw new IllegalArgumentException(
            "mux: missing name or pattern in \"" + template.substring(idxs.get(k), end) + "\"");
      }
      GoRegex.compile("^" + patt + "$"); // gorilla validates each variable on its own
      pattern.append(quoteMeta(raw)).append("(?P<v").append(k / 2).append('>').append(patt)
          .append(')');
    }
    pattern.append(quoteMeta(template.substring(end)));
    if (kind == Kind.QUERY && template.substring(template.indexOf('=') + 1).isEmpty()) {
      pattern.append(defaultPattern);
    }
    if (kind != Kind.PREFIX) {
      pattern.append('$');
    }
    return GoRegex.compile(pattern.toString());
  }

  private static List<Integer> braceIndices(String s) {
    int level = 0;
    int idx = 0;
    List<Integer> idxs = new ArrayList<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        if (++level == 1) {
          idx = i;
        }
      } else if (c == '}') {
        if (--level == 0) {
          idxs.add(idx);
          idxs.add(i + 1);
        } else if (level < 0) {
          throw new IllegalArgumentException("mux: unbalanced braces in \"" + s + "\"");
        }
      }
    }
    if (level != 0) {
      throw new IllegalArgumentException("mux: unbalanced braces in \"" + s + "\"");
    }
    return idxs;
  }

  /** Go's {@code regexp.QuoteMeta}. */
  static String quoteMeta(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
