package io.cairn.monitor.web;

import io.cairn.monitor.scrape.ActiveTarget;
import io.cairn.monitor.scrape.DroppedTarget;
import io.cairn.tsdb.head.PostingsStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the targets, metadata and status endpoints read from the rest of the monitor. Every method
 * is called per request, from request threads, and must be thread-safe.
 */
public interface StatusSource {
  /** Each scrape pool's (job's) active targets; pools in any order (the API sorts them). */
  Map<String, List<ActiveTarget>> activeTargets();

  /** Each scrape pool's dropped targets. */
  Map<String, List<DroppedTarget>> droppedTargets();

  /** The loaded configuration as Prometheus marshals it ({@code /api/v1/status/config}). */
  String configYaml();

  /** Flag name (without {@code --}) to value, as {@code /api/v1/status/flags} shows them. */
  Map<String, String> flags();

  RuntimeInfo runtimeInfo();

  TsdbStatus tsdbStatus();

  /** {@code /api/v1/alertmanagers}; by default none. */
  default Alertmanagers alertmanagers() {
    return new Alertmanagers(List.of(), List.of());
  }

  /**
   * The Alertmanagers alerts go to ({@code active}) and those relabelling dropped, as URLs ({@code
   * http://127.0.0.1:9093/api/v2/alerts}), in the notifier's order.
   */
  record Alertmanagers(List<String> active, List<String> dropped) {
    public Alertmanagers {
      active = List.copyOf(active);
      dropped = List.copyOf(dropped);
    }
  }

  /**
   * The rule groups for {@code /api/v1/rules} and {@code /api/v1/alerts}, sorted by file then
   * name; empty when no rules are loaded (the default, for sources without a rule manager).
   */
  default List<io.cairn.monitor.rules.RuleGroupInfo> ruleGroups() {
    return List.of();
  }

  /**
   * {@code /api/v1/status/runtimeinfo} less what the web layer measures itself (threads,
   * processors).
   *
   * @param lastConfigTime when the configuration was last loaded successfully
   * @param corruptionCount WAL corruptions found (Prometheus's {@code
   *     prometheus_tsdb_wal_corruptions_total})
   * @param storageRetention as Prometheus renders it: {@code 15d}, {@code 1GiB} or {@code 15d or 1GiB}
   */
  record RuntimeInfo(
      Instant startTime,
      String cwd,
      boolean reloadConfigSuccess,
      Instant lastConfigTime,
      long corruptionCount,
      String storageRetention) {}

  /**
   * {@code /api/v1/status/tsdb}: the head's statistics.
   *
   * @param minTime {@link Long#MAX_VALUE} when the head is empty, as Prometheus
   * @param maxTime {@link Long#MIN_VALUE} when the head is empty, as Prometheus
   */
  record TsdbStatus(long numSeries, long chunkCount, long minTime, long maxTime, PostingsStats postings) {}
}
