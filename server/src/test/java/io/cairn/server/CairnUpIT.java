package io.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the real {@code ./cairn up}, its admin endpoint checked by the real {@code promtool}
 * (Debian package {@code prometheus}; {@code ./cairn test} installs it, and this test fails rather
 * than skips without it).
 */
class CairnUpIT {
  private static final Duration START = Duration.ofSeconds(90);
  /** The promise: a clean exit within 5 s of SIGTERM or SIGINT. */
  private static final Duration STOP = Duration.ofSeconds(15); // beyond ProcessRunner's 10 s deadline

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  /** {@code cairn up} with its data under {@code data} and every listener on a free port. */
  private CairnProcess up(Path data, String... more) throws IOException {
    return up(UpPorts.pick(), data, more);
  }

  static CairnProcess up(UpPorts ports, Path data, String... more) throws IOException {
    java.util.List<String> args = ports.args(data, more);
    if (!args.contains("--admin-address")) {
      args.addAll(java.util.List.of("--admin-address", "127.0.0.1:0"));
    }
    return CairnProcess.start(args.toArray(String[]::new));
  }

  @AfterEach
  void closeClient() {
    http.close();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String awaitReady(String base) throws Exception {
    long deadline = System.nanoTime() + START.toNanos();
    HttpResponse<String> last = null;
    while (System.nanoTime() < deadline) {
      last = get(base + "/readyz");
      if (last.statusCode() == 200) {
        return last.body();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("/readyz never answered 200; last: " + (last == null ? null : last.body()));
  }

  /** The value of etcd_disk_wal_fsync_duration_seconds_count, or -1 if the metric is missing. */
  private static long fsyncCount(String metrics) {
    var m = java.util.regex.Pattern.compile("(?m)^etcd_disk_wal_fsync_duration_seconds_count (\\d+)").matcher(metrics);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  @Test
  void upServesMetricsThatPromtoolAcceptsAndStopsOnSigterm() throws Exception {
    try (CairnProcess cairn = up(tmp.resolve("data"))) {
      String base = cairn.awaitAdminUrl(START);
      assertThat(awaitReady(base)).isEqualTo("ok\n");
      assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
      assertThat(cairn.out).anySatisfy(l -> assertThat(l).contains("data").contains(tmp.resolve("data").toString()));

      HttpResponse<String> metrics = get(base + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("cairn_build_info{")
          .contains("jvm_threads_current")
          .contains("etcd_server_has_leader 1")
          .contains("etcd_disk_wal_fsync_duration_seconds_bucket{le=\"0.001\"}")
          .contains("etcd_disk_wal_fsync_duration_seconds_bucket{le=\"8.192\"}");
      // the new leader's first entries are fsynced soon after it is elected (readiness may come first)
      assertThat(fsyncCount(metrics.body())).as("fsync count in %s", metrics.body()).isNotNegative();
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      long fsyncs = fsyncCount(metrics.body());
      while (fsyncs == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
        fsyncs = fsyncCount(get(base + "/metrics").body());
      }
      assertThat(fsyncs).as("etcd_disk_wal_fsync_duration_seconds_count within 10 s").isPositive();
      PromtoolResult check = promtoolCheckMetrics(metrics.body());
      assertThat(check.output()).as("promtool check metrics output").isEmpty();
      assertThat(check.exitCode()).as("promtool check metrics exit code").isZero();

      cairn.process.destroy(); // SIGTERM
      assertThat(cairn.awaitExit(STOP)).as("exit code after SIGTERM; %s", cairn).isZero();
      assertThat(cairn.err).noneMatch(l -> l.contains("Exception"));
    }
  }

  @Test
  void sigintAlsoStopsCleanly() throws Exception {
    try (CairnProcess cairn = up(tmp.resolve("data"))) {
      awaitReady(cairn.awaitAdminUrl(START));
      cairn.signal("INT");
      assertThat(cairn.awaitExit(STOP)).as("exit code after SIGINT; %s", cairn).isZero();
    }
  }

  @Test
  void secondProcessOnTheSameDataDirectoryIsRefused() throws Exception {
    Path data = tmp.resolve("shared");
    try (CairnProcess first = up(data)) {
      awaitReady(first.awaitAdminUrl(START));
      try (CairnProcess second = up(data)) {
        assertThat(second.awaitExit(START)).isEqualTo(1);
        assertThat(second.err)
            .as("stderr")
            .containsExactly("cairn: data directory " + data + " is in use by another cairn process (its LOCK file is held)");
      }
      first.process.destroy();
      assertThat(first.awaitExit(STOP)).isZero();
    }
  }

  @Test
  void busyAdminPortIsAOneLineFailure() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CairnProcess cairn = up(tmp.resolve("data"), "--admin-address", "127.0.0.1:" + taken.getLocalPort())) {
      assertThat(cairn.awaitExit(START)).isEqualTo(1);
      assertThat(cairn.err.getLast())
          .startsWith("cairn: cannot listen on 127.0.0.1:" + taken.getLocalPort() + " for the admin endpoint");
      assertThat(cairn.err).as("one error line, no stack trace").filteredOn(l -> l.startsWith("cairn:")).hasSize(1);
      assertThat(cairn.err).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
    }
  }

  record PromtoolResult(int exitCode, String output) {}

  static PromtoolResult promtoolCheckMetrics(String exposition) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "promtool is not installed: run ./cairn test (it installs the Debian package prometheus)", e);
    }
    try (var in = p.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new PromtoolResult(p.exitValue(), output.strip());
  }
}
