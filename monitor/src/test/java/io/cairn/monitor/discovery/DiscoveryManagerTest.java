package io.cairn.monitor.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DiscoveryManagerTest {
  /** A discoverer the test publishes through by hand. */
  static final class Manual implements Discoverer {
    volatile Consumer<List<TargetGroup>> publish;

    @Override
    public void start(Consumer<List<TargetGroup>> p) {
      publish = p;
    }

    @Override
    public void close() {}
  }

  @Test
  void mergesJobsAndThrottlesUpdates() throws Exception {
    List<Map<String, List<TargetGroup>>> sent = new CopyOnWriteArrayList<>();
    TargetGroup s = TargetGroup.of("0", List.of("s:1"), Map.of());
    TargetGroup m1 = TargetGroup.of("m", List.of("m:1"), Map.of());
    Manual manual = new Manual();
    try (DiscoveryManager dm = new DiscoveryManager(Duration.ofMillis(100), sent::add)) {
      dm.apply(Map.of("a", List.of(new StaticDiscoverer(List.of(s)), manual)));
      assertThat(dm.snapshot()).containsEntry("a", List.of()); // waits for every discoverer's first publish
      manual.publish.accept(List.of(m1));
      await().atMost(Duration.ofSeconds(10)).until(() -> !sent.isEmpty());
      assertThat(sent.getLast()).isEqualTo(Map.of("a", List.of(s, m1)));

      // a burst of changes is handed over as one (or few) updates, each the full state
      for (int i = 0; i < 20; i++) {
        manual.publish.accept(List.of(TargetGroup.of("m", List.of("m:" + i), Map.of())));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> sent.getLast().get("a").getLast().targets().getFirst().get("__address__").equals("m:19"));
      assertThat(sent.size()).isLessThan(10);

      // re-apply: the job keeps its groups until the new discoverers have published
      Manual next = new Manual();
      dm.apply(Map.of("a", List.of(next)));
      assertThat(dm.snapshot().get("a")).hasSize(2);
      next.publish.accept(List.of(m1));
      assertThat(dm.snapshot().get("a")).containsExactly(m1);

      dm.apply(Map.of());
      await().atMost(Duration.ofSeconds(10)).until(() -> sent.getLast().isEmpty());
    }
  }
}
