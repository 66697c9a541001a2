package io.cairn.monitor.ingest.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.monitor.ingest.remotewrite.MetricMetadata.Type;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * Bodies a real Prometheus 2.42.0 (Debian's {@code prometheus} package) posted, captured as sent:
 * Prometheus scraping itself every 2 s with {@code remote_write} to a capturing HTTP server
 * ({@code batch_send_deadline: 1s}, metadata every 3 s). Headers were {@code Content-Encoding:
 * snappy}, {@code Content-Type: application/x-protobuf}, {@code X-Prometheus-Remote-Write-Version:
 * 0.1.0}. The expected values were read from the bodies with an independent decoder.
 */
class PrometheusFixtureTest {
  private final RemoteWriteCodec codec = new RemoteWriteCodec();

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = PrometheusFixtureTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void seriesFromARealPrometheus() throws Exception {
    byte[] body = fixture("prometheus-2.42-series.snappy");
    assertThat(body).hasSize(7071);
    DecodedWrite d = codec.decode(body);
    List<TimeSeries> series = d.request().timeseries();
    assertThat(series).hasSize(353);
    assertThat(d.request().sampleCount()).isEqualTo(353);
    assertThat(d.request().metadata()).isEmpty();
    assertThat(series.getFirst())
        .isEqualTo(
            new TimeSeries(
                Labels.of("__name__", "go_gc_duration_seconds", "instance", "127.0.0.1:19200",
                    "job", "prometheus", "quantile", "0"),
                List.of(new Sample(1795297381515L, 8.5379e-05))));
    assertThat(series.get(348))
        .isEqualTo(
            new TimeSeries(
                Labels.of("__name__", "up", "instance", "127.0.0.1:19200", "job", "prometheus"),
                List.of(new Sample(1795297381515L, 1.0))));
    assertThat(series)
        .allSatisfy(ts -> assertThat(ts.labels().get("job")).isEqualTo("prometheus"))
        .allSatisfy(ts -> assertThat(ts.labels().asList()).isSortedAccordingTo(Comparator.comparing(Label::name)));
  }

  @Test
  void metadataFromARealPrometheus() throws Exception {
    DecodedWrite d = codec.decode(fixture("prometheus-2.42-metadata.snappy"));
    assertThat(d.request().timeseries()).isEmpty();
    assertThat(d.request().metadata()).hasSize(202);
    assertThat(d.request().metadata().subList(0, 3))
        .containsExactly(
            new MetricMetadata(Type.GAUGE, "prometheus_remote_storage_shards_max",
                "The maximum number of shards that the queue is allowed to run.", ""),
            new MetricMetadata(Type.COUNTER, "prometheus_tsdb_checkpoint_creations_total",
                "Total number of checkpoint creations attempted.", ""),
            new MetricMetadata(Type.GAUGE, "prometheus_tsdb_compaction_populating_block",
                "Set to 1 when a block is currently being written to the disk.", ""));
  }

  @Test
  void reEncodingGivesPrometheussProtobufBack() throws Exception {
    for (String name : List.of("prometheus-2.42-series.snappy", "prometheus-2.42-metadata.snappy")) {
      byte[] proto = Snappy.uncompress(fixture(name));
      WriteRequest req = codec.decodeProto(proto).request();
      assertThat(RemoteWriteCodec.encodeProto(req)).as(name).isEqualTo(proto);
    }
  }
}
