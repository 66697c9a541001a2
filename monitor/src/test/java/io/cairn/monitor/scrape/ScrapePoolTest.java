package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.tsdb.model.Labels;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapePoolTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static ScrapeTarget target(MetricsServer s, Duration interval) {
    return new ScrapeTarget(Labels.of("job", "j", "instance", s.address()), Labels.of("__address__", s.address()),
        s.url(), interval, interval.dividedBy(2), ScrapeSettings.DEFAULT);
  }

  private static Labels series(MetricsServer s, String name) {
    return Labels.of("__name__", name, "job", "j", "instance", s.address());
  }

  @Test
  void syncStartsKeepsRestartsAndStopsLoops() throws Exception {
    RecordingAppendable db = new RecordingAppendable();
    try (MetricsServer a = new MetricsServer(); MetricsServer b = new MetricsServer();
        ScrapeManager m = new ScrapeManager(db, new PrometheusRegistry())) {
      a.body = "x 1\n";
      b.body = "x 2\n";
      ScrapeTarget ta = target(a, Duration.ofMillis(100));
      ScrapeTarget tb = target(b, Duration.ofMillis(100));
      m.sync("j", List.of(ta, tb), List.of(new DroppedTarget(Labels.of("__address__", "gone:1"))));
      await().atMost(WAIT).until(() -> db.samples(series(a, "up")).size() >= 2 && db.samples(series(b, "up")).size() >= 2);
      // a scrape may time out (50 ms) on a loaded machine; the next one brings the target back UP
      await().atMost(WAIT).until(() -> m.activeTargets().get("j").stream().allMatch(t -> t.health() == TargetHealth.UP));
      assertThat(m.activeTargets().get("j")).extracting(ActiveTarget::health).containsOnly(TargetHealth.UP);
      assertThat(m.droppedTargets().get("j")).containsExactly(new DroppedTarget(Labels.of("__address__", "gone:1")));

      ScrapePool pool = m.pool("j");
      ScrapeLoop loopA = pool.loop(ta.key());
      ScrapeLoop loopB = pool.loop(tb.key());
      m.sync("j", List.of(ta, tb.withInterval(Duration.ofMillis(120), Duration.ofMillis(60))));
      assertThat(pool.loop(ta.key())).isSameAs(loopA); // unchanged: kept running
      assertThat(pool.loop(tb.key())).isNotSameAs(loopB); // changed: restarted
      int before = db.samples(series(b, "x")).size();
      await().atMost(WAIT).until(() -> db.samples(series(b, "x")).size() > before);
      assertThat(db.samples(series(b, "x"))).noneMatch(s -> s.isStale()); // cache handed over, no gap markers

      m.sync("j", List.of(tb));
      assertThat(db.samples(series(a, "x")).getLast().isStale()).isTrue();
      assertThat(db.samples(series(a, "up")).getLast().isStale()).isTrue();
      assertThat(m.activeTargets().get("j")).hasSize(1);
    }
    assertThat(db.allSeries()).allMatch(l -> db.samples(l).getLast().isStale()); // close marks everything stale
  }

  @Test
  void poolTargetsGaugeFollowsSync() throws Exception {
    RecordingAppendable db = new RecordingAppendable();
    PrometheusRegistry registry = new PrometheusRegistry();
    try (MetricsServer a = new MetricsServer(); ScrapeManager m = new ScrapeManager(db, registry)) {
      a.body = "x 1\n";
      m.sync("j", List.of(target(a, Duration.ofMillis(100))));
      assertThat(m.pool("j").activeTargets()).hasSize(1);
      var snapshot = registry.scrape();
      var gauge = (io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot) snapshot.stream()
          .filter(s -> s.getMetadata().getName().equals("prometheus_target_scrape_pool_targets"))
          .findFirst().orElseThrow().getDataPoints().getFirst();
      assertThat(gauge.getValue()).isEqualTo(1.0);
      assertThat(gauge.getLabels().get("scrape_job")).isEqualTo("j");
      m.removeJob("j");
      assertThat(m.jobs()).isEmpty();
    }
  }
}
