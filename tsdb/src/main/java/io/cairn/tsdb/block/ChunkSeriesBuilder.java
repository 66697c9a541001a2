package io.cairn.tsdb.block;

import io.cairn.tsdb.chunkenc.Appender;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.chunkenc.XorChunk;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts samples into XOR chunks of at most {@value #MAX_SAMPLES_PER_CHUNK} samples, as Prometheus's
 * {@code storage.NewSeriesToChunkEncoder}: what an importer (OpenMetrics backfill) or a test hands to
 * {@link BlockWriter}. Stateless and thread-safe.
 */
public final class ChunkSeriesBuilder {
  /** Prometheus's {@code seriesToChunkEncoderSplit}. */
  public static final int MAX_SAMPLES_PER_CHUNK = 120;

  private ChunkSeriesBuilder() {}

  /**
   * Chunks for samples in strictly increasing time order.
   *
   * @throws IllegalArgumentException if a timestamp is not after the previous one
   */
  public static List<ChunkMeta> chunks(List<Sample> samples) {
    List<ChunkMeta> out = new ArrayList<>((samples.size() + MAX_SAMPLES_PER_CHUNK - 1) / MAX_SAMPLES_PER_CHUNK);
    for (int from = 0; from < samples.size(); from += MAX_SAMPLES_PER_CHUNK) {
      List<Sample> part = samples.subList(from, Math.min(samples.size(), from + MAX_SAMPLES_PER_CHUNK));
      XorChunk c = new XorChunk();
      Appender app;
      try {
        app = c.appender();
      } catch (CorruptChunkException e) {
        throw new IllegalStateException("a new chunk does not decode", e);
      }
      long prev = 0;
      for (int i = 0; i < part.size(); i++) {
        Sample s = part.get(i);
        if ((from > 0 || i > 0) && s.t() <= (i > 0 ? prev : samples.get(from - 1).t())) {
          throw new IllegalArgumentException("sample timestamps must increase: " + s.t() + " after "
              + (i > 0 ? prev : samples.get(from - 1).t()));
        }
        app.append(s.t(), s.v());
        prev = s.t();
      }
      out.add(new ChunkMeta(part.getFirst().t(), part.getLast().t(), c));
    }
    return out;
  }

  /** A series of samples in any order; on equal timestamps the later sample in the list wins. */
  public static ChunkSeries series(Labels labels, List<Sample> samples) {
    TreeMap<Long, Sample> byTime = new TreeMap<>();
    for (Sample s : samples) {
      byTime.put(s.t(), s);
    }
    return new ChunkSeries(labels, chunks(new ArrayList<>(byTime.values())));
  }

  /** Series sorted by labels, ready for {@link BlockWriter}; series without samples are left out. */
  public static List<ChunkSeries> fromSamples(Map<Labels, List<Sample>> samples) {
    TreeMap<Labels, List<Sample>> sorted = new TreeMap<>(samples);
    List<ChunkSeries> out = new ArrayList<>(sorted.size());
    sorted.forEach((l, s) -> {
      if (!s.isEmpty()) {
        out.add(series(l, s));
      }
    });
    return out;
  }
}
