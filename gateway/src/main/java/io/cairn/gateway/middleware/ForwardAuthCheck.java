package io.cairn.gateway.middleware;

import io.cairn.common.text.re2.GoRegex;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code forwardAuth}, as Traefik v3: before the request goes on, a {@code GET} is sent to {@code
 * address} with the request's headers (hop-by-hop ones removed; only {@code authRequestHeaders}
 * when listed) and {@code X-Forwarded-For/-Method/-Proto/-Host/-Uri}. A 2xx answer lets the request
 * go on with the {@code authResponseHeaders} (and headers matching {@code
 * authResponseHeadersRegex}) copied into it; any other answer goes back to the client (status,
 * headers without hop-by-hop ones, body; a relative {@code Location} is resolved against {@code
 * address} unless {@code preserveLocationHeader}); a failed call answers 500 with no body.
 *
 * <p>This class holds the rules only (Netty-free, thread-safe); the proxy makes the call without
 * blocking and feeds the answer to {@link #onAnswer}. Decisions: the client's own {@code
 * X-Forwarded-*} headers never reach the middlewares (the gateway does not trust them), so {@code
 * trustForwardHeader} changes nothing; {@code https} auth servers are called with {@link #tls()}
 * (Traefik's {@code tls}: {@code ca}, {@code cert}/{@code key}, {@code insecureSkipVerify});
 * {@code headerField} names the auth answer's header holding the user, who goes to the access
 * log; with {@code forwardBody} the request body goes with the auth call (read whole first, see
 * the runtime's PreForward for the limits); {@code addAuthCookiesToResponse} lists cookie names:
 * when a 2xx answer sets cookies, the service's cookies of those names are dropped from the
 * response and the auth server's of those names added; all forwardAuth middlewares of a chain run
 * after its other middlewares.
 */
public final class ForwardAuthCheck implements Middleware {
  /** oxy's {@code HopHeaders}, removed both ways. */
  static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
      "trailers", "transfer-encoding", "upgrade");

  private final URI address;
  private final List<String> requestHeaders;
  private final List<String> responseHeaders;
  private final GoRegex responseHeadersRegex;
  private final Set<String> addCookies;
  private final boolean forwardBody;
  private final long maxBodySize;
  private final boolean preserveLocation;
  private final Optional<io.cairn.gateway.config.Middleware.ClientTls> tls;
  private final String headerField;

  ForwardAuthCheck(io.cairn.gateway.config.Middleware.ForwardAuth config) {
    URI a;
    try {
      a = URI.create(config.address());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("forwardAuth.address " + config.address() + " is not a URL: " + e.getMessage());
    }
    if (!("http".equalsIgnoreCase(a.getScheme()) || "https".equalsIgnoreCase(a.getScheme())) || a.getHost() == null) {
      throw new IllegalArgumentException("forwardAuth.address " + config.address()
          + " is not supported; expected http(s)://host[:port]/path");
    }
    this.tls = "https".equalsIgnoreCase(a.getScheme())
        ? Optional.of(config.tls().orElse(io.cairn.gateway.config.Middleware.ClientTls.DEFAULTS))
        : Optional.empty();
    this.headerField = config.headerField();
    this.address = a;
    this.requestHeaders = config.authRequestHeaders();
    this.responseHeaders = config.authResponseHeaders();
    this.responseHeadersRegex = config.authResponseHeadersRegex().isEmpty() ? null
        : GoRegex.compileUnanchored(config.authResponseHeadersRegex());
    this.addCookies = Set.copyOf(config.addAuthCookiesToResponse());
    this.forwardBody = config.forwardBody();
    this.maxBodySize = config.maxBodySize();
    this.preserveLocation = config.preserveLocationHeader();
  }

  /** The TLS settings towards an {@code https} auth server; empty for {@code http}. */
  public Optional<io.cairn.gateway.config.Middleware.ClientTls> tls() {
    return tls;
  }

  /** The auth server's URL. */
  public URI address() {
    return address;
  }

  /** The origin-form target of the auth request ({@code /} when the address has no path). */
  public String addressTarget() {
    String path = address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath();
    return address.getRawQuery() == null ? path : path + "?" + address.getRawQuery();
  }

  @Override
  public Outcome onRequest(Exchange exchange) {
    return Outcome.CONTINUE;
  }

  /** The headers of the auth request for {@code ex} ({@code Host} is the address's authority). */
  public HeaderMap authRequest(Exchange ex) {
    HeaderMap out = new HeaderMap();
    ex.requestHeaders().forEach((name, value) -> {
      String key = name.toLowerCase(Locale.ROOT);
      if (!HOP.contains(key) && !key.equals("host") && !key.equals("content-length")
          && (requestHeaders.isEmpty() || requestHeaders.stream().anyMatch(name::equalsIgnoreCase))) {
        out.add(name, value);
      }
    });
    out.set("Host", address.getRawAuthority());
    out.set("X-Forwarded-For", ex.remoteIp());
    out.set("X-Forwarded-Method", ex.method());
    out.set("X-Forwarded-Proto", ex.tls() ? "https" : "http");
    if (ex.host().isEmpty()) {
      out.remove("X-Forwarded-Host");
    } else {
      out.set("X-Forwarded-Host", ex.host());
    }
    out.set("X-Forwarded-Uri", ex.requestUri());
    return out;
  }

  /**
   * The auth server answered: go on (its headers copied into the request) or answer the client.
   */
  public Outcome onAnswer(Exchange ex, int status, HeaderMap headers, byte[] body) {
    Objects.requireNonNull(headers, "headers");
    if (status < 200 || status >= 300) {
      HeaderMap h = new HeaderMap();
      headers.forEach((name, value) -> {
        if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase("content-length")) {
          h.add(name, value);
        }
      });
      String location = headers.get("Location");
      if (location != null && !preserveLocation) {
        try {
          h.set("Location", address.resolve(location).toString());
        } catch (IllegalArgumentException e) {
          return Outcome.Respond.text(500, "");
        }
      }
      return new Outcome.Respond(status < 100 ? 500 : status, h, body == null ? new byte[0] : body);
    }
    if (!headerField.isEmpty() && headers.get(headerField) != null) {
      ex.user(headers.get(headerField));
    }
    HeaderMap req = ex.requestHeaders();
    for (String name : responseHeaders) {
      req.remove(name);
      for (String v : headers.getAll(name)) {
        req.add(name, v);
      }
    }
    if (responseHeadersRegex != null) {
      for (String name : req.names()) {
        if (responseHeadersRegex.pattern().matcher(canonical(name)).find()) {
          req.remove(name);
        }
      }
      headers.forEach((name, value) -> {
        if (responseHeadersRegex.pattern().matcher(canonical(name)).find()) {
          req.add(canonical(name), value);
        }
      });
    }
    return Outcome.CONTINUE;
  }

  /** Go's {@code CanonicalMIMEHeaderKey}, the spelling Go's header maps (and so the regex) see. */
  static String canonical(String name) {
    StringBuilder b = new StringBuilder(name.length());
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == ' ' || c > 127) {
        return name; // Go leaves invalid keys as they are
      }
      b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      upper = c == '-';
    }
    return b.toString();
  }

  /** The call to the auth server failed: Traefik answers 500 with no body. */
  public Outcome.Respond onError() {
    return new Outcome.Respond(500, new HeaderMap(), new byte[0]);
  }

  /**
   * The {@code Set-Cookie} values of a 2xx auth answer to add to the response: those whose cookie
   * name {@code addAuthCookiesToResponse} lists.
   */
  public List<String> cookies(HeaderMap authAnswer) {
    List<String> out = new ArrayList<>();
    for (String c : authAnswer.getAll("Set-Cookie")) {
      if (addCookies.contains(cookieName(c))) {
        out.add(c);
      }
    }
    return out;
  }

  /** {@code addAuthCookiesToResponse}: the names of the cookies the auth server sets on the response. */
  public Set<String> cookieNames() {
    return addCookies;
  }

  /** Whether the request body goes to the auth server ({@code forwardBody}). */
  public boolean forwardBody() {
    return forwardBody;
  }

  /** {@code maxBodySize}: the largest body sent with {@code forwardBody}; -1 for Traefik's no limit. */
  public long maxBodySize() {
    return maxBodySize;
  }

  /** The cookie name of a {@code Set-Cookie} value: what comes before the first {@code =}, trimmed. */
  public static String cookieName(String setCookie) {
    int eq = setCookie.indexOf('=');
    return (eq < 0 ? setCookie : setCookie.substring(0, eq)).strip();
  }
}
