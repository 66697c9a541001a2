package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.monitor.notifier.Alert;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.Parser;
import io.cairn.tsdb.model.Labels;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert state machine, driven with chosen query results and evaluation times (no clock). */
class AlertingRuleTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Labels SERIES = Labels.of("__name__", "up", "instance", "a", "job", "j");

  private final List<Sample> result = new ArrayList<>();
  private final QueryFunc query = (expr, t) -> result.stream().map(s -> new Sample(s.labels(), t, s.v())).toList();

  private static AlertingRule rule(long forMs, long keepFiringMs, boolean restored) throws Exception {
    return new AlertingRule("Down", Parser.parse("up == 0"), forMs, keepFiringMs, Labels.of("severity", "page"),
        Map.of("summary", "down"), Map.of(), "http://x", restored);
  }

  @Test
  void pendingThenFiringThenResolvedThenForgotten() throws Exception {
    AlertingRule r = rule(300_000, 0, true);
    result.add(new Sample(SERIES, 0, 0));
    List<Sample> out = r.eval(T0, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.PENDING);
    Labels alertLabels = Labels.of("alertname", "Down", "instance", "a", "job", "j", "severity", "page");
    assertThat(out).extracting(Sample::labels).containsExactly(
        alertLabels.toBuilder().set("__name__", "ALERTS").set("alertstate", "pending").build(),
        alertLabels.toBuilder().set("__name__", "ALERTS_FOR_STATE").build());
    assertThat(out.get(1).v()).isEqualTo(T0 / 1000);

    r.eval(T0 + 299_000, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.PENDING);
    out = r.eval(T0 + 300_000, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.FIRING);
    assertThat(out.get(0).labels().get("alertstate")).isEqualTo("firing");
    assertThat(r.activeAlerts()).singleElement().satisfies(a -> {
      assertThat(a.activeAt).isEqualTo(T0);
      assertThat(a.firedAt).isEqualTo(T0 + 300_000);
      assertThat(a.annotations).isEqualTo(Map.of("summary", "down"));
    });

    result.clear();
    out = r.eval(T0 + 360_000, query, 0);
    assertThat(out).isEmpty();
    assertThat(r.state()).isEqualTo(AlertState.INACTIVE);
    assertThat(r.activeAlerts()).isEmpty();
    List<ActiveAlert> all = new ArrayList<>();
    r.forEachAlert(all::add);
    assertThat(all).singleElement().satisfies(a -> assertThat(a.resolvedAt).isEqualTo(T0 + 360_000));

    r.eval(T0 + 360_000 + AlertingRule.RESOLVED_RETENTION_MILLIS, query, 0);
    all.clear();
    r.forEachAlert(all::add);
    assertThat(all).as("kept 15 minutes").hasSize(1);
    r.eval(T0 + 361_000 + AlertingRule.RESOLVED_RETENTION_MILLIS, query, 0);
    all.clear();
    r.forEachAlert(all::add);
    assertThat(all).as("then forgotten").isEmpty();
  }

  @Test
  void aPendingAlertThatDisappearsIsDropped() throws Exception {
    AlertingRule r = rule(300_000, 0, true);
    result.add(new Sample(SERIES, 0, 0));
    r.eval(T0, query, 0);
    result.clear();
    r.eval(T0 + 15_000, query, 0);
    List<ActiveAlert> all = new ArrayList<>();
    r.forEachAlert(all::add);
    assertThat(all).isEmpty();
  }

  @Test
  void keepFiringForKeepsAFiringAlertFiring() throws Exception {
    AlertingRule r = rule(0, 60_000, true);
    result.add(new Sample(SERIES, 0, 0));
    r.eval(T0, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.FIRING);
    result.clear();
    assertThat(r.eval(T0 + 15_000, query, 0)).hasSize(2);
    assertThat(r.state()).isEqualTo(AlertState.FIRING);
    r.eval(T0 + 74_000, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.FIRING);
    r.eval(T0 + 75_000, query, 0);
    assertThat(r.state()).isEqualTo(AlertState.INACTIVE);
  }

  @Test
  void noAlertSeriesBeforeRestore() throws Exception {
    AlertingRule r = rule(0, 0, false);
    result.add(new Sample(SERIES, 0, 0));
    assertThat(r.eval(T0, query, 0)).isEmpty();
    r.setRestored(true);
    assertThat(r.eval(T0 + 15_000, query, 0)).hasSize(2);
  }

  @Test
  void limitDropsEveryAlert() throws Exception {
    AlertingRule r = rule(0, 0, true);
    result.add(new Sample(SERIES, 0, 0));
    result.add(new Sample(SERIES.toBuilder().set("instance", "b").build(), 0, 0));
    assertThatThrownBy(() -> r.eval(T0, query, 1)).hasMessage("exceeded limit of 1 with 2 alerts");
    assertThat(r.activeAlerts()).isEmpty();
  }

  @Test
  void sendsWhenFiringEveryResendDelayAndOnceResolved() throws Exception {
    AlertingRule r = rule(0, 0, true);
    result.add(new Sample(SERIES, 0, 0));
    r.eval(T0, query, 0);
    List<Alert> sent = AlertNotifications.due(r, T0, 60_000, 15_000, "http://x");
    assertThat(sent).singleElement().satisfies(a -> {
      assertThat(a.startsAt()).isEqualTo(Instant.ofEpochMilli(T0));
      assertThat(a.endsAt()).isEqualTo(Instant.ofEpochMilli(T0 + 240_000));
      assertThat(a.generatorUrl()).isEqualTo("http://x/graph?g0.expr=up+%3D%3D+0&g0.tab=1");
      assertThat(a.labels()).containsEntry("alertname", "Down");
    });
    r.eval(T0 + 60_000, query, 0);
    assertThat(AlertNotifications.due(r, T0 + 60_000, 60_000, 15_000, "http://x")).as("not yet due").isEmpty();
    r.eval(T0 + 75_000, query, 0);
    assertThat(AlertNotifications.due(r, T0 + 75_000, 60_000, 15_000, "http://x")).hasSize(1);
    result.clear();
    r.eval(T0 + 90_000, query, 0);
    assertThat(AlertNotifications.due(r, T0 + 90_000, 60_000, 15_000, "http://x")).singleElement()
        .satisfies(a -> assertThat(a.endsAt()).isEqualTo(Instant.ofEpochMilli(T0 + 90_000)));
  }

  @Test
  void duplicateLabelSetsFail() throws Exception {
    AlertingRule r = rule(0, 0, true);
    result.add(new Sample(SERIES, 0, 0));
    result.add(new Sample(SERIES.toBuilder().set("__name__", "other").build(), 0, 0));
    assertThatThrownBy(() -> r.eval(T0, query, 0))
        .hasMessage("vector contains metrics with the same labelset after applying alert labels");
  }

  @Test
  void queryEscapeIsGos() {
    assertThat(AlertNotifications.queryEscape("rate(x[5m]) * 2 ~ a")).isEqualTo("rate%28x%5B5m%5D%29+%2A+2+~+a");
  }
}
