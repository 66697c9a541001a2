package io.cairn.gateway.provider.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.RuleChecker;
import io.cairn.gateway.config.Router;
import io.cairn.gateway.config.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProviderTest {
  static final Validator VALIDATOR = new Validator(RuleChecker.acceptAll(), Optional.empty(), FileProvider.NAME);

  @Test
  void directoryFilesMergeInNameOrderAndTheFirstDefinitionWins(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("b.yml"), "http:\n  routers:\n    r:\n      rule: \"Path(`/b`)\"\n      service: s\n");
    Files.writeString(dir.resolve("a.toml"), "[http.routers.r]\n  rule = \"Path(`/a`)\"\n  service = \"s\"\n");
    Files.createDirectories(dir.resolve("c"));
    Files.writeString(dir.resolve("c").resolve("svc.yaml"),
        "http:\n  services:\n    s:\n      loadBalancer:\n        servers: [{url: \"http://127.0.0.1:1\"}]\n");
    Files.writeString(dir.resolve("notes.txt"), "not: [configuration");
    DynamicSnapshot snap = new FileProvider(List.of(dir), VALIDATOR).load();
    Router r = snap.config().http().routers().get("r");
    assertThat(r.rule()).isEqualTo("Path(`/a`)");
    assertThat(snap.files()).containsExactly(dir.resolve("a.toml"), dir.resolve("b.yml"), dir.resolve("c").resolve("svc.yaml"));
    assertThat(snap.warnings()).singleElement().satisfies(w -> assertThat(w).startsWith("HTTP router already configured, skipping: r"));
    assertThat(snap.origins()).containsEntry("http.services.s", dir.resolve("c").resolve("svc.yaml"));
  }

  @Test
  void problemsNameTheFileThatDefinedTheElement(@TempDir Path dir) throws Exception {
    Path routers = dir.resolve("routers.yml");
    Path services = dir.resolve("services.yml");
    Files.writeString(routers, "http:\n  routers:\n    r:\n      rule: \"Path(`/`)\"\n      service: nope\n");
    Files.writeString(services, "http:\n  services:\n    s:\n      loadBalancer:\n        servers: [{url: \"gopher://x\"}]\n");
    List<ConfigProblem> problems = Validate.files(List.of(routers, services));
    assertThat(problems).containsExactly(
        new ConfigProblem(routers.toString(), "http.routers.r.service", "no service named \"nope\" in the file provider"),
        new ConfigProblem(services.toString(), "http.services.s.loadBalancer.servers[0].url",
            "expected an http, https or h2c URL, got \"gopher://x\""));
  }

  @Test
  void decodeProblemsOfEveryFileAreReported(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yml"), "http: [\n");
    Files.writeString(dir.resolve("b.toml"), "[http.routers.r]\nrule = 5\nbogus = 1\n");
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> new FileProvider(List.of(dir), VALIDATOR).load());
    assertThat(e.problems()).extracting(ConfigProblem::file).containsExactly(
        dir.resolve("a.yml").toString(), dir.resolve("b.toml").toString());
    assertThat(e.problems().get(1)).isEqualTo(new ConfigProblem(dir.resolve("b.toml").toString(), "http.routers.r.bogus",
        "unknown option \"bogus\"; expected one of: entryPoints, middlewares, service, rule, ruleSyntax, priority, tls"));
  }

  @Test
  void missingPathsAreProblems(@TempDir Path dir) {
    Path missing = dir.resolve("missing.yml");
    assertThat(Validate.files(List.of(missing))).containsExactly(new ConfigProblem(missing.toString(), "", "no such file or directory"));
  }
}
