package io.cairn.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceGroupTest {
  private final List<String> events = new ArrayList<>();

  private final class Recording implements Service {
    final String name;
    final boolean failOnStart;
    boolean running;

    Recording(String name, boolean failOnStart) {
      this.name = name;
      this.failOnStart = failOnStart;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start() {
      if (failOnStart) {
        events.add("fail " + name);
        throw new IllegalStateException(name + " cannot start");
      }
      running = true;
      events.add("start " + name);
    }

    @Override
    public boolean isReady() {
      return running;
    }

    @Override
    public void stop() {
      running = false;
      events.add("stop " + name);
    }

    @Override
    public List<Endpoint> endpoints() {
      return running ? List.of(new Endpoint(name, "http://x/" + name, "")) : List.of();
    }
  }

  @Test
  void startsInOrderAndStopsInReverse() throws Exception {
    ServiceGroup g = new ServiceGroup(List.of(new Recording("a", false), new Recording("b", false)));
    assertThat(g.notReady()).containsExactly("a", "b");
    g.start();
    assertThat(g.notReady()).isEmpty();
    assertThat(g.endpoints()).extracting(Endpoint::service).containsExactly("a", "b");
    g.stop();
    g.stop(); // idempotent
    assertThat(events).containsExactly("start a", "start b", "stop b", "stop a");
  }

  @Test
  void failedStartStopsWhatAlreadyStarted() {
    ServiceGroup g =
        new ServiceGroup(
            List.of(new Recording("a", false), new Recording("b", true), new Recording("c", false)));
    assertThatThrownBy(g::start).hasMessage("b cannot start");
    assertThat(events).containsExactly("start a", "fail b", "stop a");
    assertThat(g.notReady()).containsExactly("a", "b", "c");
  }
}
