package io.cairn.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.ConfigException;
import io.cairn.common.config.HostPort;
import io.cairn.common.lifecycle.Endpoint;
import io.cairn.common.lifecycle.Service;
import io.cairn.gateway.config.StaticConfig;
import io.cairn.gateway.runtime.GatewayKeys;
import io.cairn.gateway.runtime.GatewayServer;
import io.cairn.kv.server.KvKeys;
import io.cairn.kv.server.KvServer;
import io.cairn.monitor.server.MonitorKeys;
import io.cairn.monitor.server.MonitorServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The gateway of {@code cairn up}, started after kv and the monitor: Traefik's static configuration
 * built from {@link GatewayKeys} (entry points {@code web}, {@code websecure} and {@code traefik} for
 * {@code /metrics}, the file provider watching {@code gateway.config-file} or the starter file of
 * {@link StarterRoutes}), the internal CA under {@code <data-dir>/gateway/pki}.
 */
final class UpGateway implements Service {
  private final Config config;
  private final KvServer kv;
  private final MonitorServer monitor;
  private volatile GatewayServer server;

  UpGateway(Config config, KvServer kv, MonitorServer monitor) {
    this.config = config;
    this.kv = kv;
    this.monitor = monitor;
  }

  @Override
  public String name() {
    return "gateway";
  }

  @Override
  public void start() throws Exception {
    Path dir = config.get(CommonKeys.DATA_DIR).resolve("gateway");
    String file = config.get(GatewayKeys.CONFIG_FILE);
    Path dynamic = file.isEmpty()
        ? StarterRoutes.writeIfMissing(dir.resolve("dynamic.yml"), kvUrl(), monitorUrl())
        : Path.of(file);
    GatewayServer s;
    try {
      s = new GatewayServer(StaticConfig.fromArgs(staticArgs(config, dynamic)), dir.resolve("pki"));
    } catch (io.cairn.gateway.config.ConfigException e) {
      throw new ConfigException("gateway: " + oneLine(e.getMessage()));
    }
    try {
      s.start();
    } catch (io.cairn.gateway.config.ConfigException e) {
      s.stop();
      throw new ConfigException("gateway: " + oneLine(e.getMessage()));
    } catch (java.io.IOException e) {
      s.stop();
      throw busy(e).orElseThrow(() -> e);
    } catch (Exception e) {
      s.stop();
      throw e;
    }
    server = s;
  }

  /** The gateway's static configuration in Traefik's flags, decoded as {@code cairn gateway} decodes them. */
  static List<String> staticArgs(Config config, Path dynamic) {
    return List.of(
        "--entryPoints.web.address=" + config.get(GatewayKeys.WEB_ADDRESS),
        "--entryPoints.websecure.address=" + config.get(GatewayKeys.WEBSECURE_ADDRESS),
        "--entryPoints.traefik.address=" + config.get(GatewayKeys.METRICS_ADDRESS),
        "--metrics.prometheus=true",
        "--providers.file.filename=" + dynamic.toAbsolutePath(),
        "--providers.file.watch=true");
  }

  /**
   * After a failed start: which entry point's address is taken, as {@code cannot listen on ADDRESS for
   * the gateway's NAME entry point: REASON} (Netty's bind error names no address); empty when none is.
   */
  private java.util.Optional<java.net.BindException> busy(java.io.IOException e) {
    for (var key : List.of(GatewayKeys.WEB_ADDRESS, GatewayKeys.WEBSECURE_ADDRESS, GatewayKeys.METRICS_ADDRESS)) {
      HostPort at = config.get(key);
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(at.toSocketAddress());
      } catch (java.io.IOException taken) {
        String name = key.flag().split("\\.")[1];
        return java.util.Optional.of(new java.net.BindException(
            "cannot listen on " + at + " for the gateway's " + name + " entry point: " + taken.getMessage()));
      }
    }
    return java.util.Optional.empty();
  }

  /** kv's JSON gateway: its first client URL, on the port it bound. */
  private String kvUrl() {
    URI first = URI.create(config.get(KvKeys.LISTEN_CLIENT_URLS).getFirst());
    return "http://" + dialable(new HostPort(first.getHost(), kv.clientPort()));
  }

  private String monitorUrl() {
    return "http://" + dialable(new HostPort(config.get(MonitorKeys.LISTEN_ADDRESS).host(), monitor.port()));
  }

  /** Where to connect to reach a listener: the loopback for {@code localhost} and the wildcard addresses. */
  static HostPort dialable(HostPort listen) {
    String host = listen.host();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    host = switch (host) {
      case "localhost", "0.0.0.0" -> "127.0.0.1";
      case "::", "0:0:0:0:0:0:0:0" -> "::1";
      default -> host;
    };
    return new HostPort(host, listen.port());
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
  }

  @Override
  public boolean isReady() {
    GatewayServer s = server;
    return s != null && s.isReady();
  }

  @Override
  public List<Endpoint> endpoints() {
    GatewayServer s = server;
    if (s == null) {
      return List.of();
    }
    return s.endpoints().stream().map(e -> switch (e.serves()) {
      case "entry point websecure" ->
          new Endpoint(e.service(), e.url().replaceFirst("^http:", "https:"), "entry point websecure (TLS, internal CA)");
      case "entry point traefik" -> new Endpoint(e.service(), e.url(), "entry point traefik: /metrics");
      default -> e;
    }).toList();
  }

  @Override
  public void stop() {
    GatewayServer s = server;
    server = null;
    if (s != null) {
      s.stop();
    }
  }
}
