package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Headers;
import java.util.Map;

/**
 * The security part of the {@code headers} middleware, as unrolled/secure (which Traefik uses):
 * {@code allowedHosts} (checked against the host, or the first non-empty {@code
 * hostsProxyHeaders} header; a miss answers 500 {@code Bad Host}; skipped in development), then
 * response headers set on every response: {@code Strict-Transport-Security} (when {@code
 * stsSeconds} is not 0 and the request is TLS, or {@code X-Forwarded-Proto}-like {@code
 * sslProxyHeaders} match, or {@code forceSTSHeader}; never in development), {@code
 * X-Frame-Options} ({@code customFrameOptionsValue} else {@code DENY} with {@code frameDeny}),
 * {@code X-Content-Type-Options: nosniff}, {@code X-XSS-Protection} ({@code
 * customBrowserXSSValue} else {@code 1; mode=block}), {@code Content-Security-Policy}, {@code
 * Content-Security-Policy-Report-Only}, {@code Public-Key-Pins} (TLS only, not in development),
 * {@code Referrer-Policy}, {@code Permissions-Policy}. Values replace what the upstream sent.
 */
final class SecureHeaders {
  private final Headers cfg;

  SecureHeaders(Headers cfg) {
    this.cfg = cfg;
  }

  /** Traefik's {@code HasSecureHeadersDefined} (for the options our record carries). */
  static boolean defined(Headers h) {
    return !h.allowedHosts().isEmpty() || !h.hostsProxyHeaders().isEmpty() || !h.sslProxyHeaders().isEmpty()
        || h.stsSeconds() != 0 || h.stsIncludeSubdomains() || h.stsPreload() || h.forceSTSHeader()
        || h.frameDeny() || !h.customFrameOptionsValue().isEmpty() || h.contentTypeNosniff()
        || h.browserXssFilter() || !h.customBrowserXSSValue().isEmpty() || !h.contentSecurityPolicy().isEmpty()
        || !h.contentSecurityPolicyReportOnly().isEmpty() || !h.publicKey().isEmpty()
        || !h.referrerPolicy().isEmpty() || !h.permissionsPolicy().isEmpty() || h.isDevelopment();
  }

  /** The {@code Bad Host} answer, or null when the host is allowed. */
  Outcome.Respond checkHost(Exchange ex) {
    if (cfg.allowedHosts().isEmpty() || cfg.isDevelopment()) {
      return null;
    }
    String host = ex.host();
    for (String h : cfg.hostsProxyHeaders()) {
      String v = ex.requestHeaders().get(h);
      if (!v.isEmpty()) {
        host = v;
        break;
      }
    }
    for (String allowed : cfg.allowedHosts()) {
      if (allowed.equals(host)) {
        return null;
      }
    }
    return Outcome.Respond.goError(500, "Bad Host");
  }

  private boolean isSsl(Exchange ex) {
    if (ex.tls() || ex.scheme().equalsIgnoreCase("https")) {
      return true;
    }
    for (Map.Entry<String, String> e : cfg.sslProxyHeaders().entrySet()) {
      if (ex.requestHeaders().get(e.getKey()).equals(e.getValue())) {
        return true;
      }
    }
    return false;
  }

  void onResponse(Exchange ex, HeaderMap res) {
    boolean ssl = isSsl(ex);
    if (cfg.stsSeconds() != 0 && (ssl || cfg.forceSTSHeader()) && !cfg.isDevelopment()) {
      String sts = "max-age=" + cfg.stsSeconds();
      if (cfg.stsIncludeSubdomains()) {
        sts += "; includeSubDomains";
      }
      if (cfg.stsPreload()) {
        sts += "; preload";
      }
      res.set("Strict-Transport-Security", sts);
    }
    if (!cfg.customFrameOptionsValue().isEmpty()) {
      res.set("X-Frame-Options", cfg.customFrameOptionsValue());
    } else if (cfg.frameDeny()) {
      res.set("X-Frame-Options", "DENY");
    }
    if (cfg.contentTypeNosniff()) {
      res.set("X-Content-Type-Options", "nosniff");
    }
    if (!cfg.customBrowserXSSValue().isEmpty()) {
      res.set("X-XSS-Protection", cfg.customBrowserXSSValue());
    } else if (cfg.browserXssFilter()) {
      res.set("X-XSS-Protection", "1; mode=block");
    }
    if (!cfg.contentSecurityPolicy().isEmpty()) {
      res.set("Content-Security-Policy", cfg.contentSecurityPolicy());
    }
    if (!cfg.contentSecurityPolicyReportOnly().isEmpty()) {
      res.set("Content-Security-Policy-Report-Only", cfg.contentSecurityPolicyReportOnly());
    }
    if (!cfg.publicKey().isEmpty() && ssl && !cfg.isDevelopment()) {
      res.set("Public-Key-Pins", cfg.publicKey());
    }
    if (!cfg.referrerPolicy().isEmpty()) {
      res.set("Referrer-Policy", cfg.referrerPolicy());
    }
    if (!cfg.permissionsPolicy().isEmpty()) {
      res.set("Permissions-Policy", cfg.permissionsPolicy());
    }
  }
}
