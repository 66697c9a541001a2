package io.cairn.kv.watch;

import io.etcd.jetcd.api.WatchResponse;

/**
 * Where one client stream's watch responses go. Implemented by the gRPC layer with a bounded buffer
 * that drains as the client reads. Thread-safe; never blocks.
 */
public interface WatchSink {
  /**
   * Queues the responses of one delivery (several when fragmented) as a unit; returns false and
   * queues nothing when the buffer is full (the hub then replays the events from storage later).
   */
  boolean offerEvents(java.util.List<WatchResponse> responses);

  /** Queues a control response (created, canceled, progress); always accepted. */
  void sendControl(WatchResponse response);

  /** Whether an event response would be accepted now. */
  boolean hasRoom();
}
