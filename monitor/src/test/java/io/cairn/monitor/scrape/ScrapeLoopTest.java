package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.textparse.ContentTypes;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScrapeLoopTest {
  @Test
  void reportsUpAndScrapeSeriesWithTargetLabels() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "# TYPE a counter\na_total 1\nb{x=\"y\"} 2\n";
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      long t1 = f.scrape(loop);

      assertThat(f.db.samples(f.series("a_total"))).containsExactly(new Sample(t1, 1));
      assertThat(f.db.samples(f.series("b", "x", "y"))).containsExactly(new Sample(t1, 2));
      assertThat(f.db.samples(f.series("up"))).containsExactly(new Sample(t1, 1));
      assertThat(f.db.last("scrape_samples_scraped").v()).isEqualTo(2);
      assertThat(f.db.last("scrape_samples_post_metric_relabeling").v()).isEqualTo(2);
      assertThat(f.db.last("scrape_series_added").v()).isEqualTo(2);
      assertThat(f.db.last("scrape_duration_seconds").v()).isPositive();
      assertThat(loop.status().health()).isEqualTo(TargetHealth.UP);

      f.scrape(loop);
      assertThat(f.db.last("scrape_series_added").v()).isZero();
      assertThat(f.db.samples(f.series("a_total"))).hasSize(2);
    }
  }

  @Test
  void sendsPrometheusHeaders() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT.withHttp(HttpSettings.DEFAULT.withAuthorization(HttpSettings.bearer("tok")))));
      var h = f.server.lastRequestHeaders;
      assertThat(h.getFirst("Accept")).isEqualTo(ContentTypes.SCRAPE_ACCEPT_HEADER);
      assertThat(h.getFirst("User-Agent")).isEqualTo("Prometheus/2.42.0");
      assertThat(h.getFirst("X-Prometheus-Scrape-Timeout-Seconds")).isEqualTo("1.5");
      assertThat(h.getFirst("Accept-Encoding")).isEqualTo("gzip");
      assertThat(h.getFirst("Authorization")).isEqualTo("Bearer tok");
    }
  }

  @Test
  void vanishedSeriesGetAStaleMarker() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.server.body = "a 1\nb 2\n";
      f.scrape(loop);
      f.server.body = "a 1\n";
      long t2 = f.scrape(loop);
      assertThat(f.db.samples(f.series("b")).getLast()).satisfies(s -> {
        assertThat(s.isStale()).isTrue();
        assertThat(s.t()).isEqualTo(t2);
      });
      assertThat(f.db.samples(f.series("a")).getLast().isStale()).isFalse();
    }
  }

  @Test
  void failedScrapeReportsDownAndMarksPreviousSeriesStale() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.server.body = "a 1\nb 2\n";
      f.scrape(loop);
      f.server.status = 500;
      long t2 = f.scrape(loop);
      assertThat(f.db.samples(f.series("up")).getLast()).isEqualTo(new Sample(t2, 0));
      assertThat(f.db.samples(f.series("a")).getLast().isStale()).isTrue();
      assertThat(f.db.samples(f.series("b")).getLast().isStale()).isTrue();
      assertThat(loop.status().health()).isEqualTo(TargetHealth.DOWN);
      assertThat(loop.status().lastError()).contains("server returned HTTP status 500");
    }
  }

  @Test
  void stopMarksSeriesAndReportSeriesStale() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.server.body = "a 1\n";
      f.scrape(loop);
      long stopAt = f.now + 500;
      loop.markAllStale(stopAt);
      for (String name : List.of("a", "up", "scrape_duration_seconds", "scrape_series_added")) {
        assertThat(f.db.samples(f.series(name)).getLast()).as(name).satisfies(s -> {
          assertThat(s.isStale()).isTrue();
          assertThat(s.t()).isEqualTo(stopAt);
        });
      }
    }
  }

  @Test
  void honorLabelsFalseRenamesConflictsToExported() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a{job=\"inner\",exported_job=\"taken\"} 1\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT));
      assertThat(f.db.series("a")).containsExactly(
          f.series("a", "exported_job", "taken", "exported_exported_job", "inner"));
    }
  }

  @Test
  void honorLabelsTrueKeepsExposedValues() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a{job=\"inner\"} 1\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT.withHonorLabels(true)));
      assertThat(f.db.series("a")).containsExactly(f.series("a", "job", "inner"));
      assertThat(f.db.series("up")).containsExactly(f.series("up")); // report series keep the target's job
    }
  }

  @Test
  void honorTimestampsBothWays() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1 1234\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT));
      assertThat(f.db.samples(f.series("a"))).containsExactly(new Sample(1234, 1));
    }
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1 1234\n";
      long t = f.scrape(f.loop(ScrapeSettings.DEFAULT.withHonorTimestamps(false)));
      assertThat(f.db.samples(f.series("a"))).containsExactly(new Sample(t, 1));
    }
  }

  @Test
  void seriesWithExplicitTimestampsGetNoStaleMarkers() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.server.body = "a 1 1234\nb 1\n";
      f.scrape(loop);
      f.server.body = "";
      f.scrape(loop);
      assertThat(f.db.samples(f.series("a"))).containsExactly(new Sample(1234, 1));
      assertThat(f.db.samples(f.series("b")).getLast().isStale()).isTrue();
    }
  }

  @Test
  void metricRelabelingDropsAndRewrites() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "keep 1\ndrop 2\n";
      MetricRelabeling r = new MetricRelabeling("drop-drop", l -> l.metricName().equals("drop") ? null : l.toBuilder().set("x", "1").build());
      f.scrape(f.loop(ScrapeSettings.DEFAULT.withMetricRelabeling(r)));
      assertThat(f.db.series("keep")).containsExactly(f.series("keep", "x", "1"));
      assertThat(f.db.series("drop")).isEmpty();
      assertThat(f.db.last("scrape_samples_scraped").v()).isEqualTo(2);
      assertThat(f.db.last("scrape_samples_post_metric_relabeling").v()).isEqualTo(1);
      assertThat(f.db.series("up").getFirst().has("x")).isFalse();
    }
  }

  @Test
  void openMetricsIsNegotiatedByContentType() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.contentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";
      f.server.body = "# TYPE a gauge\na 1 1.5\n# EOF\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT));
      assertThat(f.db.samples(f.series("a"))).containsExactly(new Sample(1500, 1)); // seconds, as OpenMetrics
      assertThat(f.db.last("up").v()).isEqualTo(1);
    }
  }

  @Test
  void parseErrorFailsTheScrape() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1\nb{ 2\n";
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.scrape(loop);
      assertThat(f.db.series("a")).isEmpty();
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).isNotEmpty();
    }
  }

  @Test
  void labelsOfReportSeries() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT));
      assertThat(f.db.series("up")).containsExactly(Labels.of("__name__", "up", "job", "test", "instance", f.server.address()));
    }
  }
}
