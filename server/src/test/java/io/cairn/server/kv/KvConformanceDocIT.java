package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ties the scenarios to the conformance material, read in place from
 * {@code ../shared/conformance/etcd} next to the repository: every scenario names a section that
 * exists there, and every kv server error string listed there is expected somewhere.
 */
class KvConformanceDocIT {
  private static final Pattern ERROR_BULLET = Pattern.compile("^\\* `(etcdserver: [^`]+)`");

  /** Error strings of the doc that no catalog scenario expects, and why. */
  private static final Map<String, String> EXPECTED_ELSEWHERE =
      Map.of(
          KvErrorsIT.SPACE_EXCEEDED, "KvErrorsIT.nospaceAlarmAndRecovery (needs a fresh server filled to its quota)");


  static Path conformanceDir() {
    return Peers.repoRoot().resolve("../shared/conformance").normalize();
  }

  private static List<String> lines(String file) throws IOException {
    Path path = conformanceDir().resolve(file);
    assertThat(path).as("conformance file (read in place, never copied)").isRegularFile();
    return Files.readAllLines(path);
  }

  @Test
  void everyScenarioNamesASectionOfTheConformanceFiles() throws IOException {
    List<String> headings = new ArrayList<>(lines(Sources.EXPECTED_OUTPUTS));
    headings.addAll(lines(Sources.MANUAL));
    List<Scenario> scenarios = Catalog.all();
    assertThat(scenarios).isNotEmpty();
    for (Scenario scenario : scenarios) {
      assertThat(headings)
          .as("a heading starting with '%s' (source of '%s')", scenario.source(), scenario)
          .anyMatch(line -> line.startsWith(scenario.source()));
    }
  }

  @Test
  void everyGatewayScenarioNamesASectionOfTheConformanceFiles() throws IOException {
    List<String> headings = lines(Sources.EXPECTED_OUTPUTS);
    List<GatewayScenario> scenarios =
        GatewayCatalog.common();
    assertThat(scenarios).isNotEmpty();
    for (GatewayScenario scenario : scenarios) {
      assertThat(headings)
          .as("a heading starting with '%s' (source of '%s')", scenario.source(), scenario)
          .anyMatch(line -> line.startsWith(scenario.source()));
    }
  }

  @Test
  void everyKvServerErrorOfTheExpectedOutputsIsExpectedByAScenario() throws IOException {
    List<String> errors = new ArrayList<>();
    for (String line : lines(Sources.EXPECTED_OUTPUTS)) {
      Matcher m = ERROR_BULLET.matcher(line);
      if (m.find()) {
        errors.add(m.group(1));
      }
    }
    List<String> kvErrors = errors;
    assertThat(kvErrors).as("kv error strings in %s", Sources.EXPECTED_OUTPUTS).hasSizeGreaterThanOrEqualTo(4);

    List<String> expectedByScenarios =
        Catalog.all().stream()
            .flatMap(s -> s.steps().stream())
            .flatMap(step -> Stream.concat(step.expect().errors().stream(), step.expect().stderr().stream()))
            .toList();
    for (String error : kvErrors) {
      if (EXPECTED_ELSEWHERE.containsKey(error)) {
        continue;
      }
      assertThat(expectedByScenarios).as("a scenario expecting '%s'", error).anyMatch(e -> e.contains(error));
    }
  }
}
