package io.cairn.server;

import io.cairn.common.admin.AdminServer;
import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.common.lifecycle.DataDirectory;
import io.cairn.common.lifecycle.Service;
import io.cairn.common.lifecycle.ServiceGroup;
import io.cairn.common.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Which services a command runs, in start order. */
final class Stack {
  private Stack() {}

  /** {@code cairn up}: the data directory, every service that exists, and the admin endpoint. */
  static ServiceGroup up(Config config, Metrics metrics) {
    AtomicReference<ServiceGroup> group = new AtomicReference<>();
    List<Service> services = new ArrayList<>();
    services.add(new DataDirectory(config.get(CommonKeys.DATA_DIR)));
    // Services (kv, monitor, gateway) are added here as their issues land.
    services.add(
        new AdminServer(
            config.get(CommonKeys.ADMIN_ADDRESS),
            metrics.registry(),
            () -> group.get().notReady()));
    group.set(new ServiceGroup(services));
    return group.get();
  }
}
