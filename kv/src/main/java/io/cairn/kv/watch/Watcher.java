package io.cairn.kv.watch;

import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.WatchCreateRequest;

/**
 * One watcher. {@code nextRev} is the first revision not yet delivered; it only grows. Mutable state
 * is guarded by the hub's lock, except that the catch-up worker owns an unsynced watcher while it
 * replays history.
 */
final class Watcher {
  final long id;
  final WatchStream stream;
  final KeyRange range;
  final boolean prevKv;
  final boolean noPut;
  final boolean noDelete;
  final boolean fragment;
  final boolean progressNotify;

  volatile long nextRev;
  volatile boolean canceled;
  /** Whether anything was sent since the last progress tick (progress_notify only when idle). */
  volatile boolean sentSinceTick;

  Watcher(long id, WatchStream stream, WatchCreateRequest req, long nextRev) {
    this.id = id;
    this.stream = stream;
    this.range = KeyRange.of(req.getKey(), req.getRangeEnd());
    this.prevKv = req.getPrevKv();
    boolean np = false;
    boolean nd = false;
    for (WatchCreateRequest.FilterType f : req.getFiltersList()) {
      if (f == WatchCreateRequest.FilterType.NOPUT) {
        np = true;
      } else if (f == WatchCreateRequest.FilterType.NODELETE) {
        nd = true;
      }
    }
    this.noPut = np;
    this.noDelete = nd;
    this.fragment = MissingFields.fragment(req);
    this.progressNotify = req.getProgressNotify();
    this.nextRev = nextRev;
  }

  /** Whether this watcher wants the event (range and filters; revision is checked by the caller). */
  boolean wants(Event e) {
    if (e.getType() == Event.EventType.PUT ? noPut : noDelete) {
      return false;
    }
    return range.contains(e.getKv().getKey());
  }

  /** The event as this watcher receives it (prev_kv only when asked for). */
  Event shape(Event e) {
    return prevKv || !e.hasPrevKv() ? e : e.toBuilder().clearPrevKv().build();
  }
}
