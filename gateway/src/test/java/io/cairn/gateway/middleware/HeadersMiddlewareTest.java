package io.cairn.gateway.middleware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traefik's headers tests (header_test.go, secure_test.go), CORS included. */
class HeadersMiddlewareTest {

  @Test
  void customRequestHeadersSetAndEmptyValueRemoves() {
    Middleware m = Fx.build(Fx.headers(Map.of("customRequestHeaders", Map.of("X-Custom-Request-Header", "test_request",
        "X-Forwarded-For", "", "Host", "example.org"))));
    Exchange ex = Fx.get("http://localhost/");
    ex.requestHeaders().set("X-Forwarded-For", "10.0.0.1").set("X-Custom-Request-Header", "old");
    assertThat(m.onRequest(ex)).isEqualTo(Outcome.CONTINUE);
    assertThat(ex.requestHeaders().getAll("X-Custom-Request-Header")).containsExactly("test_request");
    assertThat(ex.requestHeaders().contains("X-Forwarded-For")).isFalse();
    assertThat(ex.host()).isEqualTo("example.org");
  }

  @Test
  void customResponseHeadersSetAndRemove() {
    Middleware m = Fx.build(Fx.headers(Map.of("customResponseHeaders",
        Map.of("X-Custom-Response-Header", "test_response", "Server", ""))));
    HeaderMap up = new HeaderMap().set("Server", "nginx").set("X-Custom-Response-Header", "from upstream");
    ResponseHead head = Fx.run(m, Fx.get("http://localhost/"), up);
    assertThat(head.headers().getAll("X-Custom-Response-Header")).containsExactly("test_response");
    assertThat(head.headers().contains("Server")).isFalse();
  }

