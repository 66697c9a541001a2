package io.cairn.gateway.router;

import java.util.List;
import java.util.Map;

/** Test requests from URLs, the way Traefik's tests build them with httptest.NewRequest. */
final class Req {
  private Req() {}

  /** A GET of {@code url} ({@code scheme://authority/path?query}). */
  static BasicRequest get(String url) {
    return of("GET", url, Map.of(), null);
  }

  static BasicRequest of(String method, String url, Map<String, List<String>> headers,
      String remoteAddr) {
    int schemeEnd = url.indexOf("://");
    String rest = url.substring(schemeEnd + 3);
    int pathStart = rest.length();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '/' || c == '?') {
        pathStart = i;
        break;
      }
    }
    String authority = rest.substring(0, pathStart);
    String target = rest.substring(pathStart);
    if (!target.startsWith("/")) {
      target = "/" + target;
    }
    return BasicRequest.of(method, authority, target, headers, remoteAddr);
  }

  /** Asserting helper: the matcher's answer for a request. */
  static boolean matches(String rule, String syntax, RequestView request)
      throws RuleSyntaxException {
    return Rules.compile(rule, syntax).matches(request);
  }
}
