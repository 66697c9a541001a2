package io.cairn.monitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code promtool check config} (Prometheus 2.42) and cairn agree on every corpus file:
 * cairn accepts exactly what promtool accepts. Fails, never skips, when promtool is missing.
 */
class PromtoolConfigIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  static List<Path> corpus() throws IOException {
    return PromtoolConfigCorpus.files();
  }

  @Test
  void promtoolIsInstalled() {
    assertThat(Files.isExecutable(PROMTOOL)).as(PROMTOOL + " (Debian package prometheus) must be installed").isTrue();
  }

  @Test
  void corpusHasBothKinds() throws IOException {
    assertThat(corpus()).anyMatch(PromtoolConfigCorpus::expectedValid).anyMatch(p -> !PromtoolConfigCorpus.expectedValid(p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void promtoolAndCairnAgree(Path file) throws Exception {
    Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "config", file.getFileName().toString())
        .directory(file.getParent().toFile())
        .redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    boolean promtoolAccepts = p.exitValue() == 0;
    assertThat(p.exitValue()).as("promtool exit code; output:\n" + output).isIn(0, 1);
    assertThat(promtoolAccepts).as("promtool's verdict matches the file name; output:\n" + output)
        .isEqualTo(PromtoolConfigCorpus.expectedValid(file));
    String cairnError = null;
    try {
      PromConfig.load(file);
    } catch (ConfigException e) {
      cairnError = e.getMessage();
    }
    assertThat(cairnError == null).as("cairn accepts (cairn: " + cairnError + "; promtool:\n" + output + ")").isEqualTo(promtoolAccepts);
  }
}
