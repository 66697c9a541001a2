package io.cairn.gateway.config;

import java.util.Map;

/**
 * The dynamic {@code http} section. Maps keep the order of the source; names are as written
 * (without a {@code @provider} suffix; the provider's name is added by whoever combines providers).
 */
public record HttpConfig(
    Map<String, Router> routers,
    Map<String, Service> services,
    Map<String, Middleware> middlewares,
    Map<String, ServersTransport> serversTransports) {

  public HttpConfig {
    routers = Checks.map(routers);
    services = Checks.map(services);
    middlewares = Checks.map(middlewares);
    serversTransports = Checks.map(serversTransports);
  }

  public static HttpConfig empty() {
    return new HttpConfig(Map.of(), Map.of(), Map.of(), Map.of());
  }
}
