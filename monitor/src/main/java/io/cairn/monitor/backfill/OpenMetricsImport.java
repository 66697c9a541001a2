package io.cairn.monitor.backfill;

import io.cairn.monitor.textparse.Entry;
import io.cairn.monitor.textparse.EntryKind;
import io.cairn.monitor.textparse.ParseException;
import io.cairn.monitor.textparse.Parser;
import io.cairn.tsdb.block.BlockMeta;
import io.cairn.tsdb.block.BlockWriter;
import io.cairn.tsdb.block.ChunkSeriesBuilder;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Backfill, as {@code promtool tsdb create-blocks-from openmetrics}: reads an OpenMetrics text file
 * whose samples all carry timestamps and writes its samples into blocks aligned to the block
 * duration (2 h by default) under the output directory. Within a series, samples may come in any
 * order; on a repeated timestamp the later line wins. The whole file is read into memory (at most
 * {@link #MAX_FILE_BYTES}).
 */
public final class OpenMetricsImport {
  /** The largest input file read. */
  public static final long MAX_FILE_BYTES = 1L << 30;

  /** What an import wrote. */
  public record Result(List<BlockMeta> blocks, long series, long samples) {}

  /** The input is not what an import needs; the message names the line. */
  public static final class ImportException extends Exception {
    public ImportException(String message) {
      super(message);
    }
  }

  private OpenMetricsImport() {}

  public static Result run(Path input, Path outputDir, long blockDurationMs) throws IOException, ImportException {
    if (blockDurationMs <= 0) {
      throw new IllegalArgumentException("block duration must be positive, got " + blockDurationMs + " ms");
    }
    long size = Files.size(input);
    if (size > MAX_FILE_BYTES) {
      throw new ImportException(input + " is " + size + " bytes, more than the " + MAX_FILE_BYTES + " bytes an import reads");
    }
    Parser parser = Parser.openMetrics(Files.readAllBytes(input));
    TreeMap<Long, Map<Labels, TreeMap<Long, Double>>> byBlock = new TreeMap<>();
    long lines = 0;
    try {
      for (EntryKind k = parser.next(); k != EntryKind.EOF; k = parser.next()) {
        lines++;
        if (k != EntryKind.SERIES) {
          continue;
        }
        Entry.Series s = (Entry.Series) parser.entry();
        if (s.timestampMillis().isEmpty()) {
          throw new ImportException("series " + s.labels() + " (entry " + lines + ") has no timestamp; a backfill needs one on every sample");
        }
        long t = s.timestampMillis().getAsLong();
        long block = Math.floorDiv(t, blockDurationMs) * blockDurationMs;
        byBlock.computeIfAbsent(block, b -> new TreeMap<>())
            .computeIfAbsent(s.labels(), l -> new TreeMap<>())
            .put(t, s.value());
      }
    } catch (ParseException e) {
      throw new ImportException("parsing " + input + ": " + e.getMessage());
    }
    Files.createDirectories(outputDir);
    List<BlockMeta> written = new ArrayList<>();
    java.util.Set<Labels> series = new java.util.HashSet<>();
    long samples = 0;
    for (var block : byBlock.entrySet()) {
      series.addAll(block.getValue().keySet());
      Map<Labels, List<Sample>> bySeries = new TreeMap<>();
      block.getValue().forEach((l, m) -> {
        List<Sample> list = new ArrayList<>(m.size());
        m.forEach((t, v) -> list.add(new Sample(t, v)));
        bySeries.put(l, list);
      });
      Optional<BlockMeta> meta = BlockWriter.write(outputDir, block.getKey(), block.getKey() + blockDurationMs,
          ChunkSeriesBuilder.fromSamples(bySeries).iterator());
      if (meta.isPresent()) {
        written.add(meta.get());
        samples += meta.get().stats().numSamples();
      }
    }
    return new Result(written, series.size(), samples);
  }
}
