package io.cairn.promql.engine;

import io.cairn.promql.parser.AggregationOp;
import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The aggregations without a parameter whose value only accumulates numbers ({@code sum}, {@code avg},
 * {@code count}, {@code min}, {@code max}, {@code group}, {@code stddev}, {@code stdvar}) over every
 * step at once, as Prometheus computes each series' grouping key once per query: each input series is
 * mapped to its group a single time, then every step accumulates into per-group arrays. Results (values,
 * accumulation order, series order, sample accounting) are those of the per-step path in
 * {@link AggregationEval#aggregate}.
 */
final class AggregationSteps {
  private AggregationSteps() {}

  static boolean handles(Expr.Aggregate a) {
    return a.param() == null && switch (a.op()) {
      case SUM, AVG, COUNT, MIN, MAX, GROUP, STDDEV, STDVAR -> true;
      default -> false;
    };
  }

  static List<StepSeries> eval(Evaluator ev, Expr.Aggregate a) {
    long original = ev.ctx.currentSamples;
    List<StepSeries> in = ev.evalSeries(a.expr());
    AggregationOp op = a.op();
    Set<String> grouping = Labelling.nameSet(a.grouping());
    boolean keyed = a.without() || !grouping.isEmpty();
    Map<Labels, Integer> index = new HashMap<>();
    List<Labels> groupLabels = new ArrayList<>();
    int[] groupOf = new int[in.size()];
    for (int si = 0; si < in.size(); si++) {
      Labels key = keyed ? Labelling.groupLabels(in.get(si).labels, a.without(), grouping) : Labels.EMPTY;
      Integer g = index.get(key);
      if (g == null) {
        g = groupLabels.size();
        index.put(key, g);
        groupLabels.add(key);
      }
      groupOf[si] = g;
    }
    int groups = groupLabels.size();
    double[] value = new double[groups];
    double[] mean = new double[groups];
    long[] count = new long[groups];
    int[] touched = new int[groups];
    int[] cursor = new int[in.size()];
    StepSeries[] out = new StepSeries[groups];
    List<StepSeries> result = new ArrayList<>();
    int steps = ev.steps();
    long produced = 0;
    for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
      ev.ctx.checkNow();
      Arrays.fill(count, 0);
      int nTouched = 0;
      for (int si = 0; si < in.size(); si++) {
        StepSeries s = in.get(si);
        int c = cursor[si];
        while (c < s.n && s.ts[c] < ts) {
          c++;
        }
        if (c >= s.n || s.ts[c] != ts) {
          cursor[si] = c;
          continue;
        }
        double v = s.vs[c];
        cursor[si] = c + 1;
        int g = groupOf[si];
        if (count[g] == 0) {
          touched[nTouched++] = g;
          count[g] = 1;
          value[g] = switch (op) {
            case STDDEV, STDVAR -> 0;
            case GROUP -> 1;
            default -> v;
          };
          mean[g] = v;
          continue;
        }
        switch (op) {
          case SUM -> value[g] += v;
          case AVG -> {
            count[g]++;
            if (Double.isInfinite(mean[g])) {
              if (Double.isInfinite(v) && (mean[g] > 0) == (v > 0)) {
                break;
              }
              if (!Double.isInfinite(v) && !Double.isNaN(v)) {
                break;
              }
            }
            mean[g] += v / count[g] - mean[g] / count[g];
          }
          case MAX -> {
            if (value[g] < v || Double.isNaN(value[g])) {
              value[g] = v;
            }
          }
          case MIN -> {
            if (value[g] > v || Double.isNaN(value[g])) {
              value[g] = v;
            }
          }
          case COUNT -> count[g]++;
          case STDDEV, STDVAR -> {
            count[g]++;
            double delta = v - mean[g];
            mean[g] += delta / count[g];
            value[g] += delta * (v - mean[g]);
          }
          default -> { } // GROUP
        }
      }
      ev.ctx.addSamples(nTouched);
      produced += nTouched;
      for (int i = 0; i < nTouched; i++) {
        int g = touched[i];
        double r = switch (op) {
          case AVG -> mean[g];
          case COUNT -> count[g];
          case STDVAR -> value[g] / count[g];
          case STDDEV -> Math.sqrt(value[g] / count[g]);
          default -> value[g];
        };
        if (out[g] == null) {
          out[g] = new StepSeries(groupLabels.get(g), Math.min(steps, 16));
          result.add(out[g]);
        }
        out[g].add(ts, r);
      }
    }
    ev.ctx.currentSamples = original + produced;
    return result;
  }
}
