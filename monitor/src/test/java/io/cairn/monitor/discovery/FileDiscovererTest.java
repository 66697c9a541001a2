package io.cairn.monitor.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscovererTest {
  @TempDir Path dir;

  private static List<String> addresses(List<TargetGroup> groups) {
    return groups.stream().flatMap(g -> g.targets().stream()).map(t -> t.get("__address__")).toList();
  }

  @Test
  void readsGlobbedFilesAndReactsToEdits() throws Exception {
    Files.writeString(dir.resolve("a.json"), "[{\"targets\":[\"a:1\"],\"labels\":{\"env\":\"x\"}}]");
    Files.writeString(dir.resolve("b.yml"), "- targets: ['b:1']\n");
    Files.writeString(dir.resolve("ignored.txt"), "nonsense");
    AtomicReference<List<TargetGroup>> seen = new AtomicReference<>();
    try (FileDiscoverer d = new FileDiscoverer(List.of(dir + "/*.json", dir + "/*.yml"), Duration.ofSeconds(2))) {
      d.start(seen::set);
      await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() != null && addresses(seen.get()).size() == 2);
      TargetGroup a = seen.get().getFirst();
      assertThat(a.source()).isEqualTo(dir.resolve("a.json") + ":0");
      assertThat(a.labels()).containsEntry("__meta_filepath", dir.resolve("a.json").toString()).containsEntry("env", "x");

      Files.writeString(dir.resolve("a.json"), "[{\"targets\":[\"a:1\",\"a:2\"]}]");
      await().atMost(Duration.ofSeconds(10)).until(() -> addresses(seen.get()).containsAll(List.of("a:1", "a:2", "b:1")));

      Files.writeString(dir.resolve("a.json"), "[{\"targets\":"); // broken: keeps a's previous groups
      await().atMost(Duration.ofSeconds(10)).until(() -> d.readErrors() > 0);
      assertThat(addresses(seen.get())).containsExactlyInAnyOrder("a:1", "a:2", "b:1");

      Files.delete(dir.resolve("b.yml"));
      await().atMost(Duration.ofSeconds(10)).until(() -> !addresses(seen.get()).contains("b:1"));
      assertThat(addresses(seen.get())).containsExactlyInAnyOrder("a:1", "a:2");
    }
  }

  @Test
  void refusesBadPatterns() {
    assertThatThrownBy(() -> new FileDiscoverer(List.of("/x/*/a.json"), Duration.ofMinutes(5)))
        .hasMessageContaining("is not valid for file discovery");
    assertThatThrownBy(() -> new FileDiscoverer(List.of("/x/a.txt"), Duration.ofMinutes(5)))
        .hasMessageContaining("expected a .json, .yml or .yaml file");
  }
}
