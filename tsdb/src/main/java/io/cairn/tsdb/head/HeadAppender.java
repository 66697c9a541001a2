package io.cairn.tsdb.head;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.AppendException.Reason;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects samples and commits them through {@link Head#commit}. Samples are checked when appended,
 * against the committed state and this appender's pending samples, so a sample {@code append}
 * accepted is applied at commit unless it lost a race with another appender's commit (it is then
 * out of order beyond the window, or a conflicting duplicate): such a sample is dropped and counted,
 * as in Prometheus.
 */
final class HeadAppender implements Appender {
  private final Head head;
  private MemSeries[] series = new MemSeries[16];
  private long[] ts = new long[16];
  private double[] vs = new double[16];
  private int n;
  private boolean done;
  private long batchMax = Long.MIN_VALUE;
  private final java.util.Map<MemSeries, Pending> pending = new java.util.IdentityHashMap<>();

  /** This appender's newest pending sample of a series, and its pending out-of-order ones. */
  private static final class Pending {
    long t;
    long bits;
    java.util.Map<Long, Long> outOfOrder;

    Pending(long t, long bits) {
      this.t = t;
      this.bits = bits;
    }
  }

  HeadAppender(Head head) {
    this.head = head;
  }

  @Override
  public long append(long ref, Labels labels, long t, double v) throws AppendException {
    if (done) {
      throw new IllegalStateException("appender already committed or rolled back");
    }
    MemSeries s = ref != 0 ? head.seriesByRef(ref) : null;
    if (s == null || (s.labels != labels && !s.labels.equals(labels))) {
      s = head.getOrCreate(labels);
    }
    Pending p = pending.get(s);
    Long oooBits = p == null || p.outOfOrder == null ? null : p.outOfOrder.get(t);
    boolean noop = p == null
        ? head.check(s, t, v, Long.MIN_VALUE, 0, null, batchMax)
        : head.check(s, t, v, p.t, p.bits, oooBits, batchMax);
    if (noop) {
      return s.ref;
    }
    long bits = Double.doubleToRawLongBits(v);
    if (p == null) {
      pending.put(s, new Pending(t, bits));
    } else if (t > p.t) {
      p.t = t;
      p.bits = bits;
    } else {
      if (p.outOfOrder == null) {
        p.outOfOrder = new java.util.HashMap<>();
      }
      p.outOfOrder.put(t, bits);
    }
    batchMax = Math.max(batchMax, t);
    if (n == ts.length) {
      int len = n * 2;
      series = Arrays.copyOf(series, len);
      ts = Arrays.copyOf(ts, len);
      vs = Arrays.copyOf(vs, len);
    }
    series[n] = s;
    ts[n] = t;
    vs[n] = v;
    n++;
    return s.ref;
  }

  @Override
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("appender already committed or rolled back");
    }
    done = true;
    if (n > 0) {
      head.commit(series, ts, vs, n);
    }
  }

  @Override
  public void rollback() {
    done = true;
    n = 0;
    pending.clear();
  }

  /** The distinct series among the pending samples, in first-use order. */
  static List<MemSeries> distinct(MemSeries[] series, int n) {
    List<MemSeries> out = new ArrayList<>();
    java.util.Set<MemSeries> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      if (seen.add(series[i])) {
        out.add(series[i]);
      }
    }
    return out;
  }

  static AppendException refused(Reason r, String detail) {
    return new AppendException(r, detail);
  }
}
