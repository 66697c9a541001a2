package io.cairn.gateway.runtime;

import io.cairn.gateway.proxy.ExchangeHooks;
import io.cairn.gateway.service.Route;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;

/**
 * The hooks of one request a service routed: the server URL's path put before the request path
 * (Traefik's {@code singleJoiningSlash}), the sticky cookies added to the response, and the outcome
 * handed back to the service (in-flight counts, passive health).
 */
final class RoutedHooks implements ExchangeHooks {
  private final Route route;
  private final String pathPrefix;

  RoutedHooks(Route route) {
    this.route = route;
    String p = route.target().url().getRawPath();
    this.pathPrefix = p == null || p.equals("/") ? "" : p;
  }

  @Override
  public String target(String clientTarget) {
    return pathPrefix.isEmpty() || !clientTarget.startsWith("/") ? clientTarget : joinSlash(pathPrefix, clientTarget);
  }

  /** Go's {@code singleJoiningSlash}: exactly one slash between the two. */
  static String joinSlash(String a, String b) {
    boolean aSlash = a.endsWith("/");
    boolean bSlash = b.startsWith("/");
    if (aSlash && bSlash) {
      return a + b.substring(1);
    }
    return !aSlash && !bSlash ? a + "/" + b : a + b;
  }

  @Override
  public void responseHead(HttpResponse response) {
    for (String cookie : route.setCookies()) {
      response.headers().add(HttpHeaderNames.SET_COOKIE, cookie);
    }
  }

  @Override
  public void done(boolean failed) {
    route.finished(failed);
    for (Route mirror : route.mirrors()) {
      mirror.finished(false); // mirror copies are not sent yet: release what routing took
    }
  }
}
