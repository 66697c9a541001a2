package io.cairn.monitor.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TargetLabelsTest {
  private static final TargetLabels.Defaults DEFAULTS = TargetLabels.Defaults.of("node");

  @Test
  void addsDefaultsPortAndInstance() {
    var r = TargetLabels.populate(Labels.of("__address__", "host", "__meta_x", "m", "env", "prod"), DEFAULTS, Function.identity());
    var k = (TargetLabels.Kept) r;
    assertThat((Object) k.labels()).isEqualTo(Labels.of("job", "node", "instance", "host:80", "env", "prod"));
    assertThat(k.url()).hasToString("http://host:80/metrics");
    assertThat(k.interval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(k.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(k.discoveredLabels().get("__scrape_interval__")).isEqualTo("1m");
    assertThat(k.discoveredLabels().get("__scheme__")).isEqualTo("http");
    assertThat(k.discoveredLabels().get("__meta_x")).isEqualTo("m");
  }

  @Test
  void httpsDefaultPortAndParams() {
    var d = new TargetLabels.Defaults("j", "https", "/probe", Duration.ofSeconds(15), Duration.ofSeconds(5),
        Map.of("module", List.of("http_2xx"), "b", List.of("1", "2")));
    var k = (TargetLabels.Kept) TargetLabels.populate(Labels.of("__address__", "h"), d,
        l -> l.toBuilder().set("__param_target", "x y").build());
    assertThat(k.url()).hasToString("https://h:443/probe?b=1&b=2&module=http_2xx&target=x+y");
    assertThat(k.timeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void relabelledIntervalAndInstanceAreKept() {
    var k = (TargetLabels.Kept) TargetLabels.populate(Labels.of("__address__", "h:1"), DEFAULTS,
        l -> l.toBuilder().set("__scrape_interval__", "30s").set("instance", "mine").build());
    assertThat(k.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(k.labels().get("instance")).isEqualTo("mine");
    assertThat(k.toTarget(ScrapeSettings.DEFAULT).interval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void droppedAndInvalidTargets() {
    assertThat(TargetLabels.populate(Labels.of("__address__", "h:1"), DEFAULTS, l -> null))
        .isInstanceOf(TargetLabels.Dropped.class);
    assertThat(TargetLabels.populate(Labels.of("a", "b"), DEFAULTS, Function.identity()))
        .isEqualTo(new TargetLabels.Failed(Labels.of("a", "b", "job", "node", "__metrics_path__", "/metrics",
            "__scheme__", "http", "__scrape_interval__", "1m", "__scrape_timeout__", "10s"), "no address"));
    assertThat(failure(Labels.of("__address__", "h:1/x"))).isEqualTo("\"h:1/x\" is not a valid hostname");
    assertThat(failure(Labels.of("__address__", "h:1", "__scrape_interval__", "5s"))).isEqualTo(
        "scrape timeout cannot be greater than scrape interval (\"10s\" > \"5s\")");
    assertThat(failure(Labels.of("__address__", "h:1", "__scrape_timeout__", "0"))).isEqualTo("scrape timeout cannot be 0");
    assertThat(failure(Labels.of("__address__", "h:1", "__scrape_timeout__", "1x"))).startsWith("error parsing scrape timeout");
    assertThat(failure(Labels.of("__address__", "h", "__scheme__", "ftp"))).startsWith("invalid scheme: \"ftp\"");
    assertThat(failure(Labels.of("__address__", "h:1", "bad-name", "v"))).startsWith("invalid label name \"bad-name\"");
  }

  @Test
  void durationsAsPrometheus() {
    assertThat(GoDurations.goString(Duration.ofSeconds(60))).isEqualTo("1m0s");
    assertThat(GoDurations.goString(Duration.ofMillis(1500))).isEqualTo("1.5s");
    assertThat(GoDurations.goString(Duration.ofMillis(100))).isEqualTo("100ms");
  }

  private static String failure(Labels discovered) {
    return ((TargetLabels.Failed) TargetLabels.populate(discovered, DEFAULTS, Function.identity())).error();
  }
}
