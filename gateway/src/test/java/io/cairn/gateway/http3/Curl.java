package io.cairn.gateway.http3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real curl with a time bound; a missing curl fails the test. */
final class Curl {
  record Result(int exit, String out, String err) {}

  private Curl() {}

  static Result run(String... args) throws IOException, InterruptedException {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(dir, "curl"));
    }
    assertThat(found).as("curl must be installed (apt-get install curl)").isTrue();
    List<String> cmd = new ArrayList<>(List.of("curl", "--max-time", "30"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("curl", ".out");
    Path err = Files.createTempFile("curl", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
          .start();
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("curl did not finish within 40 s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
          Files.readString(err, StandardCharsets.ISO_8859_1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
