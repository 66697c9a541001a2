package io.cairn.gateway.middleware;

import java.util.List;

/**
 * {@code stripPrefix}: the first configured prefix the path starts with is removed from the
 * path and from the raw path, a leading {@code /} is kept, and the prefix (trimmed) is added to
 * {@code X-Forwarded-Prefix}. The raw path loses as many characters as encode the prefix, so
 * {@code /ap%69/a%2Fb} stripped of {@code /api/} keeps {@code /a%2Fb}. A strip that leaves a
 * {@code .} or {@code ..} segment ({@code /api./foo} stripped of {@code /api}) is refused with
 * 400, as newer Traefik does.
 */
final class StripPrefix implements Middleware {
  static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";

  private final List<String> prefixes;

  StripPrefix(List<String> prefixes) {
    this.prefixes = List.copyOf(prefixes);
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    for (String prefix : prefixes) {
      if (ex.path().startsWith(prefix)) {
        return strip(ex, prefix, prefix.strip());
      }
    }
    return Outcome.CONTINUE;
  }

  /** Removes {@code prefix} (a prefix of the path) from path and raw path; adds the header. */
  static Outcome strip(Exchange ex, String prefix, String header) {
    String path = ensureLeadingSlash(ex.path().substring(prefix.length()));
    if (hasDotSegment(path)) {
      return Outcome.Respond.goError(400, "Bad Request");
    }
    String raw = ex.rawPath();
    if (!raw.isEmpty()) {
      raw = ensureLeadingSlash(stripEncoded(raw, prefix));
    }
    ex.path(path, raw);
    ex.requestHeaders().add(FORWARDED_PREFIX, header);
    return Outcome.CONTINUE;
  }

  /** Removes from {@code raw} the leading characters whose decoding is {@code prefix}. */
  static String stripEncoded(String raw, String prefix) {
    if (raw.startsWith(prefix)) {
      return raw.substring(prefix.length());
    }
    int want = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    int bytes = 0;
    int i = 0;
    while (i < raw.length() && bytes < want) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        i += 3;
        bytes++;
      } else {
        bytes += String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        i++;
      }
    }
    return raw.substring(Math.min(i, raw.length()));
  }

  static boolean hasDotSegment(String path) {
    for (String seg : path.split("/", -1)) {
      if (seg.equals(".") || seg.equals("..")) {
        return true;
      }
    }
    return false;
  }

  static String ensureLeadingSlash(String s) {
    return s.isEmpty() || s.charAt(0) == '/' ? s : "/" + s;
  }
}
