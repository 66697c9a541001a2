package io.cairn.gateway.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs curl and openssl with a time bound; a missing tool fails the test. */
public final class Cli {
  public record Result(int exit, String out, String err) {}

  private Cli() {}

  public static Result run(String stdin, String... command) throws Exception {
    String tool = command[0];
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      found |= Files.isExecutable(Path.of(dir, tool));
    }
    assertThat(found).as(tool + " must be installed (apt-get install curl openssl)").isTrue();
    Path in = Files.createTempFile("cli", ".in");
    Path out = Files.createTempFile("cli", ".out");
    Path err = Files.createTempFile("cli", ".err");
    try {
      Files.writeString(in, stdin);
      Process p = new ProcessBuilder(List.of(command)).redirectInput(in.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(40, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        throw new AssertionError(tool + " did not finish within 40 s");
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
          Files.readString(err, StandardCharsets.ISO_8859_1));
    } finally {
      Files.deleteIfExists(in);
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  public static Result curl(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
    cmd.addAll(List.of(args));
    return run("", cmd.toArray(String[]::new));
  }

  /** {@code openssl s_client} against 127.0.0.1:port with the given extra arguments; stdin closed at once. */
  public static Result sClient(int port, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
    cmd.addAll(List.of(args));
    return run("", cmd.toArray(String[]::new));
  }
}
