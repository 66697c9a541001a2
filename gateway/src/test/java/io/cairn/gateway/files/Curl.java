package io.cairn.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real curl with a time bound; a missing curl fails the test. */
final class Curl {
  /** Exit code, body bytes, and stderr (with {@code -v}: the head). */
  record Result(int exit, byte[] body, String err) {
    String text() {
      return new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
  }

  private Curl() {}

  static Result run(String... args) throws IOException, InterruptedException {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(dir, "curl"));
    }
    assertThat(found).as("curl must be installed (apt-get install curl)").isTrue();
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("curl", ".out");
    Path err = Files.createTempFile("curl", ".err");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError("curl did not finish within 40 s");
      }
      return new Result(p.exitValue(), Files.readAllBytes(out), Files.readString(err, java.nio.charset.StandardCharsets.ISO_8859_1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** The value of response header {@code name} in curl's {@code -v} output, or null. */
  static String header(String verbose, String name) {
    String value = null;
    for (String line : verbose.split("\r?\n")) {
      if (line.regionMatches(true, 0, "< " + name + ":", 0, name.length() + 3)) {
        value = line.substring(name.length() + 3).strip();
      }
    }
    return value;
  }

  /** The status code of the last response in curl's {@code -v} output. */
  static int status(String verbose) {
    int status = -1;
    for (String line : verbose.split("\r?\n")) {
      if (line.startsWith("< HTTP/")) {
        status = Integer.parseInt(line.split(" ")[2].strip());
      }
    }
    return status;
  }
}