  @Test
  void securityHeaders() {
    Middleware m = Fx.build(Fx.headers(Map.of("stsSeconds", 31536000L, "stsIncludeSubdomains", true,
        "stsPreload", true, "frameDeny", true, "contentTypeNosniff", true, "browserXssFilter", true,
        "contentSecurityPolicy", "default-src 'self'", "referrerPolicy", "same-origin",
        "permissionsPolicy", "camera=()")));
    ResponseHead tls = Fx.run(m, Fx.get("https://localhost/"), new HeaderMap());
    HeaderMap h = tls.headers();
    assertThat(h.get("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains; preload");
    assertThat(h.get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(h.get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(h.get("X-XSS-Protection")).isEqualTo("1; mode=block");
    assertThat(h.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
    assertThat(h.get("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(h.get("Permissions-Policy")).isEqualTo("camera=()");
    ResponseHead plain = Fx.run(m, Fx.get("http://localhost/"), new HeaderMap());
    assertThat(plain.headers().contains("Strict-Transport-Security")).as("STS only over TLS").isFalse();
  }

  @Test
  void stsForcedAndDevelopmentMode() {
    Middleware forced = Fx.build(Fx.headers(Map.of("stsSeconds", 60L, "forceSTSHeader", true)));
    assertThat(Fx.run(forced, Fx.get("http://localhost/"), new HeaderMap()).headers().get("Strict-Transport-Security"))
        .isEqualTo("max-age=60");
    Middleware dev = Fx.build(Fx.headers(Map.of("stsSeconds", 60L, "forceSTSHeader", true, "isDevelopment", true)));
    assertThat(Fx.run(dev, Fx.get("https://localhost/"), new HeaderMap()).headers().contains("Strict-Transport-Security"))
        .isFalse();
    Middleware proxied = Fx.build(Fx.headers(Map.of("stsSeconds", 60L, "sslProxyHeaders", Map.of("X-Forwarded-Proto", "https"))));
    Exchange ex = Fx.get("http://localhost/");
    ex.requestHeaders().set("X-Forwarded-Proto", "https");
    assertThat(Fx.run(proxied, ex, new HeaderMap()).headers().get("Strict-Transport-Security")).isEqualTo("max-age=60");
  }

  @Test
  void customFrameOptionsAndXssValuesWin() {
    Middleware m = Fx.build(Fx.headers(Map.of("frameDeny", true, "customFrameOptionsValue", "SAMEORIGIN",
        "browserXssFilter", true, "customBrowserXSSValue", "0")));
    HeaderMap h = Fx.run(m, Fx.get("http://localhost/"), new HeaderMap()).headers();
    assertThat(h.get("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(h.get("X-XSS-Protection")).isEqualTo("0");
  }

  @Test
  void allowedHostsRefusesOtherHostsWith500BadHost() {
    Middleware m = Fx.build(Fx.headers(Map.of("allowedHosts", List.of("foo.com"))));
    Outcome o = m.onRequest(Fx.get("http://bar.com/"));
    assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.bodyText()).isEqualTo("Bad Host\n");
    });
    assertThat(m.onRequest(Fx.get("http://foo.com/"))).isEqualTo(Outcome.CONTINUE);
  }

  private static Exchange preflight(String origin) {
    Exchange ex = Fx.req("OPTIONS", "http://example.com/");
    ex.requestHeaders().set("Access-Control-Request-Headers", "origin").set("Access-Control-Request-Method", "GET, OPTIONS")
        .set("Origin", origin);
    return ex;
  }

  @Test
  void corsPreflightIsAnsweredDirectly() {
    Middleware m = Fx.build(Fx.headers(Map.of("accessControlAllowMethods", List.of("GET", "OPTIONS", "PUT"),
        "accessControlAllowOriginList", List.of("https://foo.bar.org"), "accessControlMaxAge", 600L,
        "accessControlAllowHeaders", List.of("origin", "X-Requested-With"), "accessControlAllowCredentials", true)));
    Outcome o = m.onRequest(preflight("https://foo.bar.org"));
    assertThat(o).isInstanceOfSatisfying(Outcome.Respond.class, r -> {
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).isEmpty();
      assertThat(r.headers().get("Access-Control-Allow-Origin")).isEqualTo("https://foo.bar.org");
      assertThat(r.headers().get("Access-Control-Max-Age")).isEqualTo("600");
      assertThat(r.headers().get("Access-Control-Allow-Methods")).isEqualTo("GET,OPTIONS,PUT");
      assertThat(r.headers().get("Access-Control-Allow-Headers")).isEqualTo("origin,X-Requested-With");
      assertThat(r.headers().get("Access-Control-Allow-Credentials")).isEqualTo("true");
    });
  }

  @Test
  void corsPreflightWithDisallowedOriginHasNoAllowOrigin() {
    Middleware m = Fx.build(Fx.headers(Map.of("accessControlAllowMethods", List.of("GET"),
        "accessControlAllowOriginList", List.of("https://foo.bar.org"))));
    Outcome.Respond r = (Outcome.Respond) m.onRequest(preflight("https://evil.org"));
    assertThat(r.headers().contains("Access-Control-Allow-Origin")).isFalse();
    assertThat(r.headers().get("Access-Control-Max-Age")).isEqualTo("0");
  }

  @Test
  void corsWildcardAndRegexOrigins() {
    Middleware star = Fx.build(Fx.headers(Map.of("accessControlAllowOriginList", List.of("*"))));
    Exchange ex = Fx.get("http://example.com/");
    ex.requestHeaders().set("Origin", "https://foo.bar.org");
    assertThat(Fx.run(star, ex, new HeaderMap()).headers().get("Access-Control-Allow-Origin")).isEqualTo("*");

    Middleware regex = Fx.build(Fx.headers(Map.of("accessControlAllowOriginListRegex", List.of("^https://([a-z]+)\\.bar\\.org$"))));
    Exchange ok = Fx.get("http://example.com/");
    ok.requestHeaders().set("Origin", "https://foo.bar.org");
    assertThat(Fx.run(regex, ok, new HeaderMap()).headers().get("Access-Control-Allow-Origin")).isEqualTo("https://foo.bar.org");
    Exchange bad = Fx.get("http://example.com/");
    bad.requestHeaders().set("Origin", "https://foo.bar.org.evil");
    assertThat(Fx.run(regex, bad, new HeaderMap()).headers().contains("Access-Control-Allow-Origin")).isFalse();
  }

  @Test
  void corsResponseHeadersAndVary() {
    Middleware m = Fx.build(Fx.headers(Map.of("accessControlAllowOriginList", List.of("https://foo.bar.org"),
        "accessControlExposeHeaders", List.of("X-Custom", "X-Other"), "accessControlAllowCredentials", true,
        "addVaryHeader", true)));
    Exchange ex = Fx.get("http://example.com/");
    ex.requestHeaders().set("Origin", "https://foo.bar.org");
    HeaderMap h = Fx.run(m, ex, new HeaderMap().set("Vary", "Accept-Encoding")).headers();
    assertThat(h.get("Access-Control-Allow-Origin")).isEqualTo("https://foo.bar.org");
    assertThat(h.get("Access-Control-Expose-Headers")).isEqualTo("X-Custom,X-Other");
    assertThat(h.get("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(h.get("Vary")).isEqualTo("Accept-Encoding,Origin");
    Exchange again = Fx.get("http://example.com/");
    assertThat(Fx.run(m, again, new HeaderMap().set("Vary", "Origin")).headers().getAll("Vary")).containsExactly("Origin");
    assertThat(Fx.run(m, Fx.get("http://example.com/"), new HeaderMap()).headers().get("Vary")).isEqualTo("Origin");
  }

  @Test
  void optionsWithoutRequestMethodIsNotPreflight() {
    Middleware m = Fx.build(Fx.headers(Map.of("accessControlAllowOriginList", List.of("*"))));
    Exchange ex = Fx.req("OPTIONS", "http://example.com/");
    ex.requestHeaders().set("Origin", "https://a.org");
    assertThat(m.onRequest(ex)).isEqualTo(Outcome.CONTINUE);
  }
}
