package io.cairn.monitor.notifier;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The notifier's bounded FIFO of alerts waiting to be sent, as Prometheus's {@code Manager.queue}:
 * when full, the oldest alerts make room for the newest. Not thread-safe: the {@link Notifier}
 * guards it with its lock.
 */
final class AlertQueue {
  private final int capacity;
  private final ArrayDeque<Alert> queue = new ArrayDeque<>();

  /** @param capacity at least 1 */
  AlertQueue(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return queue.size();
  }

  /**
   * Appends the alerts, dropping the oldest (of the queue, then of {@code alerts} themselves when
   * they alone exceed the capacity) to stay within the capacity.
   *
   * @return how many alerts were dropped
   */
  int push(List<Alert> alerts) {
    int dropped = 0;
    int from = 0;
    if (alerts.size() > capacity) {
      from = alerts.size() - capacity;
      dropped += from;
    }
    int excess = queue.size() + (alerts.size() - from) - capacity;
    for (int i = 0; i < excess; i++) {
      queue.pollFirst();
      dropped++;
    }
    for (int i = from; i < alerts.size(); i++) {
      queue.addLast(alerts.get(i));
    }
    return dropped;
  }

  /** Removes and returns up to {@code max} of the oldest alerts; empty when the queue is. */
  List<Alert> take(int max) {
    List<Alert> out = new ArrayList<>(Math.min(max, queue.size()));
    while (out.size() < max && !queue.isEmpty()) {
      out.add(queue.pollFirst());
    }
    return out;
  }

  /** Empties the queue; returns how many alerts it held. */
  int clear() {
    int n = queue.size();
    queue.clear();
    return n;
  }
}
