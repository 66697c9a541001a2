package io.cairn.promql.storage;

import io.cairn.tsdb.model.Matcher;
import java.io.IOException;
import java.util.List;

/**
 * Storage the engine can query. Implementations are thread-safe; one query may call {@link #select}
 * many times (once per selector), concurrently with appends, and must see each call's result as a
 * snapshot.
 */
public interface Queryable {
  /**
   * The series matching every matcher that may have samples in {@code [mint, maxt]} (inclusive),
   * sorted by labels, each label set once. A series may turn out to have no sample in the range (the
   * engine copes). An empty matcher list selects every series. Samples are decoded only when a
   * series' iterator is used. Stale markers ({@code Sample.STALE_NAN_BITS}) are returned as samples;
   * honouring them is the engine's work.
   *
   * @throws IOException if the storage cannot be read (corrupt block, closed database)
   */
  List<Series> select(long mint, long maxt, List<Matcher> matchers) throws IOException;
}
