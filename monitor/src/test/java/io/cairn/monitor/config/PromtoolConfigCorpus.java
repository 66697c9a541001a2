package io.cairn.monitor.config;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus under {@code src/test/resources/io/cairn/monitor/config/corpus}: {@code valid-*.yml}
 * files Prometheus 2.42 accepts and {@code invalid-*.yml} files it refuses, with the secrets, TLS
 * files and file SD files they reference, so that promtool's existence checks pass.
 */
final class PromtoolConfigCorpus {
  private PromtoolConfigCorpus() {}

  static Path dir() {
    try {
      return Path.of(PromtoolConfigCorpus.class.getResource("corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
    }
  }

  static boolean expectedValid(Path file) {
    return file.getFileName().toString().startsWith("valid-");
  }
}
