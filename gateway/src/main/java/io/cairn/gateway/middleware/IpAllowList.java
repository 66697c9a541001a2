package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;

/**
 * {@code ipAllowList}: the client IP (see {@link ClientIp}; a {@code host:port} is split) must be
 * in {@code sourceRange}, else the answer is {@code rejectStatusCode} (default 403) with the
 * status text as body ({@code Forbidden}), as Traefik.
 */
final class IpAllowList implements Middleware {
  private final IpRanges allowed;
  private final ClientIp strategy;
  private final int rejectStatus;

  IpAllowList(IpRanges allowed, ClientIp strategy, int rejectStatus) {
    this.allowed = allowed;
    this.strategy = strategy;
    this.rejectStatus = rejectStatus;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String ip = hostOf(strategy.get(ex));
    if (!ip.isEmpty() && allowed.contains(ip)) {
      return Outcome.CONTINUE;
    }
    return new Outcome.Respond(rejectStatus, new HeaderMap(),
        StatusText.of(rejectStatus).getBytes(StandardCharsets.UTF_8));
  }

  /** Go's {@code net.SplitHostPort} host part when {@code addr} has a port, else {@code addr}. */
  static String hostOf(String addr) {
    if (addr.startsWith("[")) {
      int close = addr.indexOf(']');
      if (close > 0 && addr.length() > close + 1 && addr.charAt(close + 1) == ':') {
        return addr.substring(1, close);
      }
      return addr;
    }
    int colon = addr.indexOf(':');
    if (colon >= 0 && colon == addr.lastIndexOf(':')) {
      return addr.substring(0, colon);
    }
    return addr;
  }
}
