package io.cairn.server;

import io.cairn.common.admin.AdminServer;
import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.config.HostPort;
import io.cairn.common.lifecycle.DataDirectory;
import io.cairn.common.lifecycle.Service;
import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.metrics.Metrics;
import io.cairn.gateway.runtime.GatewayKeys;
import io.cairn.kv.server.KvServer;
import io.cairn.monitor.server.MonitorServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Which services a command runs, in start order. */
final class Stack {
  private Stack() {}

  /**
   * {@code cairn up}: the data directory, the admin endpoint, kv, the monitor and the gateway (last:
   * its starter routes name the ports kv and the monitor bound).
   */
  static ServiceGroup up(Config config, Metrics metrics) {
    HostPort gatewayMetrics = config.get(GatewayKeys.METRICS_ADDRESS);
    // port 0 is bound after the monitor has read its configuration: that gateway is not scraped
    Map<String, HostPort> gatewayJob = gatewayMetrics.port() == 0 ? Map.of() : Map.of("gateway", gatewayMetrics);
    return withAdmin(config, metrics, admin -> {
      KvServer kv = kvService(config, metrics);
      MonitorServer monitor = monitorService(config, metrics, admin, gatewayJob);
      return List.of(kv, monitor, new UpGateway(config, kv, monitor));
    });
  }

  /** {@code cairn kv}: one etcd member. */
  static ServiceGroup kv(Config config, Metrics metrics) {
    return withAdmin(config, metrics, admin -> List.of(kvService(config, metrics)));
  }

  /** {@code cairn monitor}: scraping, ingest and storage. */
  static ServiceGroup monitor(Config config, Metrics metrics) {
    return withAdmin(config, metrics, admin -> List.of(monitorService(config, metrics, admin, Map.of())));
  }

  /**
   * The monitor; its built-in configuration scrapes the admin endpoint on the port it bound (job
   * {@code cairn}) and the {@code more} jobs.
   */
  private static MonitorServer monitorService(Config config, Metrics metrics, AdminServer admin, Map<String, HostPort> more) {
    HostPort configured = config.get(CommonKeys.ADMIN_ADDRESS);
    return new MonitorServer(config, config.get(CommonKeys.DATA_DIR).resolve("monitor"), metrics.registry(), () -> {
      Map<String, HostPort> jobs = new HashMap<>(more);
      jobs.put("cairn", new HostPort(configured.host(), admin.port()));
      return jobs;
    });
  }

  private static KvServer kvService(Config config, Metrics metrics) {
    return new KvServer(
        config, config.get(CommonKeys.DATA_DIR).resolve("kv"), metrics, () -> ProcessRunner.requestStop("kv member removed"));
  }

  /**
   * The data directory first, then the admin endpoint (cheap to start, so a busy port fails before
   * the services do any work; /readyz answers 503 until they are ready), then the services.
   */
  private static ServiceGroup withAdmin(
      Config config, Metrics metrics, java.util.function.Function<AdminServer, List<Service>> middle) {
    AtomicReference<ServiceGroup> group = new AtomicReference<>();
    List<Service> services = new ArrayList<>();
    services.add(new DataDirectory(config.get(CommonKeys.DATA_DIR)));
    AdminServer admin =
        new AdminServer(config.get(CommonKeys.ADMIN_ADDRESS), metrics.registry(), () -> group.get().notReady());
    services.add(admin);
    services.addAll(middle.apply(admin));
    group.set(new ServiceGroup(services));
    return group.get();
  }
}
