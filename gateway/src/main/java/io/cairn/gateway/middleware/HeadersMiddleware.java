package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Headers;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code headers} middleware, in Traefik's order: CORS preflight answered first; custom
 * request headers (empty value removes, {@code Host} sets the host); the security host check;
 * then on the way back the security headers, and over them the custom response headers (empty
 * value removes) and the CORS response headers, so custom values win.
 */
final class HeadersMiddleware implements Middleware {
  private final Headers cfg;
  private final Cors cors;
  private final SecureHeaders secure;

  HeadersMiddleware(Headers cfg, List<Pattern> originRegexes) {
    this.cfg = cfg;
    this.cors = Cors.defined(cfg) ? new Cors(cfg, originRegexes) : null;
    this.secure = SecureHeaders.defined(cfg) ? new SecureHeaders(cfg) : null;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    if (cors != null) {
      Outcome.Respond preflight = cors.preflight(ex);
      if (preflight != null) {
        return preflight;
      }
    }
    for (Map.Entry<String, String> e : cfg.customRequestHeaders().entrySet()) {
      if (e.getValue().isEmpty()) {
        ex.requestHeaders().remove(e.getKey());
      } else if (e.getKey().equalsIgnoreCase("Host")) {
        ex.host(e.getValue());
      } else {
        ex.requestHeaders().set(e.getKey(), e.getValue());
      }
    }
    if (secure != null) {
      Outcome.Respond bad = secure.checkHost(ex);
      if (bad != null) {
        return bad;
      }
    }
    return Outcome.CONTINUE;
  }

  @Override
  public void onResponse(Exchange ex, ResponseHead response) {
    HeaderMap res = response.headers();
    if (secure != null) {
      secure.onResponse(ex, res);
    }
    for (Map.Entry<String, String> e : cfg.customResponseHeaders().entrySet()) {
      if (e.getValue().isEmpty()) {
        res.remove(e.getKey());
      } else {
        res.set(e.getKey(), e.getValue());
      }
    }
    if (cors != null) {
      cors.onResponse(ex, res);
    }
  }
}
