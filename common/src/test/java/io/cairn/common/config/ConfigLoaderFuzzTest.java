package io.cairn.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever bytes the config file holds, loading either succeeds or fails with a one-line message. */
class ConfigLoaderFuzzTest {
  private static Path dir;
  private final ConfigLoader loader = new ConfigLoader(CommonKeys.ALL);

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("cairn-config-fuzz");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "admin:", "\n", "  ", "address: ", "127.0.0.1:1", "log:", "level: ", "format: ",
            "json", "[", "]", "{", "}", "- ", "&a ", "*a", "!!binary ", "'", "\"", ":", "#",
            "data-dir: ", "\t", "~", "null", "99999999999999999999", "<<: ", "---\n", "...\n");
    return Arbitraries.oneOf(
        tokens.list().ofMaxSize(40).map(l -> String.join("", l)),
        Arbitraries.strings().ofMaxLength(200));
  }

  @Property(tries = 400)
  void neverThrowsAnythingButAOneLineConfigException(@ForAll("yamlish") String text) {
    Path f = dir.resolve("c.yaml");
    try {
      Files.writeString(f, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Config c = loader.load(Optional.of(f), Map.of());
      assertThat(c.get(CommonKeys.ADMIN_ADDRESS)).isNotNull();
    } catch (ConfigException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }
}
