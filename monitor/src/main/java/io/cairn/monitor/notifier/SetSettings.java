package io.cairn.monitor.notifier;

import io.cairn.monitor.relabel.RelabelConfig;
import io.cairn.monitor.scrape.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One set of Alertmanagers (one {@code alerting.alertmanagers} entry) as the notifier uses it.
 * Immutable.
 *
 * @param name {@code config-<index>}, the key its discovered groups arrive under
 * @param scheme the initial {@code __scheme__} of each discovered Alertmanager
 * @param pathPrefix prepended to {@code /api/<version>/alerts}; may be empty
 * @param apiVersion {@code v1} or {@code v2}
 * @param timeout for sending one batch to one Alertmanager, retries included; positive
 * @param http authorization header, TLS and redirects
 * @param relabelConfigs applied to each discovered Alertmanager's labels
 */
public record SetSettings(String name, String scheme, String pathPrefix, String apiVersion, Duration timeout,
    HttpSettings http, List<RelabelConfig> relabelConfigs) {
  public SetSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(http, "http");
    scheme = scheme == null ? "" : scheme;
    pathPrefix = pathPrefix == null ? "" : pathPrefix;
    if (!"v1".equals(apiVersion) && !"v2".equals(apiVersion)) {
      throw new IllegalArgumentException("api version must be v1 or v2, got " + apiVersion);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    relabelConfigs = List.copyOf(relabelConfigs);
  }

  /** The push path: {@code path.Join("/", prefix, "/api/<version>/alerts")}, as Prometheus's postPath. */
  public String postPath() {
    return cleanPath("/" + pathPrefix + "/api/" + apiVersion + "/alerts");
  }

  /** Go's {@code path.Clean} of an absolute path. */
  static String cleanPath(String p) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (String s : p.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(s);
      }
    }
    return "/" + String.join("/", parts);
  }
}
