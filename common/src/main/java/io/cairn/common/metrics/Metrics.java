package io.cairn.common.metrics;

import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The metrics of one cairn process. Create one per process (or per test server) and hand it to every
 * service; thread-safe.
 */
public final class Metrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();

  private Metrics() {}

  /** A registry with JVM and process metrics and {@code cairn_build_info}. */
  public static Metrics create() {
    Metrics m = new Metrics();
    JvmMetrics.builder().register(m.registry);
    BuildInfo build = BuildInfo.current();
    Info.builder()
        .name("cairn_build_info")
        .help("A metric with a constant '1' value labeled by version, revision and Java version.")
        .labelNames("version", "revision", "javaversion")
        .register(m.registry)
        .addLabelValues(build.version(), build.revision(), build.javaVersion());
    return m;
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
