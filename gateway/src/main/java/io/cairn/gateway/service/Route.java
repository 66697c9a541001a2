package io.cairn.gateway.service;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where one request goes, as a {@link ServiceNode} decided it.
 *
 * @param target the server the request is proxied to
 * @param setCookies {@code Set-Cookie} values the response must carry (sticky cookies of every
 *     balancer on the way); empty when none
 * @param mirrors copies to send, fire and forget, whose responses are discarded; each must be
 *     {@linkplain #finished finished} too
 * @param mirrorBody whether the mirrors get the request body (Traefik's {@code mirrorBody}, default
 *     true)
 * @param maxMirrorBodyBytes a body larger than this is not mirrored at all; -1 = no limit (Traefik's
 *     {@code maxBodySize} default)
 * @param completion receives whether the request failed for the upstream's sake (no connection,
 *     timeout, broken response): it ends the in-flight counts and feeds passive health
 */
public record Route(
    ServerTarget target,
    List<String> setCookies,
    List<Route> mirrors,
    boolean mirrorBody,
    long maxMirrorBodyBytes,
    Consumer<Boolean> completion) {

  /** Ends the request; call exactly once, with {@code failed} true for an upstream failure. */
  public void finished(boolean failed) {
    completion.accept(failed);
  }

  Route withMirrors(List<Route> m, boolean body, long max) {
    List<Route> all = new java.util.ArrayList<>(mirrors);
    all.addAll(m);
    return new Route(target, setCookies, List.copyOf(all), body, max, completion);
  }

  Route prepend(String cookie, Runnable alsoOnFinish) {
    List<String> cookies = setCookies;
    if (cookie != null) {
      cookies = new java.util.ArrayList<>(setCookies.size() + 1);
      cookies.add(cookie);
      cookies.addAll(setCookies);
      cookies = List.copyOf(cookies);
    }
    Consumer<Boolean> inner = completion;
    return new Route(target, cookies, mirrors, mirrorBody, maxMirrorBodyBytes, failed -> {
      try {
        inner.accept(failed);
      } finally {
        alsoOnFinish.run();
      }
    });
  }
}
