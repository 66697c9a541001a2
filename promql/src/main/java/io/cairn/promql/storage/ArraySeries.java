package io.cairn.promql.storage;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A series whose samples are held in two arrays, timestamps strictly increasing. Immutable. */
public final class ArraySeries implements Series {
  private final Labels labels;
  private final long[] ts;
  private final double[] vs;
  private final int n;

  /** Copies {@code samples}, which must be in strictly increasing time order. */
  public ArraySeries(Labels labels, List<Sample> samples) {
    this.labels = Objects.requireNonNull(labels, "labels");
    this.ts = new long[samples.size()];
    this.vs = new double[samples.size()];
    for (int i = 0; i < ts.length; i++) {
      Sample s = samples.get(i);
      if (i > 0 && s.t() <= ts[i - 1]) {
        throw new IllegalArgumentException("samples of " + labels + " out of order at index " + i
            + ": " + s.t() + " after " + ts[i - 1] + "; expected strictly increasing timestamps");
      }
      ts[i] = s.t();
      vs[i] = s.v();
    }
    this.n = ts.length;
  }

  /** Takes {@code ts[0, n)} and {@code vs[0, n)} as they are (not copied): the caller guarantees increasing timestamps. */
  ArraySeries(Labels labels, long[] ts, double[] vs, int n) {
    this.labels = labels;
    this.ts = ts;
    this.vs = vs;
    this.n = n;
  }

  @Override
  public Labels labels() {
    return labels;
  }

  @Override
  public SampleIterator iterator() {
    return new Cursor();
  }

  @Override
  public String toString() {
    return labels + " (" + n + " samples)";
  }

  private final class Cursor implements SampleIterator {
    private int i = -1;

    @Override
    public boolean next() {
      if (i < n) {
        i++;
      }
      return i < n;
    }

    @Override
    public boolean seek(long t) {
      if (i >= 0 && i < n && ts[i] >= t) {
        return true;
      }
      int from = Math.max(i, 0);
      int at = Arrays.binarySearch(ts, from, n, t);
      i = at >= 0 ? at : -at - 1;
      return i < n;
    }

    @Override
    public long t() {
      return ts[i];
    }

    @Override
    public double v() {
      return vs[i];
    }
  }
}
