package io.cairn.monitor.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * When a group evaluates, as Prometheus 2.42's {@code Group.EvalTimestamp}: every group has a
 * stable phase within its interval, {@code offset = hash(group) mod interval}, where the hash is
 * {@code labels.Labels{file=<file>, name=<name>}.Hash()} (XXH64 of {@code
 * file\xff<file>\xffname\xff<name>\xff}); evaluations happen at {@code base + offset} for bases that
 * are multiples of the interval. All times are Unix nanoseconds, as Prometheus computes them.
 */
final class EvalTimes {
  private EvalTimes() {}

  /** The group's hash: Prometheus's {@code Group.hash()}. */
  static long groupHash(String name, String file) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    put(b, "file");
    put(b, file);
    put(b, "name");
    put(b, name);
    return Xxh64.hash(b.toByteArray());
  }

  private static void put(ByteArrayOutputStream b, String s) {
    b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    b.write(0xff);
  }

  /** The latest slot of the group at or before {@code nowNanos}. */
  static long evalTimestamp(long hash, long intervalNanos, long nowNanos) {
    long offset = Long.remainderUnsigned(hash, intervalNanos);
    long adjNow = nowNanos - offset;
    long base = adjNow - (adjNow % intervalNanos);
    return base + offset;
  }
}
