package io.cairn.monitor.server;

import io.cairn.tsdb.db.Db;
import io.cairn.tsdb.wal.WalListener;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/** The storage's self-metrics under Prometheus 2.42's names ({@code prometheus_tsdb_*}). */
final class TsdbMetrics {
  private final Summary walFsync;

  TsdbMetrics(PrometheusRegistry registry) {
    walFsync = Summary.builder()
        .name("prometheus_tsdb_wal_fsync_duration_seconds")
        .help("Duration of write log fsync.")
        .quantile(0.5, 0.05).quantile(0.9, 0.01).quantile(0.99, 0.001)
        .register(registry);
  }

  /** The WAL listener feeding {@code prometheus_tsdb_wal_fsync_duration_seconds}. */
  WalListener walListener() {
    return new WalListener() {
      @Override
      public void fsynced(long nanos) {
        walFsync.observe(nanos / 1e9);
      }
    };
  }

  /** Registers the gauges and counters read from the database (looked up at each scrape). */
  void register(PrometheusRegistry registry, Supplier<Db> db) {
    gauge(registry, db, "prometheus_tsdb_head_series", "Total number of series in the head block.", d -> d.head().numSeries());
    gauge(registry, db, "prometheus_tsdb_head_chunks", "Total number of chunks in the head block.", d -> d.head().numChunks());
    gauge(registry, db, "prometheus_tsdb_head_min_time", "Minimum time bound of the head block.",
        d -> d.head().minTime() == Long.MAX_VALUE ? 0 : d.head().minTime());
    gauge(registry, db, "prometheus_tsdb_head_max_time", "Maximum timestamp of the head block.",
        d -> d.head().maxTime() == Long.MIN_VALUE ? 0 : d.head().maxTime());
    gauge(registry, db, "prometheus_tsdb_blocks_loaded", "Number of currently loaded data blocks", d -> d.blocks().size());
    gauge(registry, db, "prometheus_tsdb_storage_blocks_bytes",
        "The number of bytes that are currently used for local storage by all blocks.", Db::blocksBytes);
    counter(registry, db, "prometheus_tsdb_head_samples_appended_total", "Total number of appended samples.",
        d -> d.head().stats().samplesAppended());
    // prometheus_tsdb_head_series_created_total cannot be registered: client_java refuses names ending in _created.
    counter(registry, db, "prometheus_tsdb_head_series_removed_total", "Total number of series removed in the head",
        d -> d.head().stats().seriesRemoved());
    counter(registry, db, "prometheus_tsdb_head_truncations_total", "Total number of head truncations attempted.",
        d -> d.head().stats().truncations());
    counter(registry, db, "prometheus_tsdb_out_of_order_samples_total", "Total number of out of order samples ingestion failed attempts.",
        d -> d.head().stats().outOfOrderRejected());
    counter(registry, db, "prometheus_tsdb_head_out_of_order_samples_appended_total", "Total number of appended out of order samples.",
        d -> d.head().stats().outOfOrderAppended());
    counter(registry, db, "prometheus_tsdb_out_of_bound_samples_total", "Total number of out of bound samples ingestion failed attempts.",
        d -> d.head().stats().outOfBounds());
    counter(registry, db, "prometheus_tsdb_compactions_total", "Total number of compactions that were executed for the partition.",
        d -> d.compactions() + d.headCuts());
    counter(registry, db, "prometheus_tsdb_compactions_failed_total", "Total number of compactions that failed for the partition.",
        Db::compactionFailures);
    counter(registry, db, "prometheus_tsdb_time_retentions_total",
        "The number of times that blocks were deleted because the maximum time limit was exceeded.", Db::retentionDeletions);
    counter(registry, db, "cairn_tsdb_head_series_limit_refusals_total",
        "New series refused because the head reached --storage.tsdb.max-series.", d -> d.head().stats().seriesLimitHits());
  }

  private static void gauge(PrometheusRegistry r, Supplier<Db> db, String name, String help, ToDoubleFunction<Db> f) {
    GaugeWithCallback.builder().name(name).help(help).callback(cb -> {
      Db d = db.get();
      if (d != null) {
        cb.call(f.applyAsDouble(d));
      }
    }).register(r);
  }

  private static void counter(PrometheusRegistry r, Supplier<Db> db, String name, String help, ToDoubleFunction<Db> f) {
    CounterWithCallback.builder().name(name).help(help).callback(cb -> {
      Db d = db.get();
      if (d != null) {
        cb.call(f.applyAsDouble(d));
      }
    }).register(r);
  }

}
