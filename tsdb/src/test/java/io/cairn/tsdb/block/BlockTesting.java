package io.cairn.tsdb.block;

import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for the block tests. */
final class BlockTesting {
  private BlockTesting() {}

  /** Every sample a querier returns for the matchers, by series. */
  static Map<Labels, List<Sample>> samples(ChunkQuerier q, List<Matcher> matchers) throws IOException {
    Map<Labels, List<Sample>> out = new TreeMap<>();
    List<ChunkSeries> series = q.select(Long.MIN_VALUE, Long.MAX_VALUE, matchers);
    for (ChunkSeries s : series) {
      try {
        out.put(s.labels(), SeriesSamples.samples(s, Long.MIN_VALUE, Long.MAX_VALUE));
      } catch (CorruptChunkException e) {
        throw new IOException(e);
      }
    }
    return out;
  }

  /** The samples sorted by labels, each list sorted by time with one sample per timestamp. */
  static Map<Labels, List<Sample>> sorted(Map<Labels, List<Sample>> in) {
    Map<Labels, List<Sample>> out = new TreeMap<>();
    in.forEach((l, s) -> {
      TreeMap<Long, Sample> byT = new TreeMap<>();
      s.forEach(x -> byT.put(x.t(), x));
      if (!byT.isEmpty()) {
        out.put(l, List.copyOf(byT.values()));
      }
    });
    return out;
  }
}
