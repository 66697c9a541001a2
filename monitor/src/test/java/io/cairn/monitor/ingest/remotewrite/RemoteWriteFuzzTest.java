package io.cairn.monitor.ingest.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cairn.monitor.ingest.remotewrite.MetricMetadata.Type;
import io.cairn.tsdb.model.Labels;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.xerial.snappy.Snappy;

/**
 * Any bytes either decode or are refused with a {@link RemoteWriteException} with a message: never
 * another exception, never a hang. Random bodies mostly fail in snappy, so damaged protobuf is also
 * compressed properly to reach the protobuf decoder, and damaged snappy blocks reach snappy.
 */
class RemoteWriteFuzzTest {
  private static final RemoteWriteCodec CODEC = new RemoteWriteCodec();

  private static final byte[] PROTO =
      RemoteWriteCodec.encodeProto(
          new WriteRequest(
              List.of(
                  new TimeSeries(Labels.of("__name__", "up", "instance", "localhost:9090", "job", "prometheus"),
                      List.of(new Sample(1_700_000_000_000L, 1), new Sample(1_700_000_015_000L, 0))),
                  new TimeSeries(Labels.of("__name__", "http_requests_total", "code", "200"),
                      List.of(new Sample(1_700_000_000_000L, 1234.5)))),
              List.of(new MetricMetadata(Type.COUNTER, "http_requests_total", "Requests.", ""))));

  private static void check(byte[] body) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          try {
            DecodedWrite d = CODEC.decode(body);
            assertThat(d.request().timeseries()).allSatisfy(ts -> assertThat(ts.labels().metricName()).isNotEmpty());
          } catch (RemoteWriteException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.httpStatus()).isIn(400, 413);
          }
        });
  }

  @Property(tries = 1000)
  void randomBodies(@ForAll @Size(max = 300) byte[] body) {
    check(body);
  }

  @Property(tries = 1000)
  void randomProtobuf(@ForAll @Size(max = 300) byte[] proto) throws Exception {
    check(Snappy.compress(proto));
  }

  record Edit(int at, byte value, int cut) {}

  @Provide
  Arbitrary<List<Edit>> edits() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.bytes(),
            Arbitraries.integers().between(0, 10_000).injectNull(0.8).map(c -> c == null ? -1 : c))
        .as(Edit::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  private static byte[] damage(byte[] base, List<Edit> edits) {
    byte[] b = base.clone();
    for (Edit e : edits) {
      if (b.length == 0) {
        break;
      }
      b[e.at() % b.length] = e.value();
      if (e.cut() >= 0) {
        b = Arrays.copyOf(b, e.cut() % (b.length + 1));
      }
    }
    return b;
  }

  @Property(tries = 2000)
  void damagedProtobuf(@ForAll("edits") List<Edit> edits) throws Exception {
    check(Snappy.compress(damage(PROTO, edits)));
  }

  @Property(tries = 2000)
  void damagedSnappy(@ForAll("edits") List<Edit> edits) throws Exception {
    check(damage(Snappy.compress(PROTO), edits));
    check(damage(HandSnappy.literalBlock(PROTO), edits));
  }
}
