package io.cairn.promql.storage;

import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The tsdb's {@link ChunkQuerier} (head and blocks) as a {@link Queryable}. */
public final class TsdbQueryable implements Queryable {
  private final ChunkQuerier querier;

  public TsdbQueryable(ChunkQuerier querier) {
    this.querier = Objects.requireNonNull(querier, "querier");
  }

  @Override
  public List<Series> select(long mint, long maxt, List<Matcher> matchers) throws IOException {
    List<ChunkSeries> found = querier.select(mint, maxt, matchers);
    List<Series> out = new ArrayList<>(found.size());
    for (ChunkSeries cs : found) {
      out.add(new Series() {
        @Override
        public Labels labels() {
          return cs.labels();
        }

        @Override
        public SampleIterator iterator() throws IOException {
          try {
            ChunkArrays a = ChunkArrays.decode(cs, mint, maxt);
            return new ArraySeries(cs.labels(), a.ts, a.vs, a.n).iterator();
          } catch (CorruptChunkException e) {
            throw new IOException("series " + cs.labels() + ": " + e.getMessage(), e);
          }
        }
      });
    }
    return out;
  }
}
