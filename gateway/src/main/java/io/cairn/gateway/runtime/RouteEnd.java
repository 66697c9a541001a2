package io.cairn.gateway.runtime;

import io.cairn.gateway.middleware.Completion;
import io.cairn.gateway.middleware.Exchange;
import io.cairn.gateway.service.Route;
import java.time.Duration;
import java.util.List;

/** Ends what routing took for a request: the service's counts, unsent mirrors, the middlewares' exchange. */
final class RouteEnd {
  private RouteEnd() {}

  /** A request that never reached the proxy (its mirrors are not sent). */
  static void release(Route route, Exchange exchange, int status, boolean failed) {
    release(route, route.mirrors(), exchange, status, failed, Duration.ZERO);
  }

  /** @param mirrors the mirror routes whose copies were not sent */
  static void release(Route route, List<Route> mirrors, Exchange exchange, int status, boolean failed,
      Duration latency) {
    try {
      route.finished(failed);
    } finally {
      try {
        for (Route mirror : mirrors) {
          mirror.finished(false); // copies not sent: release what routing took
        }
      } finally {
        exchange.complete(new Completion(status, failed, latency));
      }
    }
  }
}
