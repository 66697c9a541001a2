package io.cairn.gateway.middleware;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code stripPrefixRegex}: for the first regex (searched, unanchored) whose non-empty match is
 * a prefix of the path, that match is removed from the path and raw path and added to {@code
 * X-Forwarded-Prefix}, as Traefik.
 */
final class StripPrefixRegex implements Middleware {
  private final List<Pattern> regexes;

  StripPrefixRegex(List<Pattern> regexes) {
    this.regexes = List.copyOf(regexes);
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    for (Pattern p : regexes) {
      Matcher m = p.matcher(ex.path());
      if (m.find() && !m.group().isEmpty()) {
        String prefix = m.group();
        if (!ex.path().startsWith(prefix)) {
          continue;
        }
        return StripPrefix.strip(ex, prefix, prefix);
      }
    }
    return Outcome.CONTINUE;
  }
}
