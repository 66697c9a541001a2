package io.cairn.raft;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.ratis.metrics.LongCounter;
import org.apache.ratis.metrics.MetricRegistries;
import org.apache.ratis.metrics.MetricRegistryInfo;
import org.apache.ratis.metrics.RatisMetricRegistry;
import org.apache.ratis.metrics.Timekeeper;
import org.apache.ratis.util.TimeDuration;

/**
 * Ratis' metrics, reduced to what cairn exports, in place of {@code ratis-metrics-default} (found by
 * Ratis through {@code META-INF/services}). Ratis times and counts many things through this API; cairn
 * keeps one: the log worker's {@code syncTime}, the fsync of the Raft log, which is etcd's WAL fsync
 * ({@code etcd_disk_wal_fsync_duration_seconds}). Every other timer and gauge is a no-op and counters
 * are plain adders, which also spares Ratis' hot paths the Dropwizard reservoirs.
 *
 * <p>Registries are process-wide in Ratis; an fsync is routed to the {@link RaftNode} whose peer ID
 * starts the registry's prefix ({@code <peer>@group-<id>}), registered with {@link #onWalFsync}.
 * Thread-safe.
 */
public final class RatisMetricsBridge extends MetricRegistries {
  static final String LOG_WORKER = "log_worker";
  static final String SYNC_TIME = "syncTime";

  private static final Map<String, LongConsumer> FSYNC_LISTENERS = new ConcurrentHashMap<>();
  private final Map<MetricRegistryInfo, Registry> registries = new ConcurrentHashMap<>();

  /** Routes the Raft log fsync durations (nanoseconds) of {@code peerId}'s groups to {@code listener}. */
  static void onWalFsync(String peerId, LongConsumer listener) {
    FSYNC_LISTENERS.put(peerId, listener);
  }

  static void stopWalFsync(String peerId) {
    FSYNC_LISTENERS.remove(peerId);
  }

  @Override
  public void clear() {
    registries.clear();
  }

  @Override
  public RatisMetricRegistry create(MetricRegistryInfo info) {
    return registries.computeIfAbsent(info, Registry::new);
  }

  @Override
  public boolean remove(MetricRegistryInfo info) {
    return registries.remove(info) != null;
  }

  @Override
  public Optional<RatisMetricRegistry> get(MetricRegistryInfo info) {
    return Optional.ofNullable(registries.get(info));
  }

  @Override
  public Set<MetricRegistryInfo> getMetricRegistryInfos() {
    return Set.copyOf(registries.keySet());
  }

  @Override
  public Collection<RatisMetricRegistry> getMetricRegistries() {
    return List.copyOf(registries.values());
  }

  @Override
  public void addReporterRegistration(
      Consumer<RatisMetricRegistry> onAdd, Consumer<RatisMetricRegistry> onRemove) {}

  @Override
  public void enableJmxReporter() {}

  @Override
  public void enableConsoleReporter(TimeDuration period) {}

  private static final class Registry implements RatisMetricRegistry {
    private static final Timekeeper.Context NO_CONTEXT = () -> 0;
    private static final Timekeeper NO_TIMER = () -> NO_CONTEXT;

    private final MetricRegistryInfo info;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final String peerId;

    Registry(MetricRegistryInfo info) {
      this.info = info;
      String prefix = info.getPrefix() == null ? "" : info.getPrefix();
      int at = prefix.indexOf('@');
      this.peerId = at < 0 ? prefix : prefix.substring(0, at);
    }

    @Override
    public Timekeeper timer(String name) {
      if (!LOG_WORKER.equals(info.getMetricsComponentName()) || !SYNC_TIME.equals(name)) {
        return NO_TIMER;
      }
      return () -> {
        long start = System.nanoTime();
        return () -> {
          long took = System.nanoTime() - start;
          LongConsumer l = FSYNC_LISTENERS.get(peerId);
          if (l != null) {
            l.accept(took);
          }
          return took;
        };
      };
    }

    @Override
    public LongCounter counter(String name) {
      return counters.computeIfAbsent(name, n -> new Counter());
    }

    @Override
    public boolean remove(String name) {
      return counters.remove(name) != null;
    }

    @Override
    public <T> void gauge(String name, Supplier<Supplier<T>> gauge) {}

    @Override
    public MetricRegistryInfo getMetricRegistryInfo() {
      return info;
    }
  }

  private static final class Counter implements LongCounter {
    private final LongAdder value = new LongAdder();

    @Override
    public void inc(long n) {
      value.add(n);
    }

    @Override
    public void dec(long n) {
      value.add(-n);
    }

    @Override
    public long getCount() {
      return value.sum();
    }
  }
}
