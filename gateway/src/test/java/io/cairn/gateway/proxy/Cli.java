package io.cairn.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client binary (curl, h2load) with a time bound; a missing tool fails the test. */
final class Cli {
  record Result(int exit, String out, String err) {}

  private Cli() {}

  static Result run(String... command) throws Exception {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(dir, command[0]));
    }
    assertThat(found).as(command[0] + " must be installed (apt-get install curl nghttp2-client)").isTrue();
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    try {
      Process p = new ProcessBuilder(List.of(command))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(command[0] + " did not finish within 60 s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
          Files.readString(err, StandardCharsets.ISO_8859_1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
