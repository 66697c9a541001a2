package io.cairn.tsdb.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freezes the exact bytes of the record encodings and of small WAL segments. The fixtures were
 * written by {@code golden.py} (next to them), an independent implementation of Prometheus 2.42's
 * format; they must never change.
 */
class WalGoldenTest {
  static final List<RefSeries> SERIES = List.of(
      new RefSeries(1, Labels.of("__name__", "up", "job", "node")),
      new RefSeries(2, Labels.of("__name__", "up", "job", "prometheus", "instance", "localhost:9090")));
  static final List<RefSample> SAMPLES = List.of(
      new RefSample(1, 1_700_000_000_000L, 1.0),
      new RefSample(2, 1_700_000_000_000L, 0.0),
      new RefSample(1, 1_700_000_015_000L, Double.longBitsToDouble(0x7ff0000000000002L))); // staleness marker

  @Test
  void recordEncodingsMatchTheFixture() throws IOException {
    Map<String, String> golden = fixture("records.hex");
    assertThat(hex(Records.encodeSeries(SERIES))).isEqualTo(golden.get("series"));
    assertThat(hex(Records.encodeSamples(SAMPLES))).isEqualTo(golden.get("samples"));
    assertThat(hex(Records.encodeSamples(List.of()))).isEqualTo(golden.get("samples-empty"));
    assertThat(hex(Records.encodeSeries(List.of()))).isEqualTo(golden.get("series-empty"));
    assertThat(Records.decodeSeries(unhex(golden.get("series")))).isEqualTo(SERIES);
    assertThat(Records.decodeSamples(unhex(golden.get("samples")))).isEqualTo(SAMPLES);
    assertThat(Records.decodeSamples(unhex(golden.get("samples-empty")))).isEmpty();
  }

  @Test
  void smallSegmentMatchesTheFixture(@TempDir Path dir) throws IOException {
    try (Wal wal = Wal.open(dir)) {
      wal.log(Records.encodeSeries(SERIES));
      wal.log(Records.encodeSamples(SAMPLES), "cairn".getBytes(StandardCharsets.US_ASCII));
    }
    StringBuilder body = new StringBuilder();
    int size = -1;
    for (String line : lines("segment-small.hex")) {
      if (line.startsWith("size ")) {
        size = Integer.parseInt(line.substring(5));
      } else {
        body.append(line);
      }
    }
    byte[] expected = Arrays.copyOf(unhex(body.toString()), size);
    assertThat(hex(Files.readAllBytes(WalTesting.segment(dir, 0)))).isEqualTo(hex(expected));
    assertThat(WalTesting.readAll(dir)).containsExactly(
        Records.encodeSeries(SERIES), Records.encodeSamples(SAMPLES), "cairn".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void recordsSpanningPagesAndSegmentsMatchTheFixture(@TempDir Path dir) throws Exception {
    byte[] a = pattern(40000, 31, 7);
    byte[] b = pattern(30000, 17, 3);
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    byte[] d = pattern(2800, 13, 1);
    try (Wal wal = Wal.open(dir, WalOptions.defaults().withSegmentSize(2 * Wal.PAGE_SIZE))) {
      wal.log(a);
      wal.log(b);
      wal.log(hello, d);
    }
    int segments = 0;
    for (String line : lines("segments-spanning.txt")) {
      String[] f = line.split(" ");
      byte[] file = Files.readAllBytes(dir.resolve(f[1]));
      if (f[0].equals("segment")) {
        segments++;
        assertThat(file.length).as(line).isEqualTo(Integer.parseInt(f[3]));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file))).as(line).isEqualTo(f[5]);
      } else {
        int off = Integer.parseInt(f[3]);
        assertThat(file[off]).as(line).isEqualTo((byte) Integer.parseInt(f[5]));
        assertThat(Format.length(file, off)).as(line).isEqualTo(Integer.parseInt(f[7]));
        assertThat(Format.crc(file, off)).as(line).isEqualTo(Integer.parseUnsignedInt(f[9], 16));
      }
    }
    assertThat(segments).isEqualTo(2);
    assertThat(Files.size(WalTesting.segment(dir, 1))).isEqualTo(2 * Wal.PAGE_SIZE);
    assertThat(WalTesting.readAll(dir)).containsExactly(a, b, hello, d);
  }

  static byte[] pattern(int n, int mul, int add) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (i * mul + add);
    }
    return out;
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = WalGoldenTest.class.getResourceAsStream(name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
  }

  private static Map<String, String> fixture(String name) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (String line : lines(name)) {
      String[] kv = line.split(" ", 2);
      out.put(kv[0], kv[1]);
    }
    return out;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  static byte[] unhex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
