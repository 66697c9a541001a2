package io.cairn.promql.storage;

import io.cairn.tsdb.chunkenc.ChunkIterator;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes a {@link ChunkSeries}' samples in {@code [mint, maxt]} straight into a timestamp and a value
 * array, without a {@link Sample} object per sample. Chunks that overlap in time (out-of-order data,
 * one series in two blocks) are merged by {@link SeriesSamples}, with its rule that the later chunk
 * wins on an equal timestamp.
 */
final class ChunkArrays {
  long[] ts;
  double[] vs;
  int n;

  private ChunkArrays(int capacity) {
    ts = new long[Math.max(capacity, 1)];
    vs = new double[Math.max(capacity, 1)];
  }

  static ChunkArrays decode(ChunkSeries series, long mint, long maxt) throws CorruptChunkException {
    List<ChunkMeta> chunks = series.chunks();
    int capacity = 0;
    for (int i = 0; i < chunks.size(); i++) {
      ChunkMeta c = chunks.get(i);
      if (i > 0 && c.minTime() <= chunks.get(i - 1).maxTime()) {
        return merged(series, mint, maxt);
      }
      if (c.overlaps(mint, maxt)) {
        capacity += c.chunk().numSamples();
      }
    }
    ChunkArrays out = new ChunkArrays(capacity);
    for (ChunkMeta c : chunks) {
      if (c.overlaps(mint, maxt)) {
        out.append(c.chunk().iterator(), mint, maxt);
      }
    }
    return out;
  }

  private void append(ChunkIterator it, long mint, long maxt) throws CorruptChunkException {
    if (it.seek(mint)) {
      do {
        long t = it.atT();
        if (t > maxt) {
          break;
        }
        if (n == ts.length) {
          ts = Arrays.copyOf(ts, n * 2);
          vs = Arrays.copyOf(vs, n * 2);
        }
        ts[n] = t;
        vs[n] = it.atV();
        n++;
      } while (it.next());
    }
    if (it.err().isPresent()) {
      throw it.err().get();
    }
  }

  private static ChunkArrays merged(ChunkSeries series, long mint, long maxt) throws CorruptChunkException {
    List<Sample> samples = SeriesSamples.samples(series, mint, maxt);
    ChunkArrays out = new ChunkArrays(samples.size());
    for (Sample s : samples) {
      out.ts[out.n] = s.t();
      out.vs[out.n] = s.v();
      out.n++;
    }
    return out;
  }
}
