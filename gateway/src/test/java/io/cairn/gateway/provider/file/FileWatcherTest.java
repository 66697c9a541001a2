package io.cairn.gateway.provider.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.gateway.config.ConfigProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
  private static final long WAIT_SECONDS = 20; // WatchService polls on some platforms; bounded anyway

  private static String router(String path) {
    return "http:\n  routers:\n    r:\n      rule: \"Path(`" + path + "`)\"\n      service: noop@internal\n";
  }

  @Test
  void validChangesAreAppliedAndInvalidOnesRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dynamic.yml");
    Files.writeString(file, router("/one"));
    FileProvider provider = new FileProvider(List.of(dir), FileProviderTest.VALIDATOR);
    DynamicSnapshot initial = provider.load();
    LinkedBlockingQueue<DynamicSnapshot> changes = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<List<ConfigProblem>> errors = new LinkedBlockingQueue<>();
    try (FileWatcher watcher = FileWatcher.start(provider, initial, Duration.ofMillis(100), changes::add, errors::add)) {
      Files.writeString(file, router("/two"));
      DynamicSnapshot changed = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(changed).as("a valid change is applied").isNotNull();
      assertThat(changed.config().http().routers().get("r").rule()).isEqualTo("Path(`/two`)");
      assertThat(watcher.current()).isSameAs(changed);

      Files.writeString(file, "http:\n  routers:\n    r:\n      rule: \"Path(`/three`)\"\n      service: missing\n");
      List<ConfigProblem> problems = errors.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(problems).as("an invalid change is refused").containsExactly(
          new ConfigProblem(file.toString(), "http.routers.r.service", "no service named \"missing\" in the file provider"));
      assertThat(watcher.current()).as("the old snapshot stays").isSameAs(changed);

      Files.createDirectories(dir.resolve("sub"));
      Files.writeString(dir.resolve("sub").resolve("more.toml"), "[http.middlewares.m.addPrefix]\nprefix = \"/p\"\n");
      Files.writeString(file, router("/four"));
      DynamicSnapshot fixed = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(fixed).isNotNull();
      assertThat(fixed.config().http().routers().get("r").rule()).isEqualTo("Path(`/four`)");
      assertThat(fixed.config().http().middlewares()).containsKey("m");
    }
  }

  @Test
  void debounceMustBePositive(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yml"), router("/"));
    FileProvider provider = new FileProvider(List.of(dir), FileProviderTest.VALIDATOR);
    DynamicSnapshot initial = provider.load();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> FileWatcher.start(provider, initial, Duration.ZERO, s -> { }, p -> { }))
        .withMessage("the debounce delay must be positive, got PT0S");
  }
}
