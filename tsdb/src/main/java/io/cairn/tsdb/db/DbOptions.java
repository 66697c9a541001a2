package io.cairn.tsdb.db;

import io.cairn.tsdb.head.HeadOptions;
import java.util.Objects;

/**
 * Settings of a {@link Db}.
 *
 * @param head the head's settings; its chunk range is the smallest block range
 * @param retentionMs delete blocks whose data is older than this behind the newest block (0: keep)
 * @param retentionBytes delete the oldest blocks while blocks plus WAL take more (0: no limit)
 * @param maintenanceIntervalMs how often the head is cut into blocks, blocks are compacted and
 *     retention runs (Prometheus: every minute)
 */
public record DbOptions(HeadOptions head, long retentionMs, long retentionBytes, long maintenanceIntervalMs) {
  public static final long DEFAULT_RETENTION_MS = 15L * 24 * 3600 * 1000;

  public DbOptions {
    Objects.requireNonNull(head, "head");
    if (retentionMs < 0 || retentionBytes < 0) {
      throw new IllegalArgumentException("retention must not be negative: time " + retentionMs + " ms, size " + retentionBytes + " bytes");
    }
    if (maintenanceIntervalMs < 10) {
      throw new IllegalArgumentException("maintenance interval must be at least 10 ms, got " + maintenanceIntervalMs);
    }
  }

  public static DbOptions defaults() {
    return new DbOptions(HeadOptions.defaults(), DEFAULT_RETENTION_MS, 0, 60_000);
  }

  public DbOptions withHead(HeadOptions h) {
    return new DbOptions(h, retentionMs, retentionBytes, maintenanceIntervalMs);
  }

  public DbOptions withRetention(long ms, long bytes) {
    return new DbOptions(head, ms, bytes, maintenanceIntervalMs);
  }

  public DbOptions withMaintenanceInterval(long ms) {
    return new DbOptions(head, retentionMs, retentionBytes, ms);
  }
}
