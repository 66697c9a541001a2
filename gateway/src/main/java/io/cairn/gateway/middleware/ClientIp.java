package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Middleware.IpStrategy;
import java.util.Optional;

/**
 * Traefik's {@code ip.Strategy}: which address is "the client". No strategy, or one with neither
 * depth nor excluded IPs: the peer address. {@code depth > 0}: the depth-th entry from the right
 * of the first {@code X-Forwarded-For} header ({@code ""} when there are fewer). Excluded IPs:
 * the rightmost non-empty entry not in the excluded set ({@code ""} when none). Thread-safe.
 */
final class ClientIp {
  private final int depth;
  private final IpRanges excluded;

  private ClientIp(int depth, IpRanges excluded) {
    this.depth = depth;
    this.excluded = excluded;
  }

  static ClientIp of(Optional<IpStrategy> strategy) {
    if (strategy.isEmpty()) {
      return new ClientIp(0, null);
    }
    IpStrategy s = strategy.get();
    if (s.depth() > 0) {
      return new ClientIp(s.depth(), null);
    }
    if (!s.excludedIPs().isEmpty()) {
      return new ClientIp(0, IpRanges.of(s.excludedIPs()));
    }
    return new ClientIp(0, null);
  }

  String get(Exchange ex) {
    if (depth > 0) {
      String[] xff = ex.requestHeaders().get("X-Forwarded-For").split(",", -1);
      return xff.length < depth ? "" : xff[xff.length - depth].strip();
    }
    if (excluded != null) {
      String[] xff = ex.requestHeaders().get("X-Forwarded-For").split(",", -1);
      for (int i = xff.length - 1; i >= 0; i--) {
        String ip = xff[i].strip();
        if (!ip.isEmpty() && !excluded.contains(ip)) {
          return ip;
        }
      }
      return "";
    }
    return ex.remoteIp();
  }
}
