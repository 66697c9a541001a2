package io.cairn.tsdb.head;

import java.util.concurrent.atomic.LongAdder;

/**
 * The head's counters, for Prometheus's {@code prometheus_tsdb_*} self-metrics. Thread-safe; read
 * them at any time.
 */
public final class HeadStats {
  final LongAdder samplesAppended = new LongAdder();
  final LongAdder outOfOrderAppended = new LongAdder();
  final LongAdder outOfOrderRejected = new LongAdder();
  final LongAdder outOfBounds = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder seriesCreated = new LongAdder();
  final LongAdder seriesRemoved = new LongAdder();
  final LongAdder seriesLimitHits = new LongAdder();
  final LongAdder truncations = new LongAdder();
  final LongAdder walCorruptions = new LongAdder();

  /** {@code prometheus_tsdb_head_samples_appended_total}: samples committed to the head. */
  public long samplesAppended() {
    return samplesAppended.sum();
  }

  /** {@code prometheus_tsdb_head_out_of_order_samples_appended_total}. */
  public long outOfOrderAppended() {
    return outOfOrderAppended.sum();
  }

  /** {@code prometheus_tsdb_out_of_order_samples_total}: refused as out of order or too old. */
  public long outOfOrderRejected() {
    return outOfOrderRejected.sum();
  }

  /** {@code prometheus_tsdb_out_of_bound_samples_total}. */
  public long outOfBounds() {
    return outOfBounds.sum();
  }

  /** Samples refused for a duplicate timestamp with another value. */
  public long duplicates() {
    return duplicates.sum();
  }

  /** {@code prometheus_tsdb_head_series_created_total}. */
  public long seriesCreated() {
    return seriesCreated.sum();
  }

  /** {@code prometheus_tsdb_head_series_removed_total}. */
  public long seriesRemoved() {
    return seriesRemoved.sum();
  }

  /** Series creations refused by the series limit. */
  public long seriesLimitHits() {
    return seriesLimitHits.sum();
  }

  /** {@code prometheus_tsdb_head_truncations_total}. */
  public long truncations() {
    return truncations.sum();
  }

  /** {@code prometheus_tsdb_wal_corruptions_total}: replays that stopped at damage. */
  public long walCorruptions() {
    return walCorruptions.sum();
  }
}
