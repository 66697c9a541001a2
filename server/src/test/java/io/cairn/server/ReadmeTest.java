package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigKey;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Keeps the README's configuration table true: every setting, its flag and its default. */
class ReadmeTest {
  @Test
  void everySettingIsDocumentedWithItsDefault() throws IOException {
    String readme = Files.readString(CairnProcess.repoRoot().resolve("README.md"));
    for (ConfigKey<?> key : UpCommand.KEYS) {
      String row =
          "| `" + key.path() + "` | `" + key.flag() + "` | `"
              + ConfigOptions.display(key.defaultValue()) + "` |";
      assertThat(readme).as("README row for %s", key.path()).contains(row);
    }
  }

  @Test
  void namesTheTwoCommandsThatCiRuns() throws IOException {
    String readme = Files.readString(CairnProcess.repoRoot().resolve("README.md"));
    assertThat(readme).contains("`./cairn up`").contains("`./cairn test`");
    String ci = Files.readString(CairnProcess.repoRoot().resolve(".ci/run"));
    assertThat(ci).contains("exec ./cairn test");
  }
}
