package io.cairn.kv.api;

import io.cairn.kv.watch.WatchHub;
import io.cairn.kv.watch.WatchSink;
import io.etcd.jetcd.api.WatchResponse;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A watch stream's outgoing buffer. Responses are queued without blocking and written to the gRPC
 * call by one drain task at a time, only while the transport is ready (gRPC flow control), so a
 * client that stops reading stops the drain, the buffer fills, and the hub falls back to replaying
 * that stream's watchers from storage instead of buffering more.
 */
final class GrpcWatchSink implements WatchSink {
  private final ServerCallStreamObserver<WatchResponse> call;
  private final WatchHub hub;
  private final Executor executor;
  private final int maxEventResponses;
  private final ConcurrentLinkedQueue<Item> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queuedEvents = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile boolean closed;

  private record Item(WatchResponse response, boolean events) {}

  GrpcWatchSink(
      ServerCallStreamObserver<WatchResponse> call, WatchHub hub, Executor executor, int maxEventResponses) {
    this.call = call;
    this.hub = hub;
    this.executor = executor;
    this.maxEventResponses = maxEventResponses;
    call.setOnReadyHandler(this::scheduleDrain);
  }

  @Override
  public boolean offerEvents(List<WatchResponse> responses) {
    if (closed) {
      return true; // nobody listens; drop
    }
    if (queuedEvents.get() >= maxEventResponses) {
      return false;
    }
    queuedEvents.addAndGet(responses.size());
    for (WatchResponse r : responses) {
      queue.add(new Item(r, true));
    }
    scheduleDrain();
    return true;
  }

  @Override
  public void sendControl(WatchResponse response) {
    if (!closed) {
      queue.add(new Item(response, false));
      scheduleDrain();
    }
  }

  @Override
  public boolean hasRoom() {
    return closed || queuedEvents.get() < maxEventResponses;
  }

  void close() {
    closed = true;
    queue.clear();
  }

  private void scheduleDrain() {
    if (!closed && !queue.isEmpty() && draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    boolean freed = false;
    try {
      while (!closed && call.isReady()) {
        Item item = queue.poll();
        if (item == null) {
          break;
        }
        if (item.events()) {
          queuedEvents.decrementAndGet();
          freed = true;
        }
        call.onNext(item.response());
      }
    } catch (RuntimeException e) {
      closed = true; // the call was cancelled under us
      queue.clear();
    } finally {
      draining.set(false);
    }
    if (freed) {
      hub.wakeUp();
    }
    if (!queue.isEmpty() && call.isReady()) {
      scheduleDrain();
    }
  }
}
