package io.cairn.gateway.runtime;

import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.HostPort;
import io.cairn.common.config.Parsers;
import java.util.List;

/**
 * The gateway's settings in {@code cairn up}, with Traefik's flags for them: the {@code web} and
 * {@code websecure} entry points, the {@code traefik} entry point that serves {@code /metrics}, and
 * the dynamic configuration file. In a cairn config file they sit under {@code gateway:}. ({@code
 * cairn gateway} alone takes Traefik's whole static configuration instead.)
 */
public final class GatewayKeys {
  private GatewayKeys() {}

  public static final ConfigKey<HostPort> WEB_ADDRESS =
      ConfigKey.of("gateway.web-address", "--entryPoints.web.address", Parsers.hostPort(), new HostPort("127.0.0.1", 8000),
          "Where the gateway's web entry point listens (cleartext and TLS on one port).");

  public static final ConfigKey<HostPort> WEBSECURE_ADDRESS =
      ConfigKey.of("gateway.websecure-address", "--entryPoints.websecure.address", Parsers.hostPort(),
          new HostPort("127.0.0.1", 8443),
          "Where the gateway's websecure entry point listens (routers with tls; certificates from the internal CA).");

  public static final ConfigKey<HostPort> METRICS_ADDRESS =
      ConfigKey.of("gateway.metrics-address", "--entryPoints.traefik.address", Parsers.hostPort(),
          new HostPort("127.0.0.1", 8082),
          "Where the gateway serves its Traefik metrics (/metrics); the built-in monitor configuration scrapes it.");

  public static final ConfigKey<String> CONFIG_FILE =
      ConfigKey.of("gateway.config-file", "--providers.file.filename", Parsers.string(), "",
          "Traefik dynamic configuration file (watched). Empty: <data-dir>/gateway/dynamic.yml, written if missing"
              + " with routes to kv (/v3/) and the monitor (everything else).");

  public static final List<ConfigKey<?>> ALL = List.of(WEB_ADDRESS, WEBSECURE_ADDRESS, METRICS_ADDRESS, CONFIG_FILE);
}
