package io.cairn.monitor.textparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the bytes, both parsers end: EOF after at most one entry per line, or a ParseException
 * with a one-line message and a location inside the input; never another exception.
 */
class TextParseFuzzTest {
  private static final List<byte[]> SAMPLES =
      List.of(
          Entries.resource("node_exporter.prom"),
          Entries.utf8(
              """
              # TYPE foo histogram
              # UNIT foo seconds
              # HELP foo A "help" with \\\\ and \\n.
              foo_bucket{le="0.1",path="/a\\"b"} 8 # {trace_id="KOO5S4vxi0o"} 0.67 1520879607.789
              foo_bucket{le="+Inf",path="/a\\"b"} 17
              foo_count 17 1520879607.789
              foo_sum 324789.3
              foo_created 1520430000.123
              # TYPE s stateset
              s{s="a"} 1.0
              # EOF
              """));

  private static final List<String> TOKENS =
      List.of(
          "foo", "foo_total", "_bucket", "le", "a", "{", "}", "=", "\"", "\\", "\\\"", "\\n", ",", " ", "  ", "\t",
          "\n", "\r\n", "#", "# ", "HELP ", "TYPE ", "UNIT ", "EOF", "# EOF", "# {", "counter", "untyped", "1",
          "-1", "1.5e3", "1e400", "NaN", "+Inf", "-inf", "0x1p3", ".", "1520879607.789", "9223372036854775808",
          "é", "\u0000", "\uFFFD", "💥", ":", "__name__");

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
  }

  @Provide
  Arbitrary<byte[]> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(l -> Entries.utf8(String.join("", l)));
  }

  /** One edit of a sample: delete, insert a token, overwrite a byte, duplicate or truncate. */
  record Mutation(int kind, int at, int length, String token, byte value) {
    byte[] apply(byte[] in) {
      int pos = in.length == 0 ? 0 : Math.floorMod(at, in.length + 1);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int end = Math.min(in.length, pos + length);
      switch (kind) {
        case 0 -> { // delete
          out.write(in, 0, pos);
          out.write(in, end, in.length - end);
        }
        case 1 -> { // insert a token
          out.write(in, 0, pos);
          out.writeBytes(token.getBytes(StandardCharsets.UTF_8));
          out.write(in, pos, in.length - pos);
        }
        case 2 -> { // overwrite one byte
          out.writeBytes(in);
          byte[] b = out.toByteArray();
          if (pos < b.length) {
            b[pos] = value;
          }
          return b;
        }
        case 3 -> { // duplicate a slice
          out.write(in, 0, end);
          out.write(in, pos, end - pos);
          out.write(in, end, in.length - end);
        }
        default -> out.write(in, 0, pos); // truncate
      }
      return out.toByteArray();
    }
  }

  @Provide
  Arbitrary<byte[]> mutated() {
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers(),
                Arbitraries.integers().between(0, 40),
                Arbitraries.of(TOKENS),
                Arbitraries.bytes())
            .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(SAMPLES), mutation.list().ofMinSize(1).ofMaxSize(6))
        .as((sample, edits) -> {
          byte[] b = sample;
          for (Mutation m : edits) {
            b = m.apply(b);
          }
          return b;
        });
  }

  @Property(tries = 1000)
  void randomBytes(@ForAll("randomBytes") byte[] body) {
    drainBoth(body);
  }

  @Property(tries = 1000)
  void tokenSoup(@ForAll("tokenSoup") byte[] body) {
    drainBoth(body);
  }

  @Property(tries = 1000)
  void mutatedSamples(@ForAll("mutated") byte[] body) {
    drainBoth(body);
  }

  /**
   * Deferred labels change nothing: the same entries, errors and series accessors as eager parsing;
   * but a line that has both a repeated label name (or too many labels) and a later syntax error
   * reports the syntax error, as Prometheus does (its lexer runs before labels are built).
   */
  @Property(tries = 1000)
  void deferredLabelsParseAsEager(@ForAll("mutated") byte[] body) {
    for (Limits limits : List.of(Limits.DEFAULT, new Limits(64, 2))) {
      List<String> deferred = outline(Parser.prometheusText(body, limits).deferSeriesLabels());
      List<String> eager = outline(Parser.prometheusText(body, limits));
      if (!deferred.equals(eager)) {
        assertThat(eager.getLast()).matches("error (duplicate label name|more than the limit).*");
        assertThat(deferred.getLast()).startsWith("error ");
        assertThat(deferred.subList(0, deferred.size() - 1)).isEqualTo(eager.subList(0, eager.size() - 1));
      }
    }
  }

  /** Each entry with its series accessors, then EOF or the error message. */
  private static List<String> outline(Parser p) {
    List<String> out = new java.util.ArrayList<>();
    try {
      for (EntryKind k = p.next(); k != EntryKind.EOF; k = p.next()) {
        Entry e = p.entry();
        out.add(e.toString());
        if (k == EntryKind.SERIES) {
          Entry.Series s = (Entry.Series) e;
          out.add(new String(p.seriesKey(), StandardCharsets.UTF_8) + " " + p.seriesKeyHash() + " "
              + java.util.Arrays.hashCode(p.seriesKey()) + " " + p.seriesKeyEquals(p.seriesKey()) + " "
              + Double.doubleToRawLongBits(p.seriesValue()) + " " + p.seriesHasTimestamp() + " " + p.seriesTimestamp()
              + " " + p.seriesLabels().equals(s.labels()) + " " + s.timestampMillis());
        }
      }
      out.add("EOF");
    } catch (ParseException e) {
      out.add("error " + e.getMessage());
    }
    return out;
  }

  private static void drainBoth(byte[] body) {
    drain(Parser.prometheusText(body), body);
    drain(Parser.openMetrics(body), body);
    drain(Parser.prometheusText(body, new Limits(64, 2)), body);
  }

  private static void drain(Parser p, byte[] body) {
    int lines = 1;
    for (byte c : body) {
      if (c == '\n') {
        lines++;
      }
    }
    int entries = 0;
    try {
      while (p.next() != EntryKind.EOF) {
        entries++;
        assertThat(entries).as("entries of a %d-line input", lines).isLessThanOrEqualTo(lines);
        if (p.entry() instanceof Entry.Series s) {
          assertThat(s.metricName()).isNotEmpty();
        }
      }
      assertThat(p.next()).isEqualTo(EntryKind.EOF);
    } catch (ParseException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
      assertThat(e.line()).isBetween(1, lines);
      assertThat(e.column()).isPositive();
      assertThat(e.offset()).isBetween(0, body.length);
    }
  }
}
