package io.cairn.tsdb.head;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.AppendException.Reason;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import java.util.Arrays;

/**
 * Collects samples and commits them through {@link Head#commit}. Samples are checked when appended,
 * against the committed state and this appender's pending samples, so a sample {@code append}
 * accepted is applied at commit unless it lost a race with another appender's commit (it is then
 * out of order beyond the window, or a conflicting duplicate): such a sample is dropped and counted,
 * as in Prometheus.
 */
final class HeadAppender implements Appender {
  private final Head head;
  private final boolean fsync;
  private MemSeries[] series = new MemSeries[16];
  private long[] ts = new long[16];
  private double[] vs = new double[16];
  private int n;
  private boolean done;
  private long batchMax = Long.MIN_VALUE;

  /**
   * An appender's newest pending sample of a series, and its pending out-of-order ones, hung on the
   * series ({@link MemSeries#pending}) instead of kept in a map. Only its owner reads or writes its
   * fields. Another appender of the same series replaces it with its own; the first owner then finds
   * a foreign one and checks its further samples of that series against the committed state only
   * (what it misses is caught at commit and counted, as for any lost race).
   */
  static final class Pending {
    final HeadAppender owner;
    long t;
    long bits;
    java.util.Map<Long, Long> outOfOrder;

    Pending(HeadAppender owner, long t, long bits) {
      this.owner = owner;
      this.t = t;
      this.bits = bits;
    }
  }

  /** @param fsync whether {@code commit} waits for the WAL's fsync (see {@code Appendable.appenderWithoutFsync}) */
  HeadAppender(Head head, boolean fsync) {
    this.head = head;
    this.fsync = fsync;
  }

  @Override
  public Labels intern(Labels labels) {
    return head.intern(labels);
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
    Pending p = s.pending;
    if (p != null && p.owner != this) {
      p = null;
    }
    Long oooBits = p == null || p.outOfOrder == null ? null : p.outOfOrder.get(t);
    boolean noop = p == null
        ? head.check(s, t, v, Long.MIN_VALUE, 0, null, batchMax)
        : head.check(s, t, v, p.t, p.bits, oooBits, batchMax);
    if (noop) {
      return s.ref;
    }
    long bits = Double.doubleToRawLongBits(v);
    if (p == null) {
      s.pending = new Pending(this, t, bits);
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
      try {
        head.commit(series, ts, vs, n, fsync);
      } finally {
        release();
      }
    }
  }

  /** Unhooks this appender's pending state from its series. */
  private void release() {
    for (int i = 0; i < n; i++) {
      MemSeries s = series[i];
      if (s != null && s.pending != null && s.pending.owner == this) {
        s.pending = null;
      }
    }
  }

  @Override
  public void rollback() {
    done = true;
    release();
    n = 0;
  }

  static AppendException refused(Reason r, String detail) {
    return new AppendException(r, detail);
  }
}
