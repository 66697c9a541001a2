package io.cairn.tsdb.storage;

import io.cairn.tsdb.chunkenc.ChunkIterator;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Decodes a {@link ChunkSeries}' chunks into samples. */
public final class SeriesSamples {
  private SeriesSamples() {}

  /**
   * The samples with timestamps in {@code [mint, maxt]}, in time order, one per timestamp. Where
   * chunks overlap on a timestamp, the chunk later in the list wins.
   *
   * @throws CorruptChunkException if a chunk does not decode
   */
  public static List<Sample> samples(ChunkSeries series, long mint, long maxt) throws CorruptChunkException {
    List<ChunkMeta> chunks = series.chunks();
    boolean overlapping = false;
    for (int i = 1; i < chunks.size(); i++) {
      if (chunks.get(i).minTime() <= chunks.get(i - 1).maxTime()) {
        overlapping = true;
        break;
      }
    }
    if (!overlapping) {
      List<Sample> out = new ArrayList<>();
      for (ChunkMeta c : chunks) {
        if (c.overlaps(mint, maxt)) {
          decode(c, mint, maxt, out);
        }
      }
      return out;
    }
    TreeMap<Long, Sample> merged = new TreeMap<>();
    List<Sample> one = new ArrayList<>();
    for (ChunkMeta c : chunks) {
      if (c.overlaps(mint, maxt)) {
        one.clear();
        decode(c, mint, maxt, one);
        for (Sample s : one) {
          merged.put(s.t(), s);
        }
      }
    }
    return new ArrayList<>(merged.values());
  }

  private static void decode(ChunkMeta c, long mint, long maxt, List<Sample> out) throws CorruptChunkException {
    ChunkIterator it = c.chunk().iterator();
    if (it.seek(mint)) {
      do {
        Sample s = it.at();
        if (s.t() > maxt) {
          break;
        }
        out.add(s);
      } while (it.next());
    }
    if (it.err().isPresent()) {
      throw it.err().get();
    }
  }
}
