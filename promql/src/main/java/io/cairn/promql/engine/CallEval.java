package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ValueType;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Function calls, as Prometheus 2.42's {@code eval} of a {@code Call}: functions over a range
 * argument are evaluated series by series and step by step over windows; the others per step over
 * their argument vectors; {@code timestamp} of a selector sees the samples' own times.
 */
final class CallEval {
  private CallEval() {}

  static List<StepSeries> eval(Evaluator ev, Expr.Call call) {
    String name = call.function().name();
    List<Expr> args = call.args();
    if (name.equals("timestamp") && AggregationEval.unwrap(args.get(0)) instanceof Expr.VectorSelector vs) {
      long original = ev.ctx.currentSamples;
      List<List<StepSeries>> mats = new ArrayList<>();
      mats.add(Selectors.vector(ev, vs, true));
      return ev.rangeEvalSeries((v, ts) -> {
        List<Sample> out = new ArrayList<>(v.get(0).size());
        for (Sample s : v.get(0)) {
          out.add(new Sample(Labelling.dropMetricName(s.labels()), ts, s.v()));
        }
        return out;
      }, mats, original);
    }
    int matrixArg = -1;
    for (int i = 0; i < args.size(); i++) {
      Expr a = AggregationEval.unwrap(args.get(i));
      if (a instanceof Expr.MatrixSelector || a instanceof Expr.Subquery) {
        matrixArg = i;
        break;
      }
    }
    if (matrixArg < 0) {
      return ev.rangeEval((v, ts) -> VectorFunctions.apply(name, v, args, ts), args);
    }
    return rangeCall(ev, name, args, matrixArg);
  }

  private static List<StepSeries> rangeCall(Evaluator ev, String name, List<Expr> args, int matrixArg) {
    long original = ev.ctx.currentSamples;
    int steps = ev.steps();
    double[][] scalars = new double[args.size()][];
    for (int i = 0; i < args.size(); i++) {
      if (i != matrixArg && args.get(i).type() == ValueType.SCALAR) {
        List<StepSeries> m = ev.evalSeries(args.get(i));
        scalars[i] = new double[steps];
        StepSeries s = m.get(0);
        for (int j = 0; j < steps && j < s.n; j++) {
          scalars[i][j] = s.vs[j];
        }
      }
    }
    Expr a = AggregationEval.unwrap(args.get(matrixArg));
    Selectors.RangeSource src = a instanceof Expr.MatrixSelector ms
        ? Selectors.rangeSource(ev, ms)
        : Selectors.rangeSource(ev, (Expr.Subquery) a);
    long afterInput = ev.ctx.currentSamples;
    long range = src.rangeMillis;
    List<StepSeries> out = new ArrayList<>();
    double[] stepScalars = new double[args.size()];
    for (int si = 0; si < src.size(); si++) {
      StepSeries raw = src.get(si);
      Labels labels = name.equals("last_over_time") ? raw.labels : Labelling.dropMetricName(raw.labels);
      StepSeries s = new StepSeries(labels, raw.n == 0 ? 1 : steps);
      int step = -1;
      int from = 0; // windows only move forward: [from, to) slides with the steps
      int to = 0;
      for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
        step++;
        ev.ctx.check();
        long maxt = src.refEnd(ts);
        long mint = maxt - range;
        while (from < raw.n && raw.ts[from] < mint) {
          from++;
        }
        if (to < from) {
          to = from;
        }
        while (to < raw.n && raw.ts[to] <= maxt) {
          to++;
        }
        if (to <= from) {
          continue;
        }
        if (ev.ctx.currentSamples + (to - from) > ev.ctx.maxSamples) {
          throw QueryException.tooManySamples(); // the window's points are held while the function runs
        }
        for (int i = 0; i < args.size(); i++) {
          if (scalars[i] != null) {
            stepScalars[i] = scalars[i][step];
          }
        }
        RangeFunctions.Window w = new RangeFunctions.Window(raw.ts, raw.vs, from, to, mint, maxt, range, ts);
        Double r = RangeFunctions.apply(name, w, stepScalars);
        if (r != null) {
          s.add(ts, r);
        }
      }
      if (s.n > 0) {
        ev.ctx.addSamples(s.n);
        out.add(s);
      }
    }
    ev.ctx.currentSamples -= afterInput - original; // the input is no longer held
    if (name.equals("absent_over_time")) {
      return absentOverTime(ev, out, args.get(matrixArg));
    }
    Evaluator.checkDistinct(out);
    return out;
  }

  private static List<StepSeries> absentOverTime(Evaluator ev, List<StepSeries> mat, Expr arg) {
    Set<Long> found = new HashSet<>();
    for (StepSeries s : mat) {
      for (int i = 0; i < s.n; i++) {
        found.add(s.ts[i]);
      }
    }
    StepSeries s = new StepSeries(absentLabels(arg), 16);
    for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
      if (!found.contains(ts)) {
        s.add(ts, 1);
      }
    }
    List<StepSeries> out = new ArrayList<>(1);
    if (s.n > 0) {
      out.add(s);
    }
    return out;
  }

  /** The labels of {@code absent}'s result: the selector's equality matchers, a label matched twice left out. */
  static Labels absentLabels(Expr arg) {
    List<Matcher> matchers;
    if (arg instanceof Expr.VectorSelector vs) {
      matchers = vs.matchers();
    } else if (arg instanceof Expr.MatrixSelector ms) {
      matchers = ms.selector().matchers();
    } else {
      return Labels.EMPTY;
    }
    Labels.Builder b = Labels.builder();
    Set<String> has = new HashSet<>();
    for (Matcher m : matchers) {
      if (m.name().equals(Labels.METRIC_NAME)) {
        continue;
      }
      if (m.type() == Matcher.Type.EQUAL && !has.contains(m.name())) {
        b.set(m.name(), m.value());
        has.add(m.name());
      } else {
        b.remove(m.name());
      }
    }
    return b.build();
  }
}
