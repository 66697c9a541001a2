package io.cairn.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cairn's {@code fileServer} service kind: decoding, defaults and validation. */
class FileServerServiceConfigTest {
  private final Validator validator = new Validator(RuleChecker.acceptAll(), Optional.empty(), "file");

  @Test
  void decodesWithCaddysDefaults(@TempDir Path root) throws ConfigException {
    DynamicConfig c = DynamicConfig.parse("""
        http:
          routers:
            r: {rule: "PathPrefix(`/`)", service: files}
          services:
            files:
              fileServer:
                root: "%s"
        """.formatted(root), "f.yml");
    assertThat(c.http().services().get("files"))
        .isEqualTo(new Service.FileServer(root.toString(), false, List.of("index.html", "index.txt"), List.of()));
    assertThat(validator.check(c)).isEmpty();
  }

  @Test
  void decodesEveryOption(@TempDir Path root) throws ConfigException {
    DynamicConfig c = DynamicConfig.parse("""
        [http.services.files.fileServer]
          root = "%s"
          browse = true
          index = ["home.html"]
          precompressed = ["br", "gzip"]
        """.formatted(root), "f.toml");
    assertThat(c.http().services().get("files"))
        .isEqualTo(new Service.FileServer(root.toString(), true, List.of("home.html"), List.of("br", "gzip")));
  }

  @Test
  void refusesAMissingRootBadIndexNamesAndUnknownEncodings(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("plain.txt"), "x");
    DynamicConfig c = DynamicConfig.parse("""
        http:
          services:
            a: {fileServer: {root: "%s"}}
            b: {fileServer: {root: "%s", index: ["../x"], precompressed: [deflate]}}
            c: {fileServer: {browse: true}}
        """.formatted(dir.resolve("missing"), file), "f.yml");
    assertThat(validator.check(c)).extracting(ConfigProblem::key, ConfigProblem::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("http.services.a.fileServer.root",
            "\"" + dir.resolve("missing") + "\" is not an existing directory; expected the directory to serve"),
        org.assertj.core.groups.Tuple.tuple("http.services.b.fileServer.root",
            "\"" + file + "\" is not an existing directory; expected the directory to serve"),
        org.assertj.core.groups.Tuple.tuple("http.services.b.fileServer.index[0]",
            "expected a plain file name such as index.html, got \"../x\""),
        org.assertj.core.groups.Tuple.tuple("http.services.b.fileServer.precompressed[0]",
            "expected gzip, br or zstd, got \"deflate\""),
        org.assertj.core.groups.Tuple.tuple("http.services.c.fileServer.root", "a root directory is required"));
  }

  @Test
  void unknownOptionsAreErrors() {
    ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
        () -> DynamicConfig.parse("http:\n  services:\n    s:\n      fileServer: {root: /tmp, hide: [x]}\n", "f.yml"));
    assertThat(e.problems()).extracting(ConfigProblem::key).contains("http.services.s.fileServer.hide");
  }
}
