package io.cairn.monitor.server;

import io.cairn.common.config.CommonKeys;
import io.cairn.common.config.Config;
import io.cairn.monitor.config.Base2Bytes;
import io.cairn.common.text.PromDuration;
import io.cairn.monitor.discovery.DiscoveryManager;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /api/v1/status/flags}: every flag of Prometheus 2.42 (as the Debian build that is cairn's
 * reference lists them) with the value cairn effectively uses, plus cairn's own monitor flags
 * under their Prometheus-style names ({@code storage.tsdb.out-of-order-time-window}, {@code
 * storage.tsdb.max-series}).
 *
 * <p>Flags cairn takes show their value; {@code storage.tsdb.retention.time} shows the retention in
 * force ({@code 15d} when unset, where Prometheus shows {@code 0s}); {@code storage.tsdb.path} the
 * directory in use. Flags of features cairn does not have show Prometheus's default (agent mode,
 * {@code alertmanager.timeout}, remote read) or the value that describes cairn ({@code
 * storage.tsdb.wal-compression=false}: cairn's WAL is not compressed; {@code web.console.*} empty:
 * no consoles; {@code log.format}/{@code log.level} from cairn's {@code --log-format}/{@code
 * --log-level}). {@code web.max-connections} and {@code web.read-timeout} show Prometheus's defaults;
 * cairn does not enforce them.
 */
final class PromFlags {
  private PromFlags() {}

  static Map<String, String> of(Config config, Path storagePath) {
    Map<String, String> f = new TreeMap<>();
    f.put("alertmanager.notification-queue-capacity", Long.toString(config.get(MonitorKeys.NOTIFICATION_QUEUE_CAPACITY)));
    f.put("alertmanager.timeout", "");
    f.put("config.file", config.get(MonitorKeys.CONFIG_FILE));
    f.put("enable-feature", "");
    f.put("log.format", config.get(CommonKeys.LOG_FORMAT).name().toLowerCase(Locale.ROOT));
    f.put("log.level", config.get(CommonKeys.LOG_LEVEL).name().toLowerCase(Locale.ROOT));
    f.put("query.lookback-delta", "5m");
    f.put("query.max-concurrency", "20");
    f.put("query.max-samples", "50000000");
    f.put("query.timeout", "2m");
    f.put("rules.alert.for-grace-period", dur(config.get(MonitorKeys.RULES_FOR_GRACE_PERIOD).toMillis()));
    f.put("rules.alert.for-outage-tolerance", dur(config.get(MonitorKeys.RULES_FOR_OUTAGE_TOLERANCE).toMillis()));
    f.put("rules.alert.resend-delay", dur(config.get(MonitorKeys.RULES_RESEND_DELAY).toMillis()));
    f.put("scrape.adjust-timestamps", Boolean.toString(config.get(MonitorKeys.SCRAPE_ADJUST_TIMESTAMPS)));
    f.put("scrape.discovery-reload-interval", dur(DiscoveryManager.DEFAULT_UPDATE_INTERVAL.toMillis()));
    f.put("scrape.timestamp-tolerance", dur(config.get(MonitorKeys.SCRAPE_TIMESTAMP_TOLERANCE).toMillis()));
    f.put("storage.agent.path", "data-agent/");
    f.put("storage.agent.retention.max-time", "0s");
    f.put("storage.agent.retention.min-time", "0s");
    f.put("storage.agent.use-lockfile", "false");
    f.put("storage.agent.wal-compression", "true");
    f.put("storage.agent.wal-segment-size", "0B");
    f.put("storage.agent.wal-truncate-frequency", "0s");
    f.put("storage.remote.flush-deadline", "1m");
    f.put("storage.remote.read-concurrent-limit", "10");
    f.put("storage.remote.read-max-bytes-in-frame", "1048576");
    f.put("storage.remote.read-sample-limit", "50000000");
    f.put("storage.tsdb.allow-overlapping-blocks", "true");
    f.put("storage.tsdb.head-chunks-write-queue-size", "0");
    f.put("storage.tsdb.max-block-chunk-segment-size", "0B");
    long retention = retentionMillis(config);
    f.put("storage.tsdb.max-block-duration", dur(Math.min(retention / 10, 31L * 24 * 3600 * 1000)));
    f.put("storage.tsdb.min-block-duration", dur(config.get(MonitorKeys.MIN_BLOCK_DURATION).toMillis()));
    f.put("storage.tsdb.path", storagePath.toString());
    f.put("storage.tsdb.retention", "0s");
    f.put("storage.tsdb.retention.size", Base2Bytes.format(config.get(MonitorKeys.RETENTION_SIZE)));
    f.put("storage.tsdb.retention.time", dur(retention));
    f.put("storage.tsdb.use-lockfile", "false");
    f.put("storage.tsdb.wal-compression", "false");
    f.put("storage.tsdb.wal-segment-size", "0B");
    f.put("storage.tsdb.out-of-order-time-window", dur(config.get(MonitorKeys.OUT_OF_ORDER_WINDOW).toMillis()));
    f.put("storage.tsdb.max-series", Long.toString(config.get(MonitorKeys.MAX_SERIES)));
    f.put("web.config.file", "");
    f.put("web.console.libraries", "");
    f.put("web.console.templates", "");
    f.put("web.cors.origin", ".*");
    f.put("web.enable-admin-api", Boolean.toString(config.get(MonitorKeys.ENABLE_ADMIN_API)));
    f.put("web.enable-lifecycle", Boolean.toString(config.get(MonitorKeys.ENABLE_LIFECYCLE)));
    f.put("web.enable-remote-write-receiver", Boolean.toString(config.get(MonitorKeys.ENABLE_REMOTE_WRITE_RECEIVER)));
    f.put("web.external-url", config.get(MonitorKeys.EXTERNAL_URL));
    f.put("web.listen-address", config.get(MonitorKeys.LISTEN_ADDRESS).toString());
    f.put("web.local-assets", "");
    f.put("web.max-connections", "512");
    f.put("web.page-title", "Prometheus Time Series Collection and Processing Server");
    f.put("web.read-timeout", "5m");
    f.put("web.route-prefix", "/");
    f.put("web.user-assets", "");
    return f;
  }

  /** The retention in force: the flag, or 15d when it is 0. */
  static long retentionMillis(Config config) {
    long r = config.get(MonitorKeys.RETENTION_TIME).toMillis();
    return r == 0 ? io.cairn.tsdb.db.DbOptions.DEFAULT_RETENTION_MS : r;
  }

  /** As Prometheus's runtime info: {@code 15d}, {@code 15d or 1GiB}. */
  static String storageRetention(Config config) {
    long size = config.get(MonitorKeys.RETENTION_SIZE);
    return dur(retentionMillis(config)) + (size != 0 ? " or " + Base2Bytes.format(size) : "");
  }

  private static String dur(long ms) {
    return new PromDuration(ms).toString();
  }
}
