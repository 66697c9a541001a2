package io.cairn.server.kv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a child process' output stream line by line on a virtual thread, keeping the last
 * {@code capacity} lines, and lets a test wait (bounded) until the lines satisfy a condition.
 */
final class LineCollector {
  private final int capacity;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private boolean ended;

  private LineCollector(InputStream in, int capacity) {
    this.capacity = capacity;
    this.reader = Thread.ofVirtual().start(() -> drain(in));
  }

  static LineCollector all(InputStream in) {
    return new LineCollector(in, Integer.MAX_VALUE);
  }

  static LineCollector tail(InputStream in, int capacity) {
    return new LineCollector(in, capacity);
  }

  private void drain(InputStream in) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        add(line);
      }
    } catch (IOException ignored) {
      // the process is gone; what was read is kept
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  private synchronized void add(String line) {
    lines.add(line);
    if (lines.size() > capacity) {
      lines.removeFirst();
    }
    notifyAll();
  }

  /** Whether the stream has ended (the process closed it or exited). */
  synchronized boolean ended() {
    return ended;
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  /**
   * Waits until the lines read so far satisfy {@code done}, the stream ends, or {@code timeout}
   * passes; returns whether {@code done} holds.
   */
  synchronized boolean awaitLines(Predicate<List<String>> done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(lines) && !ended) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return done.test(lines);
  }

  /** Waits (bounded) until everything the process wrote before it ended has been read. */
  void awaitEnd(Duration timeout) throws InterruptedException {
    reader.join(timeout);
  }
}
