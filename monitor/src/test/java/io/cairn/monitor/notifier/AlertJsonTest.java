package io.cairn.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
  private static final Alert FIRING = new Alert(Map.of("alertname", "High", "b", "x\"y"), Map.of("summary", "ü <b>"),
      Instant.parse("2023-01-02T03:04:05.678901Z"), Instant.parse("2023-01-02T03:08:05Z"), "http://p:9090/graph?g0.expr=up");

  @Test
  void v2IsAlertmanagersPostableAlertsInSwaggerOrder() {
    Alert bare = new Alert(Map.of("alertname", "B"), Map.of(), Instant.parse("2023-01-02T03:04:05Z"), null, "");
    assertThat(AlertJson.v2(List.of(FIRING, bare))).isEqualTo(
        "[{\"annotations\":{\"summary\":\"ü \\u003cb\\u003e\"},\"endsAt\":\"2023-01-02T03:08:05.000Z\","
            + "\"startsAt\":\"2023-01-02T03:04:05.678Z\",\"generatorURL\":\"http://p:9090/graph?g0.expr=up\","
            + "\"labels\":{\"alertname\":\"High\",\"b\":\"x\\\"y\"}},"
            + "{\"startsAt\":\"2023-01-02T03:04:05.000Z\",\"labels\":{\"alertname\":\"B\"}}]");
  }

  @Test
  void v1IsPrometheusOwnAlert() {
    assertThat(AlertJson.v1(List.of(FIRING))).isEqualTo(
        "[{\"labels\":{\"alertname\":\"High\",\"b\":\"x\\\"y\"},\"annotations\":{\"summary\":\"ü \\u003cb\\u003e\"},"
            + "\"startsAt\":\"2023-01-02T03:04:05.678901Z\",\"endsAt\":\"2023-01-02T03:08:05Z\","
            + "\"generatorURL\":\"http://p:9090/graph?g0.expr=up\"}]");
  }

  @Test
  void emptyBatchIsEmptyArray() {
    assertThat(AlertJson.v2(List.of())).isEqualTo("[]");
  }
}
