package io.cairn.kv.server;

import io.cairn.common.config.ConfigException;
import io.cairn.kv.api.Proposals;
import io.cairn.kv.store.KvCommand;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.CompactionRequest;
import io.etcd.jetcd.api.CompactionResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --auto-compaction-retention}, run by the leader, as etcd's compactors do.
 *
 * <ul>
 *   <li>periodic: the retention is hours ({@code 1}) or a duration ({@code 30m}, {@code 1h30m},
 *       {@code 10s}); every tenth of it (at most hourly) the revision is sampled, and the store is
 *       compacted to the newest sample older than the retention.
 *   <li>revision: the retention is a number of revisions; every five minutes the store is compacted to
 *       the current revision minus it.
 * </ul>
 */
final class AutoCompactor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AutoCompactor.class);

  private record Sample(long nanos, long revision) {}

  private final KvStore store;
  private final Proposals proposals;
  private final BooleanSupplier leader;
  private final ScheduledExecutorService timer;
  private final Deque<Sample> samples = new ArrayDeque<>();

  private AutoCompactor(KvStore store, Proposals proposals, BooleanSupplier leader) {
    this.store = store;
    this.proposals = proposals;
    this.leader = leader;
    this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("kv-compactor").daemon().factory());
  }

  /** Starts the compactor the settings ask for, or none if retention is 0. */
  static AutoCompactor start(KvSettings s, KvStore store, Proposals proposals, BooleanSupplier leader) {
    String text = s.compactionRetention().strip();
    if (text.equals("0") || text.isEmpty()) {
      return null;
    }
    AutoCompactor c = new AutoCompactor(store, proposals, leader);
    switch (s.compactionMode()) {
      case PERIODIC -> {
        Duration retention = parseRetention(text);
        long interval = Math.max(1000, Math.min(retention.toMillis() / 10, Duration.ofHours(1).toMillis()));
        c.timer.scheduleWithFixedDelay(() -> c.periodic(retention), 0, interval, TimeUnit.MILLISECONDS);
      }
      case REVISION -> {
        long keep;
        try {
          keep = Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw new ConfigException("flag --auto-compaction-retention: expected a number of revisions, got '" + text + "'");
        }
        c.timer.scheduleWithFixedDelay(() -> c.byRevision(keep), 5, 5 * 60, TimeUnit.SECONDS);
      }
    }
    return c;
  }

  static Duration parseRetention(String text) {
    try {
      return Duration.ofMillis((long) (Double.parseDouble(text) * 3_600_000)); // plain numbers are hours
    } catch (NumberFormatException notHours) {
      try {
        return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
      } catch (java.time.format.DateTimeParseException e) {
        throw new ConfigException(
            "flag --auto-compaction-retention: expected hours (1) or a duration (30m, 1h30m), got '" + text + "'");
      }
    }
  }

  private void periodic(Duration retention) {
    long now = System.nanoTime();
    samples.addLast(new Sample(now, store.revision()));
    Sample target = null;
    while (!samples.isEmpty() && now - samples.peekFirst().nanos() >= retention.toNanos()) {
      target = samples.pollFirst();
    }
    if (target != null) {
      compact(target.revision());
    }
  }

  private void byRevision(long keep) {
    compact(store.revision() - keep);
  }

  private void compact(long revision) {
    if (!leader.getAsBoolean() || revision <= store.compactRevision() || revision <= 1) {
      return;
    }
    proposals.propose(new KvCommand.Compact(CompactionRequest.newBuilder().setRevision(revision).build()),
            CompactionResponse.class)
        .whenComplete(
            (r, failure) -> {
              if (failure == null) {
                log.info("auto-compacted to revision {}", revision);
              } else {
                log.debug("auto-compaction to {} failed", revision, failure);
              }
            });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
