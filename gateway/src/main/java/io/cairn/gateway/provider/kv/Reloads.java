package io.cairn.gateway.provider.kv;

import io.cairn.gateway.config.ConfigException;
import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kv provider's reloads: the key map decoded and validated as a whole, throttled (the first
 * change after a reload arms a timer of {@code providersThrottleDuration}; changes until it fires
 * join that reload), and handed over only when it differs from the last valid configuration. A
 * refused configuration goes to {@code onError} and the last one stays. Until {@link #initial()} is
 * called the valid configuration is kept for it rather than handed to {@code onChange}. Listeners
 * run on one thread at a time. Thread-safe.
 */
final class Reloads implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reloads.class);

  private final KvDecoding decoding;
  private final Duration throttle;
  private final Supplier<Map<String, String>> keys;
  private final Consumer<DynamicConfig> onChange;
  private final Consumer<List<ConfigProblem>> onError;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("gateway-etcd-reload").factory());
  private boolean pending; // guarded by this
  private boolean started; // guarded by this
  private DynamicConfig last; // guarded by this
  private volatile boolean closed;

  /** @param keys a copy of the current key map, taken when a reload runs */
  Reloads(KvDecoding decoding, Duration throttle, Supplier<Map<String, String>> keys, Consumer<DynamicConfig> onChange,
      Consumer<List<ConfigProblem>> onError) {
    this.decoding = decoding;
    this.throttle = throttle;
    this.keys = keys;
    this.onChange = onChange;
    this.onError = onError;
  }

  /** The valid configuration so far, if any; from now on new ones go to {@code onChange}. */
  synchronized Optional<DynamicConfig> initial() {
    started = true;
    return Optional.ofNullable(last);
  }

  /** Keys changed: reload once the throttle duration has passed (unless a reload is already due). */
  synchronized void changed() {
    if (!pending && !closed) {
      pending = true;
      timer.schedule(this::reload, throttle.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** Reloads now, on the calling thread (the first read, which nobody should wait 2 s for). */
  void reload() {
    synchronized (this) {
      pending = false;
    }
    try {
      DynamicConfig next = decoding.decode(keys.get());
      DynamicConfig previous;
      boolean deliver;
      synchronized (this) {
        if (next.equals(last)) {
          return;
        }
        previous = last;
        last = next;
        deliver = started;
      }
      if (deliver && !closed) {
        try {
          onChange.accept(next);
        } catch (RuntimeException e) {
          synchronized (this) {
            last = previous; // not applied: the next change tries again
          }
          throw e;
        }
      }
    } catch (ConfigException e) {
      LOG.warn("etcd provider: configuration refused, the previous one stays: {}", e.getMessage());
      try {
        onError.accept(e.problems());
      } catch (RuntimeException listenerFailure) {
        LOG.error("etcd provider: error listener failed", listenerFailure);
      }
    } catch (RuntimeException e) {
      LOG.error("etcd provider: change listener failed", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
  }
}
