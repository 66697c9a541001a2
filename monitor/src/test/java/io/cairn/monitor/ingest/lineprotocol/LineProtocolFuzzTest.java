package io.cairn.monitor.ingest.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cairn.tsdb.model.Label;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Any bytes decode to a result (never an exception, never a hang), and every series that comes out
 * has valid Prometheus names: random bytes, random text over line protocol's special characters, and
 * valid bodies with bytes replaced, inserted, deleted or cut.
 */
class LineProtocolFuzzTest {
  private static final LineProtocolDecoder DECODER = new LineProtocolDecoder();
  private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final String SPECIAL = " ,=\\\"#\n\r\t0123456789.-+eEiutTfF_aé";

  private static final List<String> CORPUS =
      List.of(
          "cpu,host=a,region=eu usage=1.5,count=3i,up=t,msg=\"a \\\"b\\\" c\" 1700000000000000000\n",
          "my\\ m\\,x,k\\=1=v\\ w f\\ k=-1e-3,u=7u\n# comment \"x\n\n  mem f=2 -5\r\n",
          "m s=\"multi\nline\",n=.5 1\nbad line\nm2,t=\"q\" b=FALSE 9223372036854775806\n",
          "C:\\temp,a\\\\=b f=1i 0\ntempérature,ville=Zürich v=21.5\n");

  private static void check(byte[] body) {
    ParseResult r =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> DECODER.decode(body, Precision.NANOSECONDS, 1_000));
    assertThat(r.errors().size()).isLessThanOrEqualTo(r.failedLines());
    assertThat(r.points() + r.failedLines())
        .isLessThanOrEqualTo(1 + (int) countNewlines(body));
    for (LineError e : r.errors()) {
      assertThat(e.reason()).isNotBlank();
      assertThat(e.lineNumber()).isPositive();
    }
    for (SeriesSample s : r.samples()) {
      assertThat(s.labels().metricName()).matches(METRIC);
      for (Label l : s.labels()) {
        assertThat(l.name()).matches(LABEL);
      }
      assertThat(Double.isFinite(s.value())).isTrue();
    }
  }

  private static long countNewlines(byte[] b) {
    long n = 0;
    for (byte c : b) {
      n += c == '\n' ? 1 : 0;
    }
    return n;
  }

  @Property(tries = 1000)
  void randomBytes(@ForAll @Size(max = 300) byte[] body) {
    check(body);
  }

  @Provide
  Arbitrary<String> specialText() {
    return Arbitraries.strings().withChars(SPECIAL.toCharArray()).ofMaxLength(200);
  }

  @Property(tries = 2000)
  void randomText(@ForAll("specialText") String body) {
    check(body.getBytes(StandardCharsets.UTF_8));
  }

  record Edit(int kind, int at, int length, byte b) {}

  @Provide
  Arbitrary<byte[]> mutated() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(1, 8),
                Arbitraries.oneOf(Arbitraries.of(specialBytes()), Arbitraries.bytes()))
            .as(Edit::new);
    return Combinators.combine(Arbitraries.of(CORPUS), edit.list().ofMinSize(1).ofMaxSize(6))
        .as(LineProtocolFuzzTest::apply);
  }

  private static List<Byte> specialBytes() {
    List<Byte> out = new java.util.ArrayList<>();
    for (byte b : SPECIAL.getBytes(StandardCharsets.UTF_8)) {
      out.add(b);
    }
    return out;
  }

  private static byte[] apply(String base, List<Edit> edits) {
    byte[] b = base.getBytes(StandardCharsets.UTF_8);
    for (Edit e : edits) {
      int at = b.length == 0 ? 0 : e.at() % b.length;
      b =
          switch (e.kind()) {
            case 0 -> { // replace
              if (b.length > 0) {
                b[at] = e.b();
              }
              yield b;
            }
            case 1 -> { // insert
              byte[] out = new byte[b.length + 1];
              System.arraycopy(b, 0, out, 0, at);
              out[at] = e.b();
              System.arraycopy(b, at, out, at + 1, b.length - at);
              yield out;
            }
            case 2 -> { // delete
              int n = Math.min(e.length(), b.length - at);
              byte[] out = new byte[b.length - n];
              System.arraycopy(b, 0, out, 0, at);
              System.arraycopy(b, at + n, out, at, b.length - at - n);
              yield out;
            }
            case 3 -> Arrays.copyOf(b, at); // cut
            default -> { // duplicate a piece
              int n = Math.min(e.length(), b.length - at);
              byte[] out = new byte[b.length + n];
              System.arraycopy(b, 0, out, 0, at + n);
              System.arraycopy(b, at, out, at + n, b.length - at);
              yield out;
            }
          };
    }
    return b;
  }

  @Property(tries = 3000)
  void mutatedBodies(@ForAll("mutated") byte[] body) {
    check(body);
  }
}
