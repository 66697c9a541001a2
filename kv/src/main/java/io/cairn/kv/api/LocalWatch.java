package io.cairn.kv.api;

import io.cairn.kv.store.EtcdError;
import io.cairn.kv.watch.WatchHub;
import io.cairn.kv.watch.WatchSink;
import io.cairn.kv.watch.WatchStream;
import io.etcd.jetcd.api.WatchCreateRequest;
import io.etcd.jetcd.api.WatchResponse;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One watcher on this member's {@link WatchHub}, read by one thread: the in-process counterpart of
 * a client's watch stream, for the lock and election services. The hub delivers into a queue of at
 * most {@link #MAX_BUFFERED} event responses; when it is full the hub replays the events from
 * storage later, as for a slow gRPC client, so memory stays bounded. Close it to unregister.
 */
final class LocalWatch implements WatchSink, AutoCloseable {
  /** Event responses held before the hub falls back to replaying from storage. */
  static final int MAX_BUFFERED = 64;

  private record Item(WatchResponse response, boolean counted) {}

  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger buffered = new AtomicInteger();
  private final WatchStream stream;

  LocalWatch(WatchHub hub, WatchCreateRequest request) {
    stream = hub.openStream(this);
    stream.create(request);
  }

  @Override
  public boolean offerEvents(List<WatchResponse> responses) {
    if (buffered.addAndGet(responses.size()) > MAX_BUFFERED) {
      buffered.addAndGet(-responses.size());
      return false;
    }
    for (WatchResponse r : responses) {
      queue.add(new Item(r, true));
    }
    return true;
  }

  @Override
  public void sendControl(WatchResponse response) {
    queue.add(new Item(response, false));
  }

  @Override
  public boolean hasRoom() {
    return buffered.get() < MAX_BUFFERED;
  }

  /**
   * The next response that carries events, waiting for it. A watch cancelled by the server (its
   * start revision was compacted) fails with etcd's compaction error, as the Go client's {@code
   * wr.Err()} does.
   */
  WatchResponse next() throws InterruptedException {
    while (true) {
      Item item = queue.take();
      if (item.counted()) {
        buffered.decrementAndGet();
      }
      WatchResponse r = item.response();
      if (r.getCanceled()) {
        throw r.getCompactRevision() > 0 ? LocalClient.asServerError(GrpcErrors.of(EtcdError.COMPACTED)) : Concurrency.LOST_WATCHER.asRuntimeException();
      }
      if (r.getEventsCount() > 0) {
        return r;
      }
    }
  }

  @Override
  public void close() {
    stream.close();
  }
}
