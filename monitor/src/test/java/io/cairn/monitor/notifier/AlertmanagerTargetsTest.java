package io.cairn.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.relabel.Action;
import io.cairn.monitor.relabel.RelabelConfig;
import io.cairn.monitor.scrape.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected URLs are what the real Prometheus 2.42 listed in /api/v1/alertmanagers for the same config. */
class AlertmanagerTargetsTest {
  static SetSettings set(String name, String scheme, String prefix, String api, List<RelabelConfig> relabel) {
    return new SetSettings(name, scheme, prefix, api, Duration.ofSeconds(10), HttpSettings.DEFAULT, relabel);
  }

  @Test
  void activeAndDroppedAsPrometheus() {
    RelabelConfig dropIt = RelabelConfig.of(List.of("__address__"), null, "drop.*", null, null, null, Action.DROP);
    var r = AlertmanagerTargets.resolve(set("config-0", "http", "", "v2", List.of(dropIt)),
        List.of(TargetGroup.of("0", List.of("127.0.0.1:1", "amhost", "drop:9093", "amhost"), Map.of())));
    assertThat(r.active()).containsExactly("http://127.0.0.1:1/api/v2/alerts", "http://amhost/api/v2/alerts");
    assertThat(r.dropped()).containsExactly("http://drop:9093/api/v2/alerts");
    var v1 = AlertmanagerTargets.resolve(set("config-1", "https", "/am", "v1", List.of()),
        List.of(TargetGroup.of("0", List.of("h2"), Map.of())));
    assertThat(v1.active()).containsExactly("https://h2/am/api/v1/alerts");
  }

  @Test
  void relabellingMayRewriteSchemePathAndAddress() {
    RelabelConfig path = RelabelConfig.of(List.of("team"), null, "(.+)", null, "__alerts_path__", "/$1/api/v2/alerts", null);
    RelabelConfig scheme = RelabelConfig.of(List.of(), null, null, null, "__scheme__", "https", null);
    var r = AlertmanagerTargets.resolve(set("config-0", "http", "x/", "v2", List.of(path, scheme)),
        List.of(TargetGroup.of("0", List.of("a:1"), Map.of("team", "ops"))));
    assertThat(r.active()).containsExactly("https://a:1/ops/api/v2/alerts");
  }

  @Test
  void pathPrefixIsCleanedAsGoPathJoin() {
    assertThat(set("c", "http", "am/", "v2", List.of()).postPath()).isEqualTo("/am/api/v2/alerts");
    assertThat(set("c", "http", "/a//b/../c", "v2", List.of()).postPath()).isEqualTo("/a/c/api/v2/alerts");
    assertThat(set("c", "http", "", "v2", List.of()).postPath()).isEqualTo("/api/v2/alerts");
  }

  @Test
  void aGroupWithAnUnknownSchemeWithoutPortFailsAlone() {
    var r = AlertmanagerTargets.resolve(set("config-0", "ftp", "", "v2", List.of()), List.of(
        TargetGroup.of("0", List.of("noport"), Map.of()),
        TargetGroup.of("1", List.of("withport:9093"), Map.of())));
    assertThat(r.active()).containsExactly("ftp://withport:9093/api/v2/alerts");
    assertThat(r.dropped()).isEmpty();
  }

  @Test
  void addressWithSlashFailsTheGroup() {
    var r = AlertmanagerTargets.resolve(set("config-0", "http", "", "v2", List.of()),
        List.of(TargetGroup.of("0", List.of("a:1/x", "b:2"), Map.of())));
    assertThat(r.active()).isEmpty();
  }

  @Test
  void portDetectionAsGoSplitHostPort() {
    assertThat(AlertmanagerTargets.hasPort("a:1")).isTrue();
    assertThat(AlertmanagerTargets.hasPort("[::1]:9093")).isTrue();
    assertThat(AlertmanagerTargets.hasPort("[::1]")).isFalse();
    assertThat(AlertmanagerTargets.hasPort("a")).isFalse();
  }
}
