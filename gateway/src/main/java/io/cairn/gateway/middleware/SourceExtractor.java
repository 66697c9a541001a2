package io.cairn.gateway.middleware;

import io.cairn.gateway.config.Middleware.SourceCriterion;
import java.util.Optional;
import java.util.function.Function;

/**
 * Traefik's {@code GetSourceExtractor}: what groups requests into one source for {@code
 * rateLimit} and {@code inFlightReq}. An {@code ipStrategy} gives the client IP; else {@code
 * requestHeaderName} gives that header's first value (possibly {@code ""}); else {@code
 * requestHost} gives the host as received. With no criterion the middleware's own default
 * applies (peer IP for {@code rateLimit}, host for {@code inFlightReq}).
 */
final class SourceExtractor {
  private SourceExtractor() {}

  static Function<Exchange, String> of(Optional<SourceCriterion> criterion, boolean defaultToHost) {
    if (criterion.isPresent()) {
      SourceCriterion c = criterion.get();
      if (c.ipStrategy().isPresent()) {
        ClientIp ip = ClientIp.of(c.ipStrategy());
        return ip::get;
      }
      if (!c.requestHeaderName().isEmpty()) {
        String name = c.requestHeaderName();
        return ex -> ex.requestHeaders().get(name);
      }
      if (c.requestHost()) {
        return Exchange::host;
      }
    }
    if (defaultToHost) {
      return Exchange::host;
    }
    ClientIp peer = ClientIp.of(Optional.empty());
    return peer::get;
  }
}
