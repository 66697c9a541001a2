package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;

/** A server, an appendable and a loop driven by hand ({@link ScrapeLoop#scrapeOnce}), no thread. */
final class LoopFixture implements AutoCloseable {
  final MetricsServer server;
  final RecordingAppendable db = new RecordingAppendable();
  final PrometheusRegistry registry = new PrometheusRegistry();
  final ScrapeMetrics metrics = new ScrapeMetrics(registry);
  long now = System.currentTimeMillis() - 60_000;

  LoopFixture() throws java.io.IOException {
    server = new MetricsServer();
  }

  Labels targetLabels() {
    return Labels.of("job", "test", "instance", server.address());
  }

  ScrapeTarget target(ScrapeSettings settings) {
    return new ScrapeTarget(targetLabels(), Labels.EMPTY, server.url(), Duration.ofSeconds(2), Duration.ofMillis(1500), settings);
  }

  ScrapeLoop loop(ScrapeSettings settings) {
    return loop(target(settings));
  }

  ScrapeLoop loop(ScrapeTarget t) {
    return new ScrapeLoop(t, HttpClients.build(t.settings().http()), db, new ScrapeCache(), metrics, 0, TimestampAlignment.DEFAULT);
  }

  /** Scrapes once, 1 s after the previous scrape time; returns that time. */
  long scrape(ScrapeLoop loop) throws InterruptedException {
    now += 1000;
    loop.scrapeOnce(now);
    return now;
  }

  /** A series with the target labels attached. */
  Labels series(String name, String... more) {
    Labels.Builder b = targetLabels().toBuilder().set(Labels.METRIC_NAME, name);
    for (int i = 0; i < more.length; i += 2) {
      b.set(more[i], more[i + 1]);
    }
    return b.build();
  }

  @Override
  public void close() {
    server.close();
  }
}
