package io.cairn.monitor.server;

import io.cairn.common.config.ConfigKey;
import io.cairn.common.config.HostPort;
import io.cairn.common.config.Parsers;
import io.cairn.common.config.ValueParser;
import io.cairn.monitor.config.Base2Bytes;
import io.cairn.common.text.PromDuration;
import java.time.Duration;
import io.cairn.common.config.Config;
import io.cairn.promql.engine.EngineOptions;
import java.util.List;

/**
 * The monitor's settings: Prometheus's flags, spelled as Prometheus 2.42 spells them. In a cairn
 * config file they sit under {@code monitor:}. Where cairn's default differs from Prometheus's the
 * description says so.
 */
public final class MonitorKeys {
  private MonitorKeys() {}

  public static final ConfigKey<String> CONFIG_FILE =
      ConfigKey.of("monitor.config-file", "--config.file", Parsers.string(), "",
          "Prometheus configuration file. Empty: a built-in one that scrapes this process's own /metrics endpoints.");

  public static final ConfigKey<String> STORAGE_PATH =
      ConfigKey.of("monitor.storage-path", "--storage.tsdb.path", Parsers.string(), "",
          "Base path for metrics storage. Empty: <data-dir>/monitor.");

  public static final ConfigKey<Duration> RETENTION_TIME =
      ConfigKey.of("monitor.retention-time", "--storage.tsdb.retention.time", duration(true), Duration.ofDays(15),
          "How long to retain samples in storage (Prometheus duration, e.g. 15d). 0: 15d.");

  public static final ConfigKey<Long> RETENTION_SIZE =
      ConfigKey.of("monitor.retention-size", "--storage.tsdb.retention.size", bytes(), 0L,
          "Maximum number of bytes of blocks to keep (units B, KB, MB, GB, TB, PB, EB, powers of 1024). 0: no limit.");

  public static final ConfigKey<Duration> MIN_BLOCK_DURATION =
      ConfigKey.of("monitor.min-block-duration", "--storage.tsdb.min-block-duration", duration(false), Duration.ofHours(2),
          "Range of the blocks the head is cut into (and of its chunks).");

  public static final ConfigKey<Duration> OUT_OF_ORDER_WINDOW =
      ConfigKey.of("monitor.out-of-order-window", "--storage.tsdb.out-of-order-time-window", duration(true), Duration.ofMinutes(10),
          "How far behind the newest sample a late sample is still accepted; 0 refuses them (Prometheus's default; cairn's is 10m).");

  public static final ConfigKey<Long> MAX_SERIES =
      ConfigKey.of("monitor.max-series", "--storage.tsdb.max-series", Parsers.longInRange(1, Integer.MAX_VALUE), 5_000_000L,
          "Most active series the head holds; samples of new series beyond it are refused.");

  public static final ConfigKey<HostPort> LISTEN_ADDRESS =
      ConfigKey.of("monitor.listen-address", "--web.listen-address", Parsers.hostPort(), new HostPort("127.0.0.1", 9090),
          "Address to listen on for the API, ingest and /metrics (Prometheus listens on 0.0.0.0:9090).");

  public static final ConfigKey<Boolean> ENABLE_LIFECYCLE =
      ConfigKey.of("monitor.enable-lifecycle", "--web.enable-lifecycle", Parsers.bool(), false,
          "Enable reload via HTTP request (POST /-/reload).");

  public static final ConfigKey<Boolean> ENABLE_REMOTE_WRITE_RECEIVER =
      ConfigKey.of("monitor.enable-remote-write-receiver", "--web.enable-remote-write-receiver", Parsers.bool(), true,
          "Accept remote write requests on /api/v1/write (on by default in cairn, off in Prometheus).");

  public static final ConfigKey<Boolean> ENABLE_ADMIN_API =
      ConfigKey.of("monitor.enable-admin-api", "--web.enable-admin-api", Parsers.bool(), false,
          "Enable the TSDB admin API (POST /api/v1/admin/tsdb/snapshot).");

  public static final ConfigKey<Duration> QUERY_LOOKBACK_DELTA =
      ConfigKey.of("monitor.query.lookback-delta", "--query.lookback-delta", duration(false), Duration.ofMinutes(5),
          "How far back an instant selector looks for a sample.");

  public static final ConfigKey<Long> QUERY_MAX_SAMPLES =
      ConfigKey.of("monitor.query.max-samples", "--query.max-samples", Parsers.longInRange(1, Long.MAX_VALUE), 50_000_000L,
          "Most samples one query may hold in memory at once; more fails the query (422 execution).");

  public static final ConfigKey<Duration> QUERY_TIMEOUT =
      ConfigKey.of("monitor.query.timeout", "--query.timeout", duration(false), Duration.ofMinutes(2),
          "Longest a query may run, queueing included; longer fails it (503 timeout).");

  public static final ConfigKey<Long> QUERY_MAX_CONCURRENCY =
      ConfigKey.of("monitor.query.max-concurrency", "--query.max-concurrency", Parsers.longInRange(1, 10_000), 20L,
          "Queries evaluated at once; the rest wait in a queue (their wait counts against the timeout).");

  public static final ConfigKey<Duration> RULES_FOR_OUTAGE_TOLERANCE =
      ConfigKey.of("monitor.rules.alert.for-outage-tolerance", "--rules.alert.for-outage-tolerance", duration(false),
          Duration.ofHours(1), "Max time to tolerate prometheus outage for restoring \"for\" state of alert.");

