package io.cairn.monitor.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertQueueTest {
  static List<Alert> alerts(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> new Alert(Map.of("alertname", "a" + i), Map.of(), Instant.EPOCH, null, ""))
        .toList();
  }

  private static List<String> names(List<Alert> alerts) {
    return alerts.stream().map(a -> a.labels().get("alertname")).toList();
  }

  @Test
  void fullQueueDropsTheOldest() {
    AlertQueue q = new AlertQueue(3);
    assertThat(q.push(alerts(0, 2))).isZero();
    assertThat(q.push(alerts(2, 4))).isEqualTo(1);
    assertThat(names(q.take(10))).containsExactly("a1", "a2", "a3");
    assertThat(q.size()).isZero();
  }

  @Test
  void batchLargerThanCapacityKeepsItsNewest() {
    AlertQueue q = new AlertQueue(2);
    q.push(alerts(0, 1));
    assertThat(q.push(alerts(1, 5))).isEqualTo(3);
    assertThat(names(q.take(10))).containsExactly("a3", "a4");
  }

  @Test
  void takeIsBoundedAndInOrder() {
    AlertQueue q = new AlertQueue(100);
    q.push(alerts(0, 70));
    assertThat(names(q.take(64))).hasSize(64).startsWith("a0").endsWith("a63");
    assertThat(names(q.take(64))).containsExactly("a64", "a65", "a66", "a67", "a68", "a69");
    assertThat(q.clear()).isZero();
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new AlertQueue(0)).hasMessageContaining("at least 1");
  }
}
