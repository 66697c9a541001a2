package io.cairn.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real {@code wrk}, run in the background for a bounded time; missing wrk fails the test. */
final class Wrk {
  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");

  private final Process process;
  private final Path out;
  private final int seconds;

  private Wrk(Process process, Path out, int seconds) {
    this.process = process;
    this.out = out;
    this.seconds = seconds;
  }

  /** Starts {@code wrk -t1 -cCONNECTIONS -dSECONDSs URL} (plain GETs, keep-alive). */
  static Wrk start(String url, int connections, int seconds) throws IOException {
    assertThat(Path.of("/usr/bin/wrk")).as("wrk must be installed (apt-get install wrk)").isExecutable();
    Path out = Files.createTempFile("wrk", ".out");
    Process p = new ProcessBuilder(List.of("/usr/bin/wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
        "--timeout", "5s", url)).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    return new Wrk(p, out, seconds);
  }

  /** Waits for wrk to end (bounded) and returns its report. */
  String await() throws IOException, InterruptedException {
    try {
      if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("wrk did not finish within " + (seconds + 30) + " s");
      }
      String report = Files.readString(out, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(report).isZero();
      return report;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The number of requests a wrk report counts. */
  static long requests(String report) {
    Matcher m = REQUESTS.matcher(report);
    assertThat(m.find()).as(report).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Asserts a report shows neither socket errors nor non-2xx/3xx responses, and some requests. */
  static void assertClean(String report) {
    assertThat(report).as(report).doesNotContain("Socket errors").doesNotContain("Non-2xx or 3xx responses");
    assertThat(requests(report)).as(report).isPositive();
  }
}
