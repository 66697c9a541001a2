package io.cairn.monitor.server;

import io.cairn.monitor.config.KvSdConfig;
import io.cairn.monitor.discovery.Discoverer;

/** Makes the discoverer of a {@code kv_sd_configs} entry. */
interface KvDiscovery {
  Discoverer discoverer(KvSdConfig config);
}
