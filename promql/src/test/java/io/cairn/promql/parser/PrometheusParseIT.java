package io.cairn.promql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser and prettifier against the real Prometheus 2.42 ({@code prometheus} on the PATH or at
 * {@code /usr/bin/prometheus}; fails when it is missing): every expression of
 * {@code prometheus-parse-corpus.txt} through {@code /api/v1/format_query}, where success must equal
 * {@link Printer#pretty} and failure must equal {@link ParseException#getMessage()}.
 */
class PrometheusParseIT {
  @TempDir static Path dir;
  private static Process prometheus;
  private static PromApi api;

  @BeforeAll
  static void start() throws Exception {
    Path binary = Path.of(System.getProperty("prometheus.binary", "/usr/bin/prometheus"));
    assertThat(Files.isExecutable(binary)).as("Prometheus 2.42 binary at %s (see scripts/peers.txt)", binary).isTrue();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 1m\n");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    api = new PromApi("http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (api.get("/api/v1/format_query?query=1").ok()) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      assertThat(prometheus.isAlive()).as("prometheus exited: %s", Files.readString(dir.resolve("prometheus.log"))).isTrue();
      assertThat(System.nanoTime()).as("prometheus did not start within 30s").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
  }

  static List<String> corpus(String resource) throws IOException {
    try (InputStream in = PrometheusParseIT.class.getResourceAsStream(resource)) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
        if (!line.isBlank() && !line.startsWith("##")) {
          out.add(line.replace("\\n", "\n"));
        }
      }
      return out;
    }
  }

  @Test
  void formatQueryMatchesPrometheus() throws Exception {
    List<String> corpus = corpus("prometheus-parse-corpus.txt");
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(150);
    List<String> mismatches = mismatches(corpus);
    System.out.printf("PrometheusParseIT: %d of %d expressions match Prometheus 2.42%n",
        corpus.size() - mismatches.size(), corpus.size());
    assertThat(mismatches).as("expressions where cairn differs from Prometheus").isEmpty();
  }

  @Test
  void knownDifferencesStillDiffer() throws Exception {
    List<String> known = corpus("prometheus-parse-known-differences.txt");
    assertThat(mismatches(known)).as("a known difference is fixed: move it to the corpus").hasSameSizeAs(known);
  }

  private static List<String> mismatches(List<String> corpus) throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (String q : corpus) {
      PromApi.Result want = api.get("/api/v1/format_query?query=" + PromApi.enc(q));
      String wantText = want.ok() ? want.text() : want.text().replaceFirst("^invalid parameter \"query\": ", "");
      PromApi.Result got;
      try {
        got = new PromApi.Result(true, Printer.pretty(Parser.parse(q)));
      } catch (ParseException e) {
        got = new PromApi.Result(false, e.getMessage());
      }
      if (got.ok() != want.ok() || !got.text().equals(wantText)) {
        mismatches.add(q + "\n    prometheus: " + wantText + "\n    cairn:      " + got.text());
      }
    }
    return mismatches;
  }

  @Test
  void queryTypeErrorsMatchPrometheus() throws Exception {
    List<String> queries = List.of("rate(foo)", "sum(foo[5m])", "foo + foo[5m]", "1 and foo", "foo and on(a) group_left bar",
        "-\"a\"", "vector(\"a\")", "abs()", "{}", "{__name__=\"a\", b=\"c\"}[5m] offset 1m[5m:]");
    for (String q : queries) {
      PromApi.Result want = api.get("/api/v1/query?time=0&query=" + PromApi.enc(q));
      assertThat(want.ok()).as(q).isFalse();
      String wantText = want.text().replaceFirst("^invalid parameter \"query\": ", "");
      try {
        Parser.parse(q);
        assertThat(wantText).as("cairn accepted %s", q).isNull();
      } catch (ParseException e) {
        assertThat(e.getMessage()).as(q).isEqualTo(wantText);
      }
    }
  }
}
