package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Sample;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScrapeLimitsTest {
  @Test
  void sampleLimitFailsTheWholeScrape() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT.withLimits(ScrapeLimits.NONE.withSampleLimit(2)));
      f.server.body = "a 1\nb 1\n";
      f.scrape(loop);
      f.server.body = "a 2\nb 2\nc 2\n";
      long t2 = f.scrape(loop);
      assertThat(f.db.samples(f.series("up")).getLast()).isEqualTo(new Sample(t2, 0));
      assertThat(f.db.series("c")).isEmpty();
      assertThat(f.db.samples(f.series("a")).getLast().isStale()).isTrue(); // rolled back, then marked stale
      assertThat(f.db.last("scrape_samples_scraped").v()).isEqualTo(3);
      assertThat(loop.status().lastError()).contains("sample limit exceeded");
      assertThat(f.metrics.exceededSampleLimit.get()).isEqualTo(1);
    }
  }

  @Test
  void labelLimitFailsTheScrape() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      // __name__, job, instance and x: 4 labels
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT.withLimits(ScrapeLimits.NONE.withLabelLimits(3, 0, 0)));
      f.server.body = "a{x=\"1\"} 1\n";
      f.scrape(loop);
      assertThat(f.db.series("a")).isEmpty();
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).startsWith("label_limit exceeded (metric: a, number of labels: 4, limit: 3)");
    }
  }

  @Test
  void labelValueLengthLimit() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT.withLimits(ScrapeLimits.NONE.withLabelLimits(0, 0, 40)));
      f.server.body = "a{x=\"" + "v".repeat(41) + "\"} 1\n";
      f.scrape(loop);
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).startsWith("label_value_length_limit exceeded");
    }
  }

  @Test
  void bodySizeLimitFailsTheScrape() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT.withLimits(ScrapeLimits.NONE.withBodySizeLimit(100)));
      f.server.body = "a 1\n".repeat(100);
      f.scrape(loop);
      assertThat(f.db.series("a")).isEmpty();
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).contains("body size limit exceeded");
    }
  }

  @Test
  void bodySizeLimitAppliesToTheDecompressedBody() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT.withLimits(ScrapeLimits.NONE.withBodySizeLimit(1000)));
      f.server.gzip = true;
      f.server.body = "a 1\n".repeat(1000); // compresses far below 1000 bytes
      f.scrape(loop);
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).contains("body size limit exceeded");
    }
  }

  @Test
  void gzipBodiesAreDecoded() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.gzip = true;
      f.server.body = "a 1\nb 2\n";
      f.scrape(f.loop(ScrapeSettings.DEFAULT));
      assertThat(f.db.last("a").v()).isEqualTo(1);
      assertThat(f.db.last("b").v()).isEqualTo(2);
      assertThat(f.db.last("up").v()).isEqualTo(1);
    }
  }

  @Test
  void timeoutReportsDown() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      f.server.body = "a 1\n";
      f.server.delayMillis = 1000;
      ScrapeLoop loop = f.loop(f.target(ScrapeSettings.DEFAULT).withInterval(Duration.ofMillis(200), Duration.ofMillis(100)));
      f.scrape(loop);
      assertThat(f.db.series("a")).isEmpty();
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).contains("context deadline exceeded");
    }
  }

  @Test
  void unreachableTargetReportsDown() throws Exception {
    try (LoopFixture f = new LoopFixture()) {
      ScrapeLoop loop = f.loop(ScrapeSettings.DEFAULT);
      f.server.close();
      f.scrape(loop);
      assertThat(f.db.last("up").v()).isZero();
      assertThat(loop.status().lastError()).startsWith("Get \"" + f.server.url() + "\"");
    }
  }
}
