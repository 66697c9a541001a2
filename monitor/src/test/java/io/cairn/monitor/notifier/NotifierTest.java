package io.cairn.monitor.notifier;

import static io.cairn.monitor.notifier.AlertQueueTest.alerts;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.relabel.Action;
import io.cairn.monitor.relabel.RelabelConfig;
import io.cairn.monitor.scrape.HttpSettings;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotifierTest {
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final PrometheusRegistry registry = new PrometheusRegistry();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing.reversed()) {
      c.close();
    }
  }

  private AmStub stub() throws Exception {
    AmStub s = new AmStub();
    closing.add(s);
    return s;
  }

  private Notifier notifier(int capacity) {
    Notifier n = new Notifier(capacity, registry, Duration.ofSeconds(10));
    closing.add(n);
    return n;
  }

  private static SetSettings set(String name, HttpSettings http, List<RelabelConfig> relabel) {
    return new SetSettings(name, "http", "", "v2", Duration.ofSeconds(10), http, relabel);
  }

  /** Points the notifier at the stubs, one set each. */
  private static void use(Notifier n, Map<String, String> external, List<RelabelConfig> alertRelabel, AmStub... stubs) {
    List<SetSettings> sets = new ArrayList<>();
    Map<String, List<TargetGroup>> groups = new java.util.HashMap<>();
    for (int i = 0; i < stubs.length; i++) {
      sets.add(set("config-" + i, HttpSettings.DEFAULT, List.of()));
      groups.put("config-" + i, List.of(TargetGroup.of("0", List.of(stubs[i].address()), Map.of())));
    }
    n.apply(new NotifierSettings(external, alertRelabel, sets));
    n.sync(groups);
  }

  private double metric(String name, String url) {
    for (var snap : registry.scrape()) {
      if (!snap.getMetadata().getPrometheusName().equals(name)) {
        continue;
      }
      for (var d : snap.getDataPoints()) {
        if (url == null || url.equals(d.getLabels().get("alertmanager"))) {
          if (d instanceof io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot c) {
            return c.getValue();
          }
          if (d instanceof io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot g) {
            return g.getValue();
          }
        }
      }
    }
    return Double.NaN;
  }

  private static long count(String body) {
    return body.split("\"alertname\"", -1).length - 1L;
  }

  @Test
  void batchesOfAtMost64GoToEveryAlertmanager() throws Exception {
    AmStub a = stub();
    AmStub b = stub();
    Notifier n = notifier(1000);
    use(n, Map.of(), List.of(), a, b);
    n.send(alerts(0, 100));
    for (AmStub s : List.of(a, b)) {
      var first = s.next();
      var second = s.next();
      assertThat(first.path()).isEqualTo("/api/v2/alerts");
      assertThat(first.contentType()).isEqualTo("application/json");
      assertThat(first.userAgent()).isEqualTo("Prometheus/2.42.0");
      assertThat(List.of(count(first.body()), count(second.body()))).containsExactly(64L, 36L);
    }
    n.close();
    String url = "http://" + a.address() + "/api/v2/alerts";
    assertThat(metric("prometheus_notifications_sent", url)).isEqualTo(100);
    assertThat(metric("prometheus_notifications_errors", url)).isZero();
    assertThat(metric("prometheus_notifications_dropped", null)).isZero();
    assertThat(metric("prometheus_notifications_alertmanagers_discovered", null)).isEqualTo(2);
    assertThat(metric("prometheus_notifications_queue_capacity", null)).isEqualTo(1000);
    assertThat(n.alertmanagers().active()).containsExactly(url, "http://" + b.address() + "/api/v2/alerts");
  }

  @Test
  void externalLabelsThenAlertRelabelling() throws Exception {
    AmStub a = stub();
    Notifier n = notifier(10);
    RelabelConfig dropSecret = RelabelConfig.of(null, null, "secret", null, null, null, Action.LABELDROP);
    RelabelConfig dropTest = RelabelConfig.of(List.of("env"), null, "test", null, null, null, Action.DROP);
    RelabelConfig dropAll = RelabelConfig.of(null, null, "alertname|wipe", null, null, null, Action.LABELDROP);
    use(n, Map.of("region", "eu", "env", "prod"), List.of(dropSecret, dropTest, dropAll), a);
    Instant t = Instant.parse("2023-01-01T00:00:00Z");
    n.send(List.of(
        new Alert(Map.of("alertname", "A", "secret", "s", "region", "us"), Map.of(), t, null, ""),
        new Alert(Map.of("alertname", "B", "env", "test"), Map.of(), t, null, ""),
        new Alert(Map.of("wipe", "x"), Map.of(), t, null, ""))); // left with env and region: kept
    String body = a.next().body();
    assertThat(body).isEqualTo("[{\"startsAt\":\"2023-01-01T00:00:00.000Z\",\"labels\":{\"env\":\"prod\",\"region\":\"us\"}},"
        + "{\"startsAt\":\"2023-01-01T00:00:00.000Z\",\"labels\":{\"env\":\"prod\",\"region\":\"eu\"}}]");
  }

  @Test
  void alertsLeftWithoutLabelsAreNotSent() throws Exception {
    AmStub a = stub();
    Notifier n = notifier(10);
    RelabelConfig dropAll = RelabelConfig.of(null, null, ".*", null, null, null, Action.LABELDROP);
    use(n, Map.of(), List.of(dropAll), a);
    n.send(alerts(0, 3));
    n.close();
    assertThat(a.count.get()).isZero();
    assertThat(metric("prometheus_notifications_dropped", null)).isZero();
  }

  @Test
  void failedAttemptsAreRetriedWithinTheTimeout() throws Exception {
    AmStub a = stub().answering(i -> i < 3 ? 503 : 200);
    Notifier n = notifier(10);
    use(n, Map.of(), List.of(), a);
    n.send(alerts(0, 2));
    for (int i = 0; i < 3; i++) {
      assertThat(count(a.next().body())).isEqualTo(2);
    }
    n.close();
    String url = "http://" + a.address() + "/api/v2/alerts";
    assertThat(a.count.get()).isEqualTo(3);
    assertThat(metric("prometheus_notifications_errors", url)).isZero();
    assertThat(metric("prometheus_notifications_dropped", null)).isZero();
  }

  @Test
  void refusedBatchIsNotRetriedAndCountedAsDropped() throws Exception {
    AmStub a = stub().answering(i -> 400);
    Notifier n = notifier(10);
    use(n, Map.of(), List.of(), a);
    n.send(alerts(0, 2));
    assertThat(a.next()).isNotNull();
    n.close();
    String url = "http://" + a.address() + "/api/v2/alerts";
    assertThat(a.count.get()).isEqualTo(1);
    assertThat(metric("prometheus_notifications_errors", url)).isEqualTo(1);
    assertThat(metric("prometheus_notifications_sent", url)).isEqualTo(2);
    assertThat(metric("prometheus_notifications_dropped", null)).isEqualTo(2);
  }

  @Test
  void oneAcceptingAlertmanagerIsEnough() throws Exception {
    AmStub bad = stub().answering(i -> 404);
    AmStub good = stub();
    Notifier n = notifier(10);
    use(n, Map.of(), List.of(), bad, good);
    n.send(alerts(0, 1));
    assertThat(good.next()).isNotNull();
    assertThat(bad.next()).isNotNull();
    n.close();
    assertThat(metric("prometheus_notifications_dropped", null)).isZero();
    assertThat(metric("prometheus_notifications_errors", "http://" + bad.address() + "/api/v2/alerts")).isEqualTo(1);
  }

  @Test
  void withoutAlertmanagersAlertsAreDropped() throws Exception {
    Notifier n = notifier(10);
    n.send(alerts(0, 3));
    n.close();
    assertThat(metric("prometheus_notifications_dropped", null)).isEqualTo(3);
  }

  @Test
  void fullQueueDropsTheOldestWhileSending() throws Exception {
    AmStub a = stub();
    a.hold();
    Notifier n = notifier(3);
    use(n, Map.of(), List.of(), a);
    n.send(alerts(0, 1));
    a.firstArrived.await();
    n.send(alerts(1, 6)); // a1..a5 into a queue of 3: a1 and a2 dropped
    assertThat(metric("prometheus_notifications_queue_length", null)).isEqualTo(3);
    assertThat(metric("prometheus_notifications_dropped", null)).isEqualTo(2);
    a.release();
    assertThat(a.next().body()).contains("\"a0\"");
    String second = a.next().body();
    assertThat(second).contains("\"a3\"", "\"a4\"", "\"a5\"").doesNotContain("\"a1\"", "\"a2\"");
  }

  @Test
  void reloadKeepsQueuedAlertsAndSendsThemToTheNewAlertmanagers() throws Exception {
    AmStub old = stub();
    AmStub fresh = stub();
    old.hold();
    Notifier n = notifier(100);
    use(n, Map.of(), List.of(), old);
    n.send(alerts(0, 1));
    old.firstArrived.await();
    n.send(alerts(1, 4)); // queued behind the batch in flight
    use(n, Map.of(), List.of(), fresh);
    old.release();
    assertThat(old.next().body()).contains("\"a0\"");
    String body = fresh.next().body();
    assertThat(count(body)).isEqualTo(3);
    assertThat(n.alertmanagers().active()).containsExactly("http://" + fresh.address() + "/api/v2/alerts");
  }

  @Test
  void closeDrainsTheQueue() throws Exception {
    AmStub a = stub();
    a.hold();
    Notifier n = notifier(1000);
    use(n, Map.of(), List.of(), a);
    n.send(alerts(0, 1));
    a.firstArrived.await();
    n.send(alerts(1, 100));
    a.release();
    n.close();
    assertThat(a.count.get()).isEqualTo(3); // 1, then 64 and 35
    assertThat(metric("prometheus_notifications_dropped", null)).isZero();
    n.send(alerts(0, 2));
    assertThat(metric("prometheus_notifications_dropped", null)).isEqualTo(2);
  }

  @Test
  void closeGivesUpAfterTheDrainTimeout() throws Exception {
    AmStub a = stub();
    a.hold();
    Notifier n = new Notifier(100, registry, Duration.ofMillis(200));
    use(n, Map.of(), List.of(), a);
    n.send(alerts(0, 1));
    a.firstArrived.await();
    n.send(alerts(1, 5));
    n.close(); // the request in flight never ends: it and the 4 queued are dropped
    assertThat(metric("prometheus_notifications_dropped", null)).isEqualTo(5);
    assertThat(metric("prometheus_notifications_queue_length", null)).isZero();
  }

  @Test
  void authorizationHeaderIsSent() throws Exception {
    AmStub a = stub();
    Notifier n = notifier(10);
    HttpSettings http = HttpSettings.DEFAULT.withAuthorization(HttpSettings.basicAuth("u", "p"));
    n.apply(new NotifierSettings(Map.of(), List.of(), List.of(set("config-0", http, List.of()))));
    n.sync(Map.of("config-0", List.of(TargetGroup.of("0", List.of(a.address()), Map.of()))));
    n.send(alerts(0, 1));
    assertThat(a.next().authorization()).isEqualTo(HttpSettings.basicAuth("u", "p"));
    assertThat(Optional.ofNullable(a.requests.peek())).isEmpty();
  }
}
