package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import io.cairn.common.text.re2.GoRegex;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traefik's redirect core, shared by {@code redirectRegex} and {@code redirectScheme}: the
 * request's URL (built by {@code rawUrl}) is rewritten by {@code regex}/{@code replacement}; when
 * the regex does not match, or the rewrite leaves the URL unchanged, the request goes on. Else the
 * answer is {@code Location: NEW} with 302 for GET and 307 otherwise, or 301/308 when permanent,
 * and the status text as body ({@code Found}, {@code Moved Permanently}, …).
 */
final class Redirect implements Middleware {
  /** Traefik's {@code uriRegexp}: scheme, host, port and the rest of an absolute URL. */
  static final Pattern URI = Pattern.compile("^(https?):\\/\\/(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$");

  private final GoRegex regex;
  private final String replacement;
  private final boolean permanent;
  private final Function<Exchange, String> rawUrl;

  Redirect(GoRegex regex, String replacement, boolean permanent, Function<Exchange, String> rawUrl) {
    this.regex = regex;
    this.replacement = replacement;
    this.permanent = permanent;
    this.rawUrl = rawUrl;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String oldUrl = rawUrl.apply(ex);
    if (!regex.pattern().matcher(oldUrl).find()) {
      return Outcome.CONTINUE;
    }
    String newUrl = regex.replaceAll(oldUrl, replacement);
    if (newUrl.equals(oldUrl)) {
      return Outcome.CONTINUE;
    }
    boolean get = ex.method().equals("GET");
    int status = permanent ? (get ? 301 : 308) : (get ? 302 : 307);
    HeaderMap h = new HeaderMap().set("Location", newUrl);
    return new Outcome.Respond(status, h, StatusText.of(status).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * {@code redirectRegex}'s URL: scheme ({@code https} under TLS, else {@code http}), the host
   * as received (port included) and the request URI.
   */
  static String regexUrl(Exchange ex) {
    String scheme = ex.tls() ? "https" : "http";
    return scheme + "://" + ex.host() + ex.requestUri();
  }

  /**
   * {@code redirectScheme}'s URL: as {@link #regexUrl} but the port split from the host, the
   * scheme taken from {@code X-Forwarded-Proto} ({@code http}/{@code ws} or {@code
   * https}/{@code wss}, any case; other values ignored), and a default port (80 for http, 443
   * for https) dropped.
   */
  static String schemeUrl(Exchange ex) {
    String scheme = ex.tls() ? "https" : "http";
    String host = ex.host();
    String port = "";
    Matcher hp = Pattern.compile("^(\\[[^\\]]*\\]|[^:\\[\\]]*):(\\d*)$").matcher(host);
    if (hp.matches()) {
      host = hp.group(1);
      port = ":" + hp.group(2);
    }
    String xProto = ex.requestHeaders().get("X-Forwarded-Proto");
    if (xProto.equalsIgnoreCase("http") || xProto.equalsIgnoreCase("ws")) {
      scheme = "http";
    } else if (xProto.equalsIgnoreCase("https") || xProto.equalsIgnoreCase("wss")) {
      scheme = "https";
    }
    if (scheme.equals("http") && port.equals(":80") || scheme.equals("https") && port.equals(":443")) {
      port = "";
    }
    return scheme + "://" + host + port + ex.requestUri();
  }
}
