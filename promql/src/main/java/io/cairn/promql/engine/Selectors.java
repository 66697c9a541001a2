package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.promql.storage.SampleIterator;
import io.cairn.promql.storage.Series;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading selectors from storage, as Prometheus 2.42: an instant selector takes the latest sample at
 * or before the reference time if it is no older than the lookback delta and not a staleness marker;
 * a range selector takes the samples in {@code [ref - range, ref]} (both ends inclusive in 2.42),
 * staleness markers left out.
 */
final class Selectors {
  private Selectors() {}

  /**
   * A range selector or subquery ready for per-step windows: its series (read from storage one at a
   * time, when asked for, so that only one series' samples are held), the range, and where a window
   * ends.
   */
  static final class RangeSource {
    private final Evaluator ev;
    private final List<Series> stored;
    private final List<StepSeries> evaluated;
    private final long mint;
    private final long maxt;
    final long rangeMillis;
    private final long offsetMillis;
    private final boolean fixed;
    private final long fixedRef;

    RangeSource(Evaluator ev, List<Series> stored, List<StepSeries> evaluated, long mint, long maxt,
        long rangeMillis, long offsetMillis, boolean fixed, long fixedRef) {
      this.ev = ev;
      this.stored = stored;
      this.evaluated = evaluated;
      this.mint = mint;
      this.maxt = maxt;
      this.rangeMillis = rangeMillis;
      this.offsetMillis = offsetMillis;
      this.fixed = fixed;
      this.fixedRef = fixedRef;
    }

    int size() {
      return stored != null ? stored.size() : evaluated.size();
    }

    /** Series {@code i}, staleness markers left out. */
    StepSeries get(int i) {
      return stored != null ? read(ev, stored.get(i), mint, maxt, true) : evaluated.get(i);
    }

    long refEnd(long ts) {
      return fixed ? fixedRef : ts - offsetMillis;
    }
  }

  static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == Sample.STALE_NAN_BITS;
  }

  /** The matching series (sorted by labels); their samples are read with {@link #read}. */
  static List<Series> select(Evaluator ev, List<Matcher> matchers, long mint, long maxt) {
    try {
      return ev.ctx.queryable.select(mint, maxt, matchers);
    } catch (IOException e) {
      throw new QueryException(QueryException.ErrorType.EXECUTION, "expanding series: " + e.getMessage(), e);
    }
  }

  /** The samples of one series in {@code [mint, maxt]}. */
  static StepSeries read(Evaluator ev, Series s, long mint, long maxt, boolean dropStale) {
    try {
      StepSeries raw = new StepSeries(s.labels(), 16);
      SampleIterator it = s.iterator();
      boolean ok = it.seek(mint);
      while (ok && it.t() <= maxt) {
        ev.ctx.check();
        double v = it.v();
        if (!dropStale || !isStale(v)) {
          raw.add(it.t(), v);
        }
        ok = it.next();
      }
      return raw;
    } catch (IOException e) {
      throw new QueryException(QueryException.ErrorType.EXECUTION, "expanding series: " + e.getMessage(), e);
    }
  }

  /**
   * An instant vector selector at every step. With {@code valueIsTime} each point's value is the
   * selected sample's timestamp in seconds instead of its value (for {@code timestamp()}).
   */
  static List<StepSeries> vector(Evaluator ev, Expr.VectorSelector vs, boolean valueIsTime) {
    boolean fixed = vs.at() != null;
    long refFirst = (fixed ? ev.atTime(vs.at()) : ev.start) - vs.offsetMillis();
    long refLast = fixed ? refFirst : ev.end - vs.offsetMillis();
    long lookback = ev.ctx.lookbackMillis;
    List<Series> found = select(ev, vs.matchers(), refFirst - lookback, refLast);
    List<StepSeries> out = new ArrayList<>(found.size());
    int steps = ev.steps();
    for (Series series : found) {
      StepSeries raw = read(ev, series, refFirst - lookback, refLast, false);
      StepSeries s = new StepSeries(raw.labels, Math.min(steps, 16));
      int idx = -1;
      for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
        ev.ctx.check();
        long ref = fixed ? refFirst : ts - vs.offsetMillis();
        while (idx + 1 < raw.n && raw.ts[idx + 1] <= ref) {
          idx++;
        }
        if (idx < 0 || raw.ts[idx] < ref - lookback || isStale(raw.vs[idx])) {
          continue;
        }
        ev.ctx.addSamples(1);
        s.add(ts, valueIsTime ? raw.ts[idx] / 1000.0 : raw.vs[idx]);
      }
      if (s.n > 0) {
        out.add(s);
      }
    }
    return out;
  }

  /** A range selector evaluated on its own (an instant query for a range vector): the window at the start. */
  static List<StepSeries> matrix(Evaluator ev, Expr.MatrixSelector ms) {
    RangeSource src = rangeSource(ev, ms);
    long maxt = src.refEnd(ev.start);
    long mint = maxt - src.rangeMillis;
    List<StepSeries> out = new ArrayList<>();
    for (int si = 0; si < src.size(); si++) {
      StepSeries raw = src.get(si);
      int from = raw.lowerBound(mint);
      int to = raw.upperBound(maxt);
      if (to <= from) {
        continue;
      }
      StepSeries s = new StepSeries(raw.labels, to - from);
      for (int i = from; i < to; i++) {
        s.add(raw.ts[i], raw.vs[i]);
      }
      ev.ctx.addSamples(s.n);
      out.add(s);
    }
    return out;
  }

  /** The samples a range selector's windows over all steps can need. */
  static RangeSource rangeSource(Evaluator ev, Expr.MatrixSelector ms) {
    Expr.VectorSelector vs = ms.selector();
    boolean fixed = vs.at() != null;
    long fixedRef = fixed ? ev.atTime(vs.at()) - vs.offsetMillis() : 0;
    long first = fixed ? fixedRef : ev.start - vs.offsetMillis();
    long last = fixed ? fixedRef : ev.end - vs.offsetMillis();
    long mint = first - ms.rangeMillis();
    List<Series> found = select(ev, vs.matchers(), mint, last);
    return new RangeSource(ev, found, null, mint, last, ms.rangeMillis(), vs.offsetMillis(), fixed, fixedRef);
  }

  /** A subquery as the range argument of a function. */
  static RangeSource rangeSource(Evaluator ev, Expr.Subquery sq) {
    List<StepSeries> mat = ev.subquery(sq);
    boolean fixed = sq.at() != null;
    long fixedRef = fixed ? ev.atTime(sq.at()) - sq.offsetMillis() : 0;
    return new RangeSource(ev, null, mat, 0, 0, sq.rangeMillis(), sq.offsetMillis(), fixed, fixedRef);
  }
}
