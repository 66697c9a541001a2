package io.cairn.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void createsAndLocksExclusively() throws IOException {
    Path dir = tmp.resolve("a/b");
    DataDirectory first = new DataDirectory(dir);
    first.start();
    assertThat(Files.isDirectory(dir)).isTrue();
    assertThat(first.isReady()).isTrue();
    DataDirectory second = new DataDirectory(dir);
    assertThatThrownBy(second::start)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is in use by another cairn process");
    assertThat(second.isReady()).isFalse();
    first.stop();
    second.start();
    assertThat(second.isReady()).isTrue();
    second.stop();
  }

  @Test
  void aFileInTheWayIsReported() throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    assertThatThrownBy(() -> new DataDirectory(file).start())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exists but is not a directory");
  }
}
