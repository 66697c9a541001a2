package io.cairn.gateway.provider.kv;

import io.cairn.gateway.config.ConfigProblem;
import io.cairn.gateway.config.DynamicConfig;
import io.cairn.gateway.config.StaticConfig;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The etcd provider: Traefik's dynamic configuration from the keys under {@code rootKey} in cairn
 * kv or etcd, kept current with a watch.
 *
 * <p><b>Design.</b> One daemon thread connects to an endpoint, reads every key under {@code
 * rootKey/} with one Range at revision R, then watches the prefix from R+1 and applies each put and
 * delete to its own key map (no re-read per change). A change arms the throttle ({@link Reloads}):
 * after {@code providersThrottleDuration} (Traefik's, default 2 s) the whole key map is decoded and
 * validated ({@link KvDecoding}); a valid configuration that differs from the last one goes to
 * {@code onChange}, a refused one goes to {@code onError} with every problem and the last one keeps
 * serving. Changes during the wait are folded in, so a burst makes one reload. When the connection
 * fails the thread waits (backoff from {@value #BACKOFF_START_MS} ms doubling to {@value
 * #BACKOFF_MAX_MS} ms, next endpoint each time) and resumes the watch from the last revision seen;
 * if kv has compacted that revision, it reads everything again. Listeners run on the throttle
 * thread one at a time and must not block for long.
 *
 * <p>Thread-safe: {@link #initial()} and {@link #close()} from any thread; close is idempotent.
 */
public final class KvProvider implements AutoCloseable {
  /** The provider name that qualifies this provider's elements ({@code api@etcd}), Traefik's. */
  public static final String NAME = "etcd";
  /** How long one call (Range, Authenticate) may take; Traefik's etcd ConnectionTimeout is 3 s. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
  static final long BACKOFF_START_MS = 200;
  static final long BACKOFF_MAX_MS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(KvProvider.class);

  private final StaticConfig.EtcdProvider config;
  private final EtcdSecurity security;
  private final Reloads reloads;
  private final Map<String, String> keys = new HashMap<>(); // guarded by this
  private final CountDownLatch firstRead = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private volatile EtcdClient client;
  private long revision; // last revision seen; only the watch thread

  private KvProvider(StaticConfig.EtcdProvider config, KvDecoding decoding, Duration throttle,
      Consumer<DynamicConfig> onChange, Consumer<List<ConfigProblem>> onError) {
    if (config.endpoints().isEmpty()) {
      throw new IllegalArgumentException("providers.etcd.endpoints: at least one endpoint is needed, got none");
    }
    config.endpoints().forEach(EtcdClient::builder); // refuses a malformed endpoint before anything starts
    if (throttle == null || throttle.isNegative()) {
      throw new IllegalArgumentException("providersThrottleDuration must be zero or positive, got " + throttle);
    }
    this.config = config;
    this.security = EtcdSecurity.of(config);
    this.reloads = new Reloads(decoding, throttle, this::copy, Objects.requireNonNull(onChange, "onChange"),
        Objects.requireNonNull(onError, "onError"));
    this.thread = Thread.ofPlatform().daemon().name("gateway-etcd-watch").unstarted(this::run);
  }

  /**
   * Starts reading and watching; waits up to {@code initialWait} for the first read (retrying
   * failed attempts meanwhile) so that a reachable kv configures the gateway before it serves. Use
   * {@link #initial()} for that first configuration; later ones (and a first one that came late) go
   * to {@code onChange}.
   *
   * @param decoding decodes and validates the keys under the root
   * @param throttle wait after a change before applying ({@code providersThrottleDuration})
   */
  public static KvProvider start(StaticConfig.EtcdProvider config, KvDecoding decoding, Duration throttle,
      Duration initialWait, Consumer<DynamicConfig> onChange, Consumer<List<ConfigProblem>> onError)
      throws InterruptedException {
    KvProvider p = new KvProvider(config, Objects.requireNonNull(decoding, "decoding"), throttle, onChange, onError);
    p.thread.start();
    p.firstRead.await(initialWait.toMillis(), TimeUnit.MILLISECONDS);
    return p;
  }

  /** The valid configuration read at start, if the first read finished in time; later ones go to onChange. */
  public Optional<DynamicConfig> initial() {
    return reloads.initial();
  }

  private synchronized Map<String, String> copy() {
    return Map.copyOf(keys);
  }

  private void run() {
    long backoff = BACKOFF_START_MS;
    int endpoint = 0;
    while (!closed) {
      String address = config.endpoints().get(endpoint % config.endpoints().size());
      try (EtcdClient c = new EtcdClient(address, security, CALL_TIMEOUT)) {
        client = c;
        if (closed) {
          return;
        }
        if (revision == 0) {
          readAll(c);
        }
        backoff = BACKOFF_START_MS;
        watch(c);
      } catch (RuntimeException e) {
        if (!closed) {
          LOG.warn("etcd provider: {} failed ({}); retrying in {} ms", address, e.getMessage(), backoff);
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        client = null;
      }
      endpoint++;
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        return;
      }
      backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    }
  }

  private void readAll(EtcdClient c) {
    EtcdClient.Snapshot s = c.range(config.rootKey() + "/", CALL_TIMEOUT);
    boolean first;
    synchronized (this) {
      keys.clear();
      keys.putAll(s.pairs());
      first = revision == 0 && firstRead.getCount() > 0;
    }
    revision = s.revision();
    LOG.info("etcd provider: read {} keys under {}/ at revision {}", s.pairs().size(), config.rootKey(), revision);
    if (first) {
      reloads.reload();
      firstRead.countDown();
    } else {
      reloads.changed();
    }
  }

  /** Follows the watch until it ends; returns normally after a compaction (everything was read again). */
  private void watch(EtcdClient c) throws InterruptedException {
    BlockingQueue<EtcdClient.WatchItem> queue = c.watch(config.rootKey() + "/", revision + 1);
    while (!closed) {
      EtcdClient.WatchItem item = queue.poll(200, TimeUnit.MILLISECONDS);
      switch (item) {
        case null -> { }
        case EtcdClient.Ended ended -> throw new IllegalStateException("the watch ended"
            + (ended.error() == null ? "" : ": " + ended.error().getMessage()), ended.error());
        case EtcdClient.Response r -> {
          WatchResponse w = r.response();
          if (w.getCanceled() && w.getCompactRevision() == 0) {
            throw new IllegalStateException("the watch was canceled: " + w.getCancelReason());
          }
          if (w.getCompactRevision() > 0) {
            LOG.warn("etcd provider: revision {} was compacted (compact revision {}); reading every key again",
                revision + 1, w.getCompactRevision());
            readAll(c);
            queue = c.watch(config.rootKey() + "/", revision + 1);
            continue;
          }
          events(w);
        }
      }
    }
  }

  private void events(WatchResponse w) {
    if (w.getEventsCount() == 0) {
      return;
    }
    synchronized (this) {
      for (Event e : w.getEventsList()) {
        String key = e.getKv().getKey().toStringUtf8();
        if (e.getType() == Event.EventType.DELETE) {
          keys.remove(key);
        } else {
          keys.put(key, e.getKv().getValue().toStringUtf8());
        }
        revision = Math.max(revision, e.getKv().getModRevision());
      }
    }
    reloads.changed();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    EtcdClient c = client;
    if (c != null) {
      c.close();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reloads.close();
  }
}
