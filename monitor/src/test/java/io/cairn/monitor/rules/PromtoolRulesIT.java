package io.cairn.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code promtool check rules} (Prometheus 2.42) and cairn agree on every file of the
 * corpus ({@code src/test/resources/io/cairn/monitor/rules/corpus}: {@code valid-*.yml} and {@code
 * invalid-*.yml}): cairn accepts exactly what promtool accepts, and cairn's errors are promtool's
 * lines (compared as sets, since Prometheus walks labels in Go's random map order), except YAML
 * syntax errors, whose wording differs between yaml.v3 and SnakeYAML (both refuse). Fails, never
 * skips, when promtool is missing. {@code invalid-template.yml} needs {@code AlertTemplates.check}
 * (the template engine) and fails while it is not implemented.
 */
class PromtoolRulesIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  static List<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(PromtoolRulesIT.class.getResource("corpus").toURI());
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
    }
  }

  @Test
  void promtoolIsInstalledAndCorpusHasBothKinds() throws Exception {
    assertThat(Files.isExecutable(PROMTOOL)).as(PROMTOOL + " (Debian package prometheus) must be installed").isTrue();
    assertThat(corpus()).hasSizeGreaterThan(40)
        .anyMatch(p -> p.getFileName().toString().startsWith("valid-"))
        .anyMatch(p -> p.getFileName().toString().startsWith("invalid-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void promtoolAndCairnAgree(Path file) throws Exception {
    String name = file.getFileName().toString();
    Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", name)
        .directory(file.getParent().toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(p.exitValue()).as("promtool exit code; stderr:\n" + stderr).isIn(0, 1);
    boolean promtoolAccepts = p.exitValue() == 0;
    assertThat(promtoolAccepts).as("promtool's verdict matches the file name; stderr:\n" + stderr)
        .isEqualTo(name.startsWith("valid-"));
    List<String> cairnErrors = List.of();
    try {
      RuleFiles.parseFile(file);
    } catch (RuleFileException e) {
      cairnErrors = e.errors();
    }
    assertThat(cairnErrors.isEmpty()).as("cairn accepts (cairn: " + cairnErrors + "; promtool:\n" + stderr + ")")
        .isEqualTo(promtoolAccepts);
    if (promtoolAccepts || stderr.contains(": yaml: line ")) {
      return;
    }
    String prefix = file.getParent() + "/";
    List<String> cairnLines = cairnErrors.stream()
        .map(e -> e.startsWith(prefix) ? e.substring(prefix.length()) : e)
        .flatMap(e -> Arrays.stream(e.split("\n"))).sorted().toList();
    List<String> promtoolLines = Arrays.stream(stderr.split("\n"))
        .filter(l -> !l.isBlank() && !l.strip().equals("FAILED:")).sorted().toList();
    assertThat(cairnLines).as("cairn's errors are promtool's").isEqualTo(promtoolLines);
  }
}
