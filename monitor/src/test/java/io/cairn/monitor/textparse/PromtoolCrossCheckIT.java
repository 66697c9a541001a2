package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.common.metrics.Metrics;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real {@code promtool check metrics} (Prometheus 2.42, Debian package {@code prometheus}) and
 * cairn's text-format parser agree on what is valid. promtool parses with client_golang's expfmt,
 * which is stricter than Prometheus's scraper in places (it refuses unknown escapes, negative
 * timestamps are the other way round, and it requires commas between labels); the inputs here are
 * ones where the scraper and promtool agree. Fails, never skips, when promtool is missing.
 */
class PromtoolCrossCheckIT {
  static Stream<Arguments> inputs() throws IOException {
    ByteArrayOutputStream cairn = new ByteArrayOutputStream();
    ExpositionFormats.init().getPrometheusTextFormatWriter().write(cairn, Metrics.create().registry().scrape());
    return Stream.of(
        Arguments.of("node_exporter sample", Entries.resource("node_exporter.prom"), true),
        Arguments.of("cairn's own /metrics", cairn.toByteArray(), true),
        valid("# HELP foo_total x\n# TYPE foo_total counter\nfoo_total{a=\"b\"} 1 123\n"),
        valid("\n\n# a comment\nfoo 1\n\n"),
        valid("  foo 1\n"),
        valid("foo\t1\n"),
        valid("foo{a=\"b\",} 1\n"),
        valid("foo{} 1\n"),
        valid("foo{a=\"x\\\\y\\\"z\\nw\"} 1\n"),
        valid("# HELP foo a\\\\b\\nc\nfoo 1\n"),
        valid("foo 1 1700000000000\n"),
        valid("foo NaN\nbar nan\nbaz +Inf\nqux -Inf\nquux Infinity\n"),
        valid("foo .5\nbar 1e-400\n"),
        valid("foo 1\n# EOF\n"),
        invalid("foo 1x\n"),
        invalid("foo{a=b} 1\n"),
        invalid("# TYPE foo bar\nfoo 1\n"),
        invalid("foo 1 2 3\n"),
        invalid("foo{a=\"b\"\n"),
        invalid("{a=\"b\"} 1\n"),
        invalid("foo 0x1p3\n"),
        invalid("foo{__name__=\"x\"} 1\n"),
        invalid("foo{a=\"1\",a=\"2\"} 1\n"),
        invalid("foo 1e400\n"),
        invalid("foo_total 1 # {a=\"b\"} 1\n"),
        invalid("foo{a=\"b\"}} 1\n"),
        invalid("foo 1 9223372036854775808\n"),
        Arguments.of("invalid UTF-8 label value", new byte[] {'f', '{', 'a', '=', '"', (byte) 0xc3, '"', '}', ' ', '1', '\n'}, false));
  }

  private static Arguments valid(String text) {
    return Arguments.of(text, text.getBytes(StandardCharsets.UTF_8), true);
  }

  private static Arguments invalid(String text) {
    return Arguments.of(text, text.getBytes(StandardCharsets.UTF_8), false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void promtoolAndCairnAgree(String name, byte[] body, boolean valid) throws Exception {
    int exit = promtoolCheckMetrics(body);
    // 0: valid, 3: valid with lint problems (missing help, ...), 1: not parseable
    assertThat(exit).as("promtool exit code").isIn(0, 1, 3);
    assertThat(exit != 1).as("promtool accepts").isEqualTo(valid);
    boolean cairnAccepts;
    try {
      Entries.all(Parser.prometheusText(body));
      cairnAccepts = true;
    } catch (ParseException e) {
      cairnAccepts = false;
    }
    assertThat(cairnAccepts).as("cairn accepts").isEqualTo(valid);
  }

  private static int promtoolCheckMetrics(byte[] body) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "promtool is not installed: run ./cairn test (it installs the Debian package prometheus)", e);
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(body);
    }
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return p.exitValue();
  }
}
