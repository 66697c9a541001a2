package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.config.ConfigKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's answers that do not need a running server: help, version, and every usage error. */
class MainTest {
  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionNamesVersionRevisionAndJava() {
    Result r = run("version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("cairn \\S+ \\(revision \\S+, Java 25[^)]*\\)\\n");
    assertThat(run("--version").out()).isEqualTo(r.out());
  }

  @Test
  void helpListsSubcommandsAndEverySetting() {
    Result top = run("--help");
    assertThat(top.code()).isZero();
    assertThat(top.out()).contains("up", "version");
    Result up = run("up", "--help");
    assertThat(up.code()).isZero();
    String compact = up.out().replaceAll("\\s+", ""); // help text wraps long names across lines
    for (ConfigKey<?> key : UpCommand.KEYS) {
      assertThat(compact).contains(key.flag()).contains(key.path());
    }
    assertThat(up.out()).contains("--config", "Default: 127.0.0.1:9901");
  }

  @Test
  void noSubcommandIsAUsageError() {
    Result r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Usage: cairn").contains("cairn: a subcommand is required");
  }

  @Test
  void unknownFlagIsOneLineExit2() {
    Result r = run("up", "--no-such-flag");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("cairn: Unknown option: '--no-such-flag' (see 'cairn up --help')\n");
  }

  @Test
  void badFlagValueNamesFlagAndExpectation() {
    Result r = run("up", "--admin-address", "nowhere");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cairn: flag --admin-address: expected host:port (for example 127.0.0.1:9901), got"
                + " 'nowhere'\n");
    Result missing = run("up", "--data-dir");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().lines()).singleElement().asString().contains("--data-dir");
  }

  @Test
  void badConfigFileNamesFieldAndExpectation() throws IOException {
    Path f = Files.writeString(tmp.resolve("cairn.yaml"), "log:\n  level: chatty\n");
    Result r = run("up", "--config", f.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "cairn: config file '" + f + "': field 'log.level': expected one of error, warn, info,"
                + " debug, trace, got 'chatty'\n");
  }

  @Test
  void unknownConfigFieldAndBrokenYamlAreOneLine() throws IOException {
    Path unknown = Files.writeString(tmp.resolve("a.yaml"), "kv:\n  port: 1\n");
    Result r1 = run("up", "--config", unknown.toString());
    assertThat(r1.code()).isEqualTo(2);
    assertThat(r1.err()).startsWith("cairn: config file").contains("unknown field 'kv.port'");
    assertThat(r1.err().lines()).hasSize(1);

    Path broken = Files.writeString(tmp.resolve("b.yaml"), "admin: {address: \"x\n");
    Result r2 = run("up", "--config", broken.toString());
    assertThat(r2.code()).isEqualTo(2);
    assertThat(r2.err()).contains("not valid YAML at line").doesNotContain("Exception");
    assertThat(r2.err().lines()).hasSize(1);

    Result r3 = run("up", "--config", tmp.resolve("missing.yaml").toString());
    assertThat(r3.code()).isEqualTo(2);
    assertThat(r3.err()).endsWith("missing.yaml': no such file\n");
  }

  @Test
  void badFileFieldIsAnErrorEvenWhenAFlagOverridesIt() throws IOException {
    // A bad file is an error even when a flag would replace the field: the file is checked whole.
    Path f = Files.writeString(tmp.resolve("c.yaml"), "admin:\n  address: bad\n");
    Result r = run("up", "--config", f.toString(), "--admin-address", "127.0.0.1:0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("field 'admin.address'");
  }
}
