package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Headers;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CORS part of the {@code headers} middleware, as Traefik's {@code header.go}: an {@code
 * OPTIONS} request with {@code Origin} and {@code Access-Control-Request-Method} is a preflight,
 * answered at once with 200, an empty body and {@code Access-Control-Allow-Credentials}, {@code
 * -Allow-Headers}, {@code -Allow-Methods} (comma-joined, only when set), {@code -Allow-Origin}
 * (when the origin is allowed) and {@code -Max-Age} (always). Other responses get {@code
 * Access-Control-Allow-Origin} (the list entry that matched: {@code *} or the origin; or the
 * origin when a regex matched), {@code -Allow-Credentials}, {@code -Expose-Headers} and, with
 * {@code addVaryHeader}, {@code Origin} appended to {@code Vary} unless it is exactly {@code
 * Origin}.
 */
final class Cors {
  private final Headers cfg;
  private final List<Pattern> originRegexes;

  Cors(Headers cfg, List<Pattern> originRegexes) {
    this.cfg = cfg;
    this.originRegexes = List.copyOf(originRegexes);
  }

  /** Traefik's {@code HasCorsHeadersDefined}. */
  static boolean defined(Headers h) {
    return h.accessControlAllowCredentials() || !h.accessControlAllowHeaders().isEmpty()
        || !h.accessControlAllowMethods().isEmpty() || !h.accessControlAllowOriginList().isEmpty()
        || !h.accessControlAllowOriginListRegex().isEmpty() || !h.accessControlExposeHeaders().isEmpty()
        || h.accessControlMaxAge() != 0 || h.addVaryHeader();
  }

  /** The preflight answer, or null when the request is not a preflight. */
  Outcome.Respond preflight(Exchange ex) {
    HeaderMap req = ex.requestHeaders();
    String acMethod = req.get("Access-Control-Request-Method");
    String origin = req.get("Origin");
    if (acMethod.isEmpty() || origin.isEmpty() || !ex.method().equals("OPTIONS")) {
      return null;
    }
    HeaderMap h = new HeaderMap();
    if (cfg.accessControlAllowCredentials()) {
      h.set("Access-Control-Allow-Credentials", "true");
    }
    String allowHeaders = String.join(",", cfg.accessControlAllowHeaders());
    if (!allowHeaders.isEmpty()) {
      h.set("Access-Control-Allow-Headers", allowHeaders);
    }
    String allowMethods = String.join(",", cfg.accessControlAllowMethods());
    if (!allowMethods.isEmpty()) {
      h.set("Access-Control-Allow-Methods", allowMethods);
    }
    String allowed = allowedOrigin(origin);
    if (allowed != null) {
      h.set("Access-Control-Allow-Origin", allowed);
    }
    h.set("Access-Control-Max-Age", Integer.toString((int) cfg.accessControlMaxAge()));
    return new Outcome.Respond(200, h, new byte[0]);
  }

  void onResponse(Exchange ex, HeaderMap res) {
    String allowed = allowedOrigin(ex.requestHeaders().get("Origin"));
    if (allowed != null) {
      res.set("Access-Control-Allow-Origin", allowed);
    }
    if (cfg.accessControlAllowCredentials()) {
      res.set("Access-Control-Allow-Credentials", "true");
    }
    if (!cfg.accessControlExposeHeaders().isEmpty()) {
      res.set("Access-Control-Expose-Headers", String.join(",", cfg.accessControlExposeHeaders()));
    }
    if (!cfg.addVaryHeader()) {
      return;
    }
    String vary = res.get("Vary");
    if (vary.equals("Origin")) {
      return;
    }
    res.set("Vary", vary.isEmpty() ? "Origin" : vary + ",Origin");
  }

  /** What {@code Access-Control-Allow-Origin} says for {@code origin}, or null if not allowed. */
  String allowedOrigin(String origin) {
    for (String item : cfg.accessControlAllowOriginList()) {
      if (item.equals("*") || item.equals(origin)) {
        return item;
      }
    }
    for (Pattern p : originRegexes) {
      if (p.matcher(origin).find()) {
        return origin;
      }
    }
    return null;
  }
}
