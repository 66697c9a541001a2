package io.cairn.server;

import io.cairn.common.admin.AdminServer;
import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.lifecycle.DataDirectory;
import io.cairn.common.lifecycle.Service;
import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.metrics.Metrics;
import io.cairn.kv.server.KvServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Which services a command runs, in start order. */
final class Stack {
  private Stack() {}

  /** {@code cairn up}: the data directory, every service that exists, and the admin endpoint. */
  static ServiceGroup up(Config config, Metrics metrics) {
    // monitor and gateway join here as their issues land.
    return withAdmin(config, metrics, List.of(kvService(config, metrics)));
  }

  /** {@code cairn kv}: one etcd member. */
  static ServiceGroup kv(Config config, Metrics metrics) {
    return withAdmin(config, metrics, List.of(kvService(config, metrics)));
  }

  private static Service kvService(Config config, Metrics metrics) {
    return new KvServer(
        config, config.get(CommonKeys.DATA_DIR).resolve("kv"), metrics, () -> ProcessRunner.requestStop("kv member removed"));
  }

  /**
   * The data directory first, then the admin endpoint (cheap to start, so a busy port fails before
   * the services do any work; /readyz answers 503 until they are ready), then the services.
   */
  private static ServiceGroup withAdmin(Config config, Metrics metrics, List<Service> middle) {
    AtomicReference<ServiceGroup> group = new AtomicReference<>();
    List<Service> services = new ArrayList<>();
    services.add(new DataDirectory(config.get(CommonKeys.DATA_DIR)));
    services.add(
        new AdminServer(
            config.get(CommonKeys.ADMIN_ADDRESS),
            metrics.registry(),
            () -> group.get().notReady()));
    services.addAll(middle);
    group.set(new ServiceGroup(services));
    return group.get();
  }
}