  public static final ConfigKey<Duration> RULES_FOR_GRACE_PERIOD =
      ConfigKey.of("monitor.rules.alert.for-grace-period", "--rules.alert.for-grace-period", duration(false),
          Duration.ofMinutes(10), "Minimum duration between alert and restored \"for\" state. This is maintained only for alerts with configured \"for\" time greater than grace period.");

  public static final ConfigKey<Duration> RULES_RESEND_DELAY =
      ConfigKey.of("monitor.rules.alert.resend-delay", "--rules.alert.resend-delay", duration(false),
          Duration.ofMinutes(1), "Minimum amount of time to wait before resending an alert to Alertmanager.");

  public static final ConfigKey<String> EXTERNAL_URL =
      ConfigKey.of("monitor.external-url", "--web.external-url", Parsers.string(), "",
          "The URL under which the monitor is reachable, for alert generator links and $externalURL in templates. "
              + "Empty: http://<hostname>:<listen port>.");

  public static final ConfigKey<Long> NOTIFICATION_QUEUE_CAPACITY =
      ConfigKey.of("monitor.alertmanager.notification-queue-capacity", "--alertmanager.notification-queue-capacity",
          Parsers.longInRange(1, 10_000_000), 10_000L,
          "Most alert notifications queued for Alertmanager; when full, the oldest are dropped (counted in prometheus_notifications_dropped_total).");

  public static final ConfigKey<Boolean> SCRAPE_ADJUST_TIMESTAMPS =
      ConfigKey.of("monitor.scrape.adjust-timestamps", "--scrape.adjust-timestamps", Parsers.bool(), true,
          "Adjust scrape timestamps by up to --scrape.timestamp-tolerance to align them to the intended schedule "
              + "(prometheus#7846; smaller chunks on disk).");

  public static final ConfigKey<Duration> SCRAPE_TIMESTAMP_TOLERANCE =
      ConfigKey.of("monitor.scrape.timestamp-tolerance", "--scrape.timestamp-tolerance", duration(true), Duration.ofMillis(2),
          "How late a scrape may start and still be stamped with its intended time (only for intervals over 100x this).");

  public static final List<ConfigKey<?>> ALL = List.of(CONFIG_FILE, STORAGE_PATH, RETENTION_TIME, RETENTION_SIZE,
      MIN_BLOCK_DURATION, OUT_OF_ORDER_WINDOW, MAX_SERIES, LISTEN_ADDRESS, ENABLE_LIFECYCLE, ENABLE_REMOTE_WRITE_RECEIVER,
      ENABLE_ADMIN_API, QUERY_LOOKBACK_DELTA, QUERY_MAX_SAMPLES, QUERY_TIMEOUT, QUERY_MAX_CONCURRENCY,
      RULES_FOR_OUTAGE_TOLERANCE, RULES_FOR_GRACE_PERIOD, RULES_RESEND_DELAY, EXTERNAL_URL, NOTIFICATION_QUEUE_CAPACITY,
      SCRAPE_ADJUST_TIMESTAMPS, SCRAPE_TIMESTAMP_TOLERANCE);

  /** The rule manager's settings from the {@code rules.alert.*} keys. */
  public static io.cairn.monitor.rules.RuleManager.Settings ruleSettings(Config config) {
    return new io.cairn.monitor.rules.RuleManager.Settings(config.get(RULES_RESEND_DELAY).toMillis(),
        config.get(RULES_FOR_OUTAGE_TOLERANCE).toMillis(), config.get(RULES_FOR_GRACE_PERIOD).toMillis());
  }

  /** The scrape timestamp alignment from the {@code scrape.*} keys. */
  public static io.cairn.monitor.scrape.TimestampAlignment timestampAlignment(Config config) {
    return new io.cairn.monitor.scrape.TimestampAlignment(
        config.get(SCRAPE_ADJUST_TIMESTAMPS), config.get(SCRAPE_TIMESTAMP_TOLERANCE));
  }

  /** The PromQL engine's limits from the {@code query.*} keys. */
  public static EngineOptions engineOptions(Config config) {
    return EngineOptions.defaults()
        .withLookbackDelta(config.get(QUERY_LOOKBACK_DELTA))
        .withMaxSamples(config.get(QUERY_MAX_SAMPLES))
        .withTimeout(config.get(QUERY_TIMEOUT))
        .withMaxConcurrentQueries((int) (long) config.get(QUERY_MAX_CONCURRENCY));
  }

  static ValueParser<Duration> duration(boolean zeroAllowed) {
    return text -> {
      PromDuration d;
      try {
        d = PromDuration.parse(text.strip());
      } catch (IllegalArgumentException e) {
        d = null;
      }
      if (d == null || (d.isZero() && !zeroAllowed)) {
        throw new IllegalArgumentException("expected a " + (zeroAllowed ? "" : "positive ")
            + "Prometheus duration such as 15d, 2h or 1h30m");
      }
      return d.toDuration();
    };
  }

  static ValueParser<Long> bytes() {
    return text -> {
      long b;
      try {
        b = Base2Bytes.parse(text.strip());
      } catch (IllegalArgumentException e) {
        b = -1;
      }
      if (b < 0) {
        throw new IllegalArgumentException("expected a size such as 0, 512MB or 1GB");
      }
      return b;
    };
  }
}
