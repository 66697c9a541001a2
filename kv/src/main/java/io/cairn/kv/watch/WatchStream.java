package io.cairn.kv.watch;

import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchers of one client stream (one gRPC {@code Watch} call), with etcd's ID rules: ID 0 in a
 * create request asks for the next free ID, counting from 0; a taken ID is refused. Thread-safe.
 */
public final class WatchStream implements AutoCloseable {
  /** etcd's "watcher range is empty" (mvcc/watcher.go ErrEmptyWatcherRange). */
  static final String EMPTY_RANGE = "mvcc: watcher range is empty";
  /** etcd's "duplicate watch ID" (mvcc/watcher.go ErrWatcherDuplicateID). */
  static final String DUPLICATE_ID = "mvcc: duplicate watch ID provided on the WatchStream";

  private final WatchHub hub;
  private final WatchSink sink;
  private final Map<Long, Watcher> watchers = new ConcurrentHashMap<>();
  private long nextId; // guarded by this

  WatchStream(WatchHub hub, WatchSink sink) {
    this.hub = hub;
    this.sink = sink;
  }

  WatchSink sink() {
    return sink;
  }

  /** Handles a create request: answers "created" (or refused), then events follow. */
  public void create(WatchCreateRequest req) {
    long rev = hub.currentRevision();
    KeyRange range = KeyRange.of(req.getKey(), req.getRangeEnd());
    if (range.isEmptyRange()) {
      refuse(rev, EMPTY_RANGE);
      return;
    }
    long id;
    synchronized (this) {
      if (MissingFields.watchId(req) == 0) {
        while (watchers.containsKey(nextId)) {
          nextId++;
        }
        id = nextId++;
      } else if (watchers.containsKey(MissingFields.watchId(req))) {
        refuse(rev, DUPLICATE_ID);
        return;
      } else {
        id = MissingFields.watchId(req);
      }
      // Reserve the ID before the hub can deliver, and answer "created" before any event.
      sink.sendControl(
          WatchResponse.newBuilder().setHeader(hub.header(rev)).setWatchId(id).setCreated(true).build());
      long start = req.getStartRevision();
      if (start > 0 && start < hub.compactRevision()) { // etcd: below the compact revision
        sink.sendControl(
            WatchResponse.newBuilder()
                // etcd's compaction cancel carries no revision in its header (mvcc sends revision 0)
                .setHeader(hub.header(0))
                .setWatchId(id)
                .setCompactRevision(hub.compactRevision())
                .setCanceled(true)
                .build());
        return;
      }
      watchers.put(id, hub.register(id, this, req));
    }
  }

  /**
   * Refuses a create request the caller may not make (etcd 3.4: created and canceled at once, with
   * the request's watch ID and {@code reason}).
   */
  public void deny(WatchCreateRequest req, String reason) {
    sink.sendControl(
        WatchResponse.newBuilder()
            .setHeader(hub.header(hub.currentRevision()))
            .setWatchId(MissingFields.watchId(req))
            .setCreated(true)
            .setCanceled(true)
            .setCancelReason(reason)
            .build());
  }

  private void refuse(long rev, String reason) {
    sink.sendControl(
        WatchResponse.newBuilder()
            .setHeader(hub.header(rev))
            .setWatchId(-1)
            .setCreated(true)
            .setCanceled(true)
            .setCancelReason(reason)
            .build());
  }

  /** Cancels a watcher; an unknown ID is ignored, as etcd does. */
  public void cancel(long watchId) {
    Watcher w = watchers.remove(watchId);
    if (w != null) {
      hub.unregister(w);
      sink.sendControl(
          WatchResponse.newBuilder()
              .setHeader(hub.header(hub.currentRevision()))
              .setWatchId(watchId)
              .setCanceled(true)
              .build());
    }
  }

  /**
   * A progress request: if every watcher of the stream is caught up, answers with the current
   * revision and watch ID -1 (etcd 3.4's RequestProgress); otherwise the events themselves will tell.
   */
  public void requestProgress() {
    if (hub.allSynced(watchers.values())) {
      sink.sendControl(
          WatchResponse.newBuilder().setHeader(hub.header(hub.currentRevision())).setWatchId(-1).build());
    }
  }

  void forget(long id) {
    watchers.remove(id);
  }

  /** The client went away: drop every watcher. */
  @Override
  public void close() {
    for (Watcher w : watchers.values()) {
      hub.unregister(w);
    }
    watchers.clear();
  }
}
