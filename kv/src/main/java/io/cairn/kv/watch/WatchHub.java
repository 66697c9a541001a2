package io.cairn.kv.watch;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvStore;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.ResponseHeader;
import io.etcd.jetcd.api.WatchResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every watcher on this member.
 *
 * <p><b>Design.</b> As in etcd's watchable store, watchers are <em>synced</em> (caught up: they get
 * each apply's events straight from the store listener) or <em>unsynced</em> (starting in the past,
 * or fallen behind because their stream's buffer was full). A single worker replays history for
 * unsynced watchers from {@link KvStore#events} in bounded steps and moves them to synced once they
 * reach the store's revision. So a slow client never stalls the applier or other watchers, and
 * memory per stream is bounded by its sink's buffer: events it could not take are re-read from
 * storage later, not held.
 *
 * <p><b>Invariants.</b> A watcher's {@code nextRev} is the first revision it has not received and
 * only grows; every delivery skips events below it, so the listener and the worker may both see an
 * apply's events without duplicating them. The move from unsynced to synced happens under {@code
 * lock} after checking that the store's revision is below {@code nextRev}; the listener also runs
 * under {@code lock}, so no apply falls between the two.
 *
 * <p><b>Threads.</b> {@link #applied} runs on the Raft applier thread and only does non-blocking
 * work under {@code lock}. Stream operations come from gRPC threads. The worker is one platform
 * thread.
 */
public final class WatchHub implements KvStore.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WatchHub.class);
  /** Events read from storage per catch-up step. */
  static final int CATCH_UP_BATCH = 1000;

  private final KvStore store;
  private final LongFunction<ResponseHeader> header;
  private final long maxResponseBytes;
  private final Object lock = new Object();
  private final Set<Watcher> synced = new HashSet<>(); // guarded by lock
  private final Set<Watcher> unsynced = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService worker;
  private final AtomicBoolean catchUpQueued = new AtomicBoolean();

  /**
   * @param header builds a response header for a revision
   * @param maxResponseBytes fragmenting watchers split responses larger than this
   * @param progressInterval how often idle {@code progress_notify} watchers get a progress response
   */
  public WatchHub(
      KvStore store, LongFunction<ResponseHeader> header, long maxResponseBytes, Duration progressInterval) {
    this.store = store;
    this.header = header;
    this.maxResponseBytes = maxResponseBytes;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kv-watch-sync").daemon().factory());
    worker.scheduleWithFixedDelay(this::catchUpAll, 100, 100, TimeUnit.MILLISECONDS);
    long p = progressInterval.toMillis();
    worker.scheduleWithFixedDelay(this::progressTick, p, p, TimeUnit.MILLISECONDS);
    store.addListener(this);
  }

  /** A new client stream. */
  public WatchStream openStream(WatchSink sink) {
    return new WatchStream(this, sink);
  }

  ResponseHeader header(long revision) {
    return header.apply(revision);
  }

  long currentRevision() {
    return store.revision();
  }

  long compactRevision() {
    return store.compactRevision();
  }

  /** Registers a watcher starting at {@code startRev} (0 = after the current revision). */
  Watcher register(long id, WatchStream stream, io.etcd.jetcd.api.WatchCreateRequest req) {
    synchronized (lock) {
      long current = store.revision();
      long start = req.getStartRevision() <= 0 ? current + 1 : req.getStartRevision();
      Watcher w = new Watcher(id, stream, req, start);
      if (start > current) {
        synced.add(w);
      } else {
        unsynced.add(w);
        wakeUp();
      }
      return w;
    }
  }

  void unregister(Watcher w) {
    w.canceled = true;
    synchronized (lock) {
      synced.remove(w);
    }
    unsynced.remove(w);
  }

  /**
   * Moves every watcher to catch-up, e.g. after a Raft snapshot replaced the store wholesale and its
   * listener never saw the revisions in between.
   */
  public void resyncAll() {
    synchronized (lock) {
      unsynced.addAll(synced);
      synced.clear();
    }
    wakeUp();
  }

  /** Asks the worker to run catch-up soon (a sink drained, or a lagging watcher was added). */
  public void wakeUp() {
    if (catchUpQueued.compareAndSet(false, true)) {
      try {
        worker.execute(this::catchUpAll);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        catchUpQueued.set(false);
      }
    }
  }

  @Override
  public void applied(long revision, List<Event> events) {
    synchronized (lock) {
      List<Watcher> fellBehind = null;
      for (Watcher w : synced) {
        // prev_kv is read from storage only for the events a watcher that asked for it will get
        List<Event> mine = w.prevKv && !w.canceled ? withPrevKvs(w, events) : events;
        if (!deliver(w, mine, revision)) {
          if (fellBehind == null) {
            fellBehind = new ArrayList<>();
          }
          fellBehind.add(w);
        }
      }
      if (fellBehind != null) {
        fellBehind.forEach(synced::remove);
        unsynced.addAll(fellBehind);
      }
    }
  }

  /** The events {@code w} wants at or after its {@code nextRev}, with their {@code prev_kv}. */
  private List<Event> withPrevKvs(Watcher w, List<Event> events) {
    List<Event> wanted = wanted(w, events);
    return wanted.isEmpty() ? wanted : store.withPrevKvs(wanted);
  }

  /** The events {@code w} wants at or after its {@code nextRev}, in a new mutable list. */
  private static List<Event> wanted(Watcher w, List<Event> events) {
    List<Event> wanted = new ArrayList<>();
    for (Event e : events) {
      if (e.getKv().getModRevision() >= w.nextRev && w.wants(e)) {
        wanted.add(e);
      }
    }
    return wanted;
  }

  /**
   * Sends the events this watcher wants at or after its {@code nextRev}, then advances it past {@code
   * upTo}. Returns false, changing nothing, if the sink is full.
   */
  private boolean deliver(Watcher w, List<Event> events, long upTo) {
    if (w.canceled) {
      return true;
    }
    List<Event> wanted = wanted(w, events);
    wanted.replaceAll(w::shape);
    if (!wanted.isEmpty()) {
      List<WatchResponse> responses = Fragments.split(w, wanted, header(upTo), maxResponseBytes);
      if (!w.stream.sink().offerEvents(responses)) {
        return false;
      }
      w.sentSinceTick = true;
    }
    w.nextRev = Math.max(w.nextRev, upTo + 1);
    return true;
  }

  private void catchUpAll() {
    catchUpQueued.set(false);
    for (Watcher w : unsynced) {
      try {
        catchUp(w);
      } catch (RuntimeException e) {
        log.warn("watch catch-up failed for watcher {}", w.id, e);
      }
    }
  }

  private void catchUp(Watcher w) {
    while (!w.canceled && w.stream.sink().hasRoom()) {
      long target = store.revision();
      if (target >= w.nextRev) {
        List<Event> events;
        long upTo;
        try {
          events = store.events(w.nextRev, w.range.key(), w.range.rangeEnd(), true, CATCH_UP_BATCH);
          if (events.size() < CATCH_UP_BATCH) {
            upTo = Math.max(target, lastRevision(events)); // everything up to the store's revision
          } else if (firstRevision(events) < lastRevision(events)) {
            upTo = lastRevision(events) - 1; // the last revision may be cut; it is read again next step
          } else {
            // one revision with more events than a batch (a large delete): read that revision whole
            upTo = lastRevision(events);
            events = store.events(w.nextRev, w.range.key(), w.range.rangeEnd(), true, Integer.MAX_VALUE);
          }
        } catch (EtcdException e) {
          if (e.error() == EtcdError.COMPACTED) {
            compacted(w);
            return;
          }
          throw new IllegalStateException(e);
        }
        List<Event> upToEvents = new ArrayList<>();
        for (Event e : events) {
          if (e.getKv().getModRevision() <= upTo) {
            upToEvents.add(e);
          }
        }
        if (!deliver(w, upToEvents, upTo)) {
          return;
        }
        continue;
      }
      synchronized (lock) {
        if (store.revision() < w.nextRev && !w.canceled) {
          unsynced.remove(w);
          synced.add(w);
          return;
        }
      }
    }
  }

  private static long firstRevision(List<Event> events) {
    return events.isEmpty() ? 0 : events.get(0).getKv().getModRevision();
  }

  private static long lastRevision(List<Event> events) {
    return events.isEmpty() ? 0 : events.get(events.size() - 1).getKv().getModRevision();
  }

  private void compacted(Watcher w) {
    unregister(w);
    w.stream.forget(w.id);
    w.stream.sink()
        .sendControl(
            WatchResponse.newBuilder()
                // etcd's compaction cancel carries no revision in its header (mvcc sends revision 0)
                .setHeader(header(0))
                .setWatchId(w.id)
                .setCompactRevision(store.compactRevision())
                .setCanceled(true)
                .build());
  }

  private void progressTick() {
    List<Watcher> idle = new ArrayList<>();
    synchronized (lock) {
      for (Watcher w : synced) {
        if (w.progressNotify && !w.sentSinceTick) {
          idle.add(w);
        }
        w.sentSinceTick = false;
      }
    }
    long rev = store.revision();
    for (Watcher w : idle) {
      w.stream.sink().sendControl(WatchResponse.newBuilder().setHeader(header(rev)).setWatchId(w.id).build());
    }
  }

  /** Whether every given watcher is synced (progress requests are answered only then). */
  boolean allSynced(java.util.Collection<Watcher> watchers) {
    synchronized (lock) {
      return synced.containsAll(watchers);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
