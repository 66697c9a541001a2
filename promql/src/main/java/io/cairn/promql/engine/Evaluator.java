package io.cairn.promql.engine;

import io.cairn.promql.parser.At;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ValueType;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates an expression at every step of {@code [start, end]} (Prometheus's {@code evaluator}):
 * every value is a list of series with at most one point per step; a string is a {@link String}.
 * An instant query is the range {@code [t, t]}. Confined to the query's thread.
 */
final class Evaluator {
  /** The per-step computation of {@link #rangeEval}: the argument vectors at {@code ts} in, a vector out. */
  interface StepFunction {
    List<Sample> apply(List<List<Sample>> args, long ts);
  }

  final QueryContext ctx;
  final long start;
  final long end;
  final long interval;

  Evaluator(QueryContext ctx, long start, long end, long interval) {
    this.ctx = ctx;
    this.start = start;
    this.end = end;
    this.interval = interval;
  }

  int steps() {
    return (int) ((end - start) / interval) + 1;
  }

  /** The time an {@code @} modifier stands for. */
  long atTime(At at) {
    return switch (at) {
      case At.Time t -> t.millis();
      case At.Start s -> ctx.queryStart;
      case At.End e -> ctx.queryEnd;
    };
  }

  /** The series of a vector- or scalar-typed (or range-typed) expression. */
  @SuppressWarnings("unchecked")
  List<StepSeries> evalSeries(Expr e) {
    Object v = eval(e);
    if (v instanceof List<?> l) {
      return (List<StepSeries>) l;
    }
    throw new QueryException(QueryException.ErrorType.INTERNAL, "expected series from " + e + ", got a string");
  }

  Object eval(Expr e) {
    ctx.checkNow();
    if (StepInvariance.applies(this, e)) {
      return StepInvariance.evalOnce(this, e);
    }
    return switch (e) {
      case Expr.NumberLiteral n -> constant(n.value());
      case Expr.StringLiteral s -> s.value();
      case Expr.Paren p -> eval(p.expr());
      case Expr.Unary u -> unary(u);
      case Expr.VectorSelector vs -> Selectors.vector(this, vs, false);
      case Expr.MatrixSelector ms -> Selectors.matrix(this, ms);
      case Expr.Subquery sq -> subquery(sq);
      case Expr.Binary b -> BinaryEval.eval(this, b);
      case Expr.Aggregate a -> AggregationEval.eval(this, a);
      case Expr.Call c -> CallEval.eval(this, c);
    };
  }

  private List<StepSeries> constant(double v) {
    StepSeries s = new StepSeries(Labels.EMPTY, steps());
    for (long ts = start; ts <= end; ts += interval) {
      s.add(ts, v);
    }
    ctx.addSamples(s.n);
    List<StepSeries> out = new ArrayList<>(1);
    out.add(s);
    return out;
  }

  private List<StepSeries> unary(Expr.Unary u) {
    List<StepSeries> mat = evalSeries(u.expr());
    if (u.negative()) {
      for (StepSeries s : mat) {
        s.labels = Labelling.dropMetricName(s.labels);
        for (int i = 0; i < s.n; i++) {
          s.vs[i] = -s.vs[i];
        }
      }
      checkDistinct(mat);
    }
    return mat;
  }

  /**
   * A subquery: the inner expression at every step of {@code step} in {@code (ref - range, ref]},
   * steps aligned to absolute multiples of the step as Prometheus does.
   */
  List<StepSeries> subquery(Expr.Subquery sq) {
    long step = sq.stepMillis() != 0 ? sq.stepMillis() : ctx.subqueryStepMillis;
    long refStart;
    long refEnd;
    if (sq.at() != null) {
      refStart = refEnd = atTime(sq.at()) - sq.offsetMillis();
    } else {
      refStart = start - sq.offsetMillis();
      refEnd = end - sq.offsetMillis();
    }
    long from = refStart - sq.rangeMillis();
    long innerStart = step * (from / step);
    if (innerStart < from) {
      innerStart += step;
    }
    return new Evaluator(ctx, innerStart, refEnd, step).evalSeries(sq.expr());
  }

  /**
   * Evaluates {@code exprs} (string-typed ones are left out, their slot null) and calls {@code f} at
   * every step with the samples each has there; gathers the results into series by labels. Fails if a
   * step's result holds one label set twice.
   */
  List<StepSeries> rangeEval(StepFunction f, List<Expr> exprs) {
    long original = ctx.currentSamples;
    List<List<StepSeries>> mats = new ArrayList<>(exprs.size());
    for (Expr e : exprs) {
      mats.add(e == null || e.type() == ValueType.STRING ? null : evalSeries(e));
    }
    return rangeEvalSeries(f, mats, original);
  }

  /** {@link #rangeEval} over already evaluated arguments (null for a string argument). */
  List<StepSeries> rangeEvalSeries(StepFunction f, List<List<StepSeries>> mats, long original) {
    int k = mats.size();
    int[][] cursors = new int[k][];
    for (int i = 0; i < k; i++) {
      cursors[i] = mats.get(i) == null ? null : new int[mats.get(i).size()];
    }
    Map<Labels, StepSeries> out = new LinkedHashMap<>();
    List<List<Sample>> args = new ArrayList<>(k);
    long produced = 0;
    int steps = steps();
    for (long ts = start; ts <= end; ts += interval) {
      ctx.checkNow();
      args.clear();
      for (int i = 0; i < k; i++) {
        List<StepSeries> m = mats.get(i);
        if (m == null) {
          args.add(List.of());
          continue;
        }
        List<Sample> vec = new ArrayList<>(m.size());
        int[] cur = cursors[i];
        for (int si = 0; si < m.size(); si++) {
          StepSeries s = m.get(si);
          int c = cur[si];
          while (c < s.n && s.ts[c] < ts) {
            c++;
          }
          if (c < s.n && s.ts[c] == ts) {
            vec.add(new Sample(s.labels, ts, s.vs[c]));
            c++;
          }
          cur[si] = c;
        }
        args.add(vec);
      }
      List<Sample> result = f.apply(args, ts);
      if (result.size() > 1) {
        Set<Labels> seen = new HashSet<>();
        for (Sample s : result) {
          if (!seen.add(s.labels())) {
            throw QueryException.sameLabelset();
          }
        }
      }
      ctx.addSamples(result.size());
      produced += result.size();
      for (Sample s : result) {
        out.computeIfAbsent(s.labels(), l -> new StepSeries(l, Math.min(steps, 16))).add(ts, s.v());
      }
    }
    ctx.currentSamples = original + produced;
    return new ArrayList<>(out.values());
  }

  /** Fails with Prometheus's error if two series share a label set. */
  static void checkDistinct(List<StepSeries> mat) {
    if (mat.size() < 2) {
      return;
    }
    Set<Labels> seen = new HashSet<>();
    for (StepSeries s : mat) {
      if (!seen.add(s.labels)) {
        throw QueryException.sameLabelset();
      }
    }
  }
}
