package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory appendable with a head's ordering rules: per series, an older timestamp is out of
 * order, the same timestamp with other value bits a duplicate, the same sample again is ignored.
 */
final class RecordingAppendable implements Appendable {
  private final Map<Labels, List<Sample>> committed = new LinkedHashMap<>();
  private final Map<Labels, Long> refs = new HashMap<>();
  final AtomicInteger commits = new AtomicInteger();
  final AtomicInteger rollbacks = new AtomicInteger();

  @Override
  public Appender appender() {
    return new Appender() {
      private final List<Object[]> pending = new ArrayList<>();
      private boolean done;

      @Override
      public long append(long ref, Labels labels, long t, double v) throws AppendException {
        if (done) {
          throw new IllegalStateException("appender used after commit/rollback");
        }
        if (labels.isEmpty()) {
          throw new AppendException(AppendException.Reason.INVALID_LABELS, "empty");
        }
        synchronized (RecordingAppendable.this) {
          List<Sample> s = committed.get(labels);
          Sample last = s == null || s.isEmpty() ? null : s.getLast();
          if (last != null && t < last.t()) {
            throw new AppendException(AppendException.Reason.OUT_OF_ORDER, labels.toString());
          }
          if (last != null && t == last.t() && Double.doubleToRawLongBits(v) != last.valueBits()) {
            throw new AppendException(AppendException.Reason.DUPLICATE_SAMPLE, labels.toString());
          }
          pending.add(new Object[] {labels, new Sample(t, v)});
          return refs.computeIfAbsent(labels, l -> (long) refs.size() + 1);
        }
      }

      @Override
      public void commit() {
        done = true;
        synchronized (RecordingAppendable.this) {
          for (Object[] p : pending) {
            List<Sample> s = committed.computeIfAbsent((Labels) p[0], l -> new ArrayList<>());
            Sample sample = (Sample) p[1];
            if (s.isEmpty() || s.getLast().t() < sample.t()) {
              s.add(sample);
            }
          }
          commits.incrementAndGet();
        }
      }

      @Override
      public void rollback() {
        done = true;
        rollbacks.incrementAndGet();
      }
    };
  }

  synchronized List<Sample> samples(Labels labels) {
    return List.copyOf(committed.getOrDefault(labels, List.of()));
  }

  /** Every series with the metric name {@code name}. */
  synchronized List<Labels> series(String name) {
    return committed.keySet().stream().filter(l -> l.metricName().equals(name)).toList();
  }

  synchronized List<Labels> allSeries() {
    return List.copyOf(committed.keySet());
  }

  /** The last committed value of the only series named {@code name}. */
  synchronized Sample last(String name) {
    List<Labels> s = series(name);
    if (s.size() != 1) {
      throw new AssertionError("expected one series " + name + ", got " + s);
    }
    return committed.get(s.getFirst()).getLast();
  }

  /** The last value of {@code name}, or NaN if there is none yet. */
  synchronized double lastValue(String name) {
    return series(name).isEmpty() ? Double.NaN : last(name).v();
  }
}
