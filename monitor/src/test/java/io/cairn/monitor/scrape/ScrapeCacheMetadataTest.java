package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.textparse.MetricType;
import org.junit.jupiter.api.Test;

/** The scrape cache keeps metadata as Prometheus's: merged per family, kept 10 scrapes, bounded. */
class ScrapeCacheMetadataTest {
  @Test
  void mergesTypeHelpAndUnitAndForgetsFamiliesUnseenForTenScrapes() {
    ScrapeCache c = new ScrapeCache();
    c.setHelp("foo", "Foo things.");
    c.setType("foo", MetricType.COUNTER);
    c.setUnit("bar", "seconds");
    c.iterDone(true);
    assertThat(c.get("foo")).contains(new MetricMetadata("foo", MetricType.COUNTER, "Foo things.", ""));
    assertThat(c.get("bar")).contains(new MetricMetadata("bar", MetricType.UNKNOWN, "", "seconds"));
    for (int i = 0; i <= ScrapeCache.METADATA_KEEP_SCRAPES; i++) {
      c.setType("foo", MetricType.COUNTER);
      c.iterDone(true);
    }
    assertThat(c.list()).extracting(MetricMetadata::metric).containsExactly("foo");
  }

  @Test
  void keepsAtMostTheBound() {
    ScrapeCache c = new ScrapeCache();
    for (int i = 0; i <= ScrapeCache.MAX_METADATA; i++) {
      c.setType("m" + i, MetricType.GAUGE);
    }
    assertThat(c.list()).hasSize(ScrapeCache.MAX_METADATA);
    assertThat(c.get("m" + ScrapeCache.MAX_METADATA)).isEmpty();
  }
}
