package io.cairn.gateway.observe.http;

import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.EntryPoint;
import io.cairn.gateway.service.ServiceNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the API shows: the live dynamic configuration, the services built from it (for their
 * servers' health), and the static entry points. One immutable snapshot per API request, read from a
 * supplier the gateway swaps on reload.
 *
 * @param provider the provider's name, the suffix of every name ({@code file})
 * @param services built services by qualified name; a configured service missing here was left out
 * @param entryPoints the static entry points by name
 * @param features Traefik's {@code features} block values: metrics backend ({@code prometheus} or
 *     empty) and whether the access log is on
 * @param started when the gateway started ({@code startDate} of {@code /api/version})
 */
public record ApiState(DynamicConfig config, String provider, Map<String, ServiceNode> services,
    Map<String, EntryPoint> entryPoints, String metrics, boolean accessLog, Instant started) {
  public ApiState {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(provider, "provider");
    services = Map.copyOf(services);
    entryPoints = Map.copyOf(entryPoints);
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(started, "started");
  }

  /** {@code name} with this provider's suffix unless it has one. */
  String qualify(String name) {
    return name.contains("@") ? name : name + "@" + provider;
  }
}
