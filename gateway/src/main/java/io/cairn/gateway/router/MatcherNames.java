package io.cairn.gateway.router;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matcher names each syntax knows, and the spellings Traefik's parser accepts for each: the
 * name itself, all lower case, all upper case, and lower case with a capital first letter ({@code
 * PathPrefix}, {@code pathprefix}, {@code PATHPREFIX}, {@code Pathprefix}); nothing else.
 */
final class MatcherNames {
  private MatcherNames() {}

  static final List<String> V3 =
      List.of("ClientIP", "Method", "Host", "HostRegexp", "Path", "PathRegexp", "PathPrefix",
          "Header", "HeaderRegexp", "Query", "QueryRegexp");

  static final List<String> V2 =
      List.of("Host", "HostHeader", "HostRegexp", "ClientIP", "Path", "PathPrefix", "Method",
          "Headers", "HeadersRegexp", "Query");

  private static final Map<String, String> V3_SPELLINGS = spellings(V3);
  private static final Map<String, String> V2_SPELLINGS = spellings(V2);

  /** The canonical name for a spelling in {@code syntax}, or null when it is not a matcher. */
  static String canonical(RuleSyntax syntax, String spelling) {
    return (syntax == RuleSyntax.V2 ? V2_SPELLINGS : V3_SPELLINGS).get(spelling);
  }

  private static Map<String, String> spellings(List<String> names) {
    Map<String, String> out = new HashMap<>();
    for (String name : names) {
      String lower = name.toLowerCase(Locale.ROOT);
      out.put(name, name);
      out.put(lower, name);
      out.put(name.toUpperCase(Locale.ROOT), name);
      out.put(Character.toUpperCase(lower.charAt(0)) + lower.substring(1), name);
    }
    return Map.copyOf(out);
  }
}
