package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Scrapes the real {@code prometheus-node-exporter} (Debian package, 1.5) twice through a {@link
 * ScrapeLoop}. Fails, never skips, when the exporter is missing.
 */
class NodeExporterScrapeIT {
  private static final Path EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");

  @Test
  void scrapesNodeExporter() throws Exception {
    assertThat(Files.isExecutable(EXPORTER))
        .as("%s must be installed (apt-get install -y prometheus-node-exporter)", EXPORTER)
        .isTrue();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String address = "127.0.0.1:" + port;
    Process exporter = new ProcessBuilder(EXPORTER.toString(), "--web.listen-address=" + address)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    try {
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> accepts(port));
      RecordingAppendable db = new RecordingAppendable();
      Labels targetLabels = Labels.of("job", "node", "instance", address);
      ScrapeTarget target = ScrapeTarget.of(targetLabels, URI.create("http://" + address + "/metrics"),
          Duration.ofSeconds(15), Duration.ofSeconds(10));
      ScrapeLoop loop = new ScrapeLoop(target, HttpClients.build(HttpSettings.DEFAULT), db, new ScrapeCache(),
          new ScrapeMetrics(new PrometheusRegistry()), 0, TimestampAlignment.DEFAULT);
      long t1 = System.currentTimeMillis();
      loop.scrapeOnce(t1);
      loop.scrapeOnce(t1 + 15_000);

      assertThat(loop.status().lastError()).isEmpty();
      Labels up = targetLabels.toBuilder().set("__name__", "up").build();
      assertThat(db.samples(up)).extracting(s -> s.v()).containsExactly(1.0, 1.0);
      assertThat(db.allSeries()).filteredOn(l -> l.metricName().startsWith("node_")).hasSizeGreaterThan(50)
          .allMatch(l -> l.get("job").equals("node") && l.get("instance").equals(address));
      Labels load = targetLabels.toBuilder().set("__name__", "node_load1").build();
      assertThat(db.samples(load)).hasSize(2);
      assertThat(db.last("scrape_samples_scraped").v()).isGreaterThan(100);
      assertThat(db.last("scrape_series_added").v()).isLessThan(db.samples(targetLabels.toBuilder()
          .set("__name__", "scrape_series_added").build()).getFirst().v());
    } finally {
      exporter.destroy();
      if (!exporter.waitFor(10, TimeUnit.SECONDS)) {
        exporter.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
