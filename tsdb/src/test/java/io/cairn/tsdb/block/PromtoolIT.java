package io.cairn.tsdb.block;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-checks blocks with the real Prometheus 2.42 {@code promtool}: promtool reads what cairn
 * writes ({@code tsdb dump}, {@code tsdb analyze}), and cairn reads what promtool writes ({@code tsdb
 * create-blocks-from openmetrics}). Fails (does not skip) when promtool is missing.
 */
class PromtoolIT {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  @TempDir Path dir;

  @BeforeAll
  static void promtoolIsInstalled() throws Exception {
    assertThat(PROMTOOL).as("promtool 2.42 must be installed at " + PROMTOOL).isExecutable();
    assertThat(run(List.of(PROMTOOL.toString(), "--version"))).contains("2.42");
  }

  @Test
  void promtoolDumpsWhatCairnWrote() throws Exception {
    Map<Labels, List<Sample>> written = randomSeries(new Random(42), 40, 700);
    // overlapping chunks in one series: the writer must merge them
    Labels ooo = Labels.of("__name__", "ooo", "job", "x");
    List<Sample> late = List.of(new Sample(1_700_000_000_500L, 7), new Sample(1_700_000_001_500L, 8));
    List<Sample> early = List.of(new Sample(1_700_000_000_000L, 1), new Sample(1_700_000_001_000L, 2),
        new Sample(1_700_000_002_000L, 3));
    var oooSeries = new io.cairn.tsdb.storage.ChunkSeries(ooo, Stream.concat(
        ChunkSeriesBuilder.chunks(early).stream(), ChunkSeriesBuilder.chunks(late).stream()).toList());
    List<io.cairn.tsdb.storage.ChunkSeries> series = new ArrayList<>(ChunkSeriesBuilder.fromSamples(written));
    series.add(oooSeries);
    series.sort((a, b) -> a.labels().compareTo(b.labels()));
    written.put(ooo, Stream.concat(early.stream(), late.stream()).toList());

    long mint = 1_699_999_200_000L;
    long maxt = 1_700_006_400_000L;
    BlockMeta meta = BlockWriter.write(dir, mint, maxt, series.iterator()).orElseThrow();

    Files.createDirectories(dir.resolve("wal")); // promtool opens the directory as a database
    Map<String, Map<Long, Long>> dumped = new TreeMap<>();
    for (String line : run(List.of(PROMTOOL.toString(), "tsdb", "dump", dir.toString())).lines().toList()) {
      int v = line.lastIndexOf(' ', line.lastIndexOf(' ') - 1);
      String[] vt = line.substring(v + 1).split(" ");
      dumped.computeIfAbsent(line.substring(0, v), k -> new TreeMap<>()).put(Long.parseLong(vt[1]), goFloatBits(vt[0]));
    }
    Map<String, Map<Long, Long>> expected = new TreeMap<>();
    BlockTesting.sorted(written).forEach((l, s) -> {
      Map<Long, Long> m = new TreeMap<>();
      s.stream().filter(x -> x.t() >= mint && x.t() < maxt).forEach(x -> m.put(x.t(), Double.doubleToRawLongBits(x.v())));
      if (!m.isEmpty()) {
        expected.put(l.toString(), m);
      }
    });
    assertThat(dumped.keySet()).isEqualTo(expected.keySet());
    expected.forEach((l, m) -> assertThat(dumped.get(l)).as(l).isEqualTo(m));

    String analyze = run(List.of(PROMTOOL.toString(), "tsdb", "analyze", dir.toString(), meta.ulid().toString()));
    assertThat(analyze).contains("Block ID: " + meta.ulid()).contains("Series: " + meta.stats().numSeries());
  }

  @Test
  void cairnReadsBlocksPromtoolCreated() throws Exception {
    StringBuilder om = new StringBuilder("# TYPE load gauge\n");
    Map<Labels, List<Sample>> expected = new HashMap<>();
    Random r = new Random(7);
    for (int s = 0; s < 12; s++) {
      Labels l = Labels.of("__name__", "load", "host", "h" + s, "dc", s % 2 == 0 ? "eu" : "us");
      for (int i = 0; i < 400; i++) {
        long t = 1_700_000_000_000L + i * 60_000L + s; // 400 minutes: spans several 2h blocks
        double v = Math.round(r.nextDouble() * 1e6) / 1e3;
        om.append("load{dc=\"").append(l.get("dc")).append("\",host=\"").append(l.get("host")).append("\"} ")
            .append(v).append(' ').append(t / 1000).append('.').append(String.format("%03d", t % 1000)).append('\n');
        expected.computeIfAbsent(l, k -> new ArrayList<>()).add(new Sample(t, v));
      }
    }
    om.append("# EOF\n");
    Path file = dir.resolve("in.om");
    Files.writeString(file, om);
    Path out = dir.resolve("out");
    run(List.of(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", file.toString(), out.toString()));

    Map<Labels, List<Sample>> read = new TreeMap<>();
    List<Path> blocks;
    try (Stream<Path> s = Files.list(out)) {
      blocks = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(blocks).hasSizeGreaterThan(1);
    for (Path p : blocks) {
      try (Block b = Block.open(p)) {
        BlockTesting.samples(b, List.of()).forEach((l, s) -> read.computeIfAbsent(l, k -> new ArrayList<>()).addAll(s));
      }
    }
    assertThat(BlockTesting.sorted(read)).isEqualTo(BlockTesting.sorted(expected));
  }

  static Map<Labels, List<Sample>> randomSeries(Random r, int n, int maxSamples) {
    Map<Labels, List<Sample>> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Labels l = Labels.of("__name__", "metric_" + (i % 5), "instance", "i" + i, "zone", i % 3 == 0 ? "zürich" : "a b\"c");
      List<Sample> s = new ArrayList<>();
      long t = 1_700_000_000_000L + r.nextInt(1000);
      int count = 1 + r.nextInt(maxSamples);
      for (int j = 0; j < count; j++) {
        double v = switch (r.nextInt(5)) {
          case 0 -> r.nextInt(100);
          case 1 -> r.nextGaussian() * 1e9;
          case 2 -> Double.NaN;
          default -> j * 1.5;
        };
        s.add(new Sample(t, v));
        t += 1 + r.nextInt(30_000);
      }
      out.put(l, s);
    }
    return out;
  }

  /** The bits of a float printed by Go's {@code %g}. */
  private static long goFloatBits(String s) {
    return Double.doubleToRawLongBits(switch (s) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    });
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finishes", cmd).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("%s exit status; output:%n%s", cmd, text).isZero();
    return text;
  }
}
