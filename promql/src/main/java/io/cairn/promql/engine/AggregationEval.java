package io.cairn.promql.engine;

import io.cairn.promql.parser.AggregationOp;
import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Aggregation operators ({@code sum}, {@code topk}, {@code count_values}, …) with by/without, as Prometheus 2.42. */
final class AggregationEval {
  private AggregationEval() {}

  private static final class Group {
    final Labels labels;
    double value;
    double mean;
    long count;
    final List<Sample> heap = new ArrayList<>();

    Group(Labels labels, double v) {
      this.labels = labels;
      this.value = v;
      this.mean = v;
      this.count = 1;
    }
  }

  static List<StepSeries> eval(Evaluator ev, Expr.Aggregate a) {
    if (AggregationSteps.handles(a)) {
      return AggregationSteps.eval(ev, a);
    }
    Set<String> grouping = Labelling.nameSet(a.grouping());
    Expr param = a.param() == null ? null : unwrap(a.param());
    if (param instanceof Expr.StringLiteral s) {
      return ev.rangeEval((v, ts) -> aggregate(a.op(), grouping, a.without(), 0, s.value(), v.get(0)), List.of(a.expr()));
    }
    List<Expr> args = Arrays.asList(a.param(), a.expr());
    Map<Labels, Labels> keys = new IdentityHashMap<>();
    return ev.rangeEval((v, ts) -> {
      double p = a.param() != null ? v.get(0).get(0).v() : 0;
      return aggregate(a.op(), grouping, a.without(), p, null, v.get(1), keys);
    }, args);
  }

  static Expr unwrap(Expr e) {
    while (e instanceof Expr.Paren p) {
      e = p.expr();
    }
    return e;
  }

  static List<Sample> aggregate(AggregationOp op, Set<String> grouping, boolean without, double param, String valueLabel, List<Sample> vec) {
    return aggregate(op, grouping, without, param, valueLabel, vec, null);
  }

  /**
   * One step's aggregation. {@code keys}, if not null, caches each input label set's group labels
   * across the steps of one evaluation (by identity: a series keeps its {@link Labels} instance from
   * step to step).
   */
  static List<Sample> aggregate(AggregationOp op, Set<String> grouping, boolean without, double param, String valueLabel,
      List<Sample> vec, Map<Labels, Labels> keys) {
    long k = 0;
    if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK) {
      if (!(param >= -0x1p63 && param <= 0x1p63)) {
        throw QueryException.execution("Scalar value " + goNumber(param) + " overflows int64");
      }
      k = (long) param;
      if (k < 1) {
        return List.of();
      }
    }
    Set<String> groupBy = grouping;
    if (op == AggregationOp.COUNT_VALUES) {
      if (!Labelling.validLabelName(valueLabel)) {
        throw QueryException.execution("invalid label name \"" + valueLabel + "\"");
      }
      if (!without) {
        groupBy = new java.util.TreeSet<>(grouping);
        groupBy.add(valueLabel);
      }
    }
    Map<Labels, Group> groups = new LinkedHashMap<>();
    for (Sample s : vec) {
      Labels metric = s.labels();
      Labels key;
      if (op == AggregationOp.COUNT_VALUES) {
        metric = metric.toBuilder().set(valueLabel, GoMath.formatFloat(s.v())).build();
        key = without || !groupBy.isEmpty() ? Labelling.groupLabels(metric, without, groupBy) : Labels.EMPTY;
      } else if (without || !groupBy.isEmpty()) {
        key = keys == null ? Labelling.groupLabels(metric, without, groupBy)
            : keys.computeIfAbsent(metric, m -> Labelling.groupLabels(m, without, grouping));
      } else {
        key = Labels.EMPTY;
      }
      Group g = groups.get(key);
      if (g == null) {
        g = new Group(key, s.v());
        groups.put(key, g);
        switch (op) {
          case STDDEV, STDVAR -> g.value = 0;
          case TOPK, BOTTOMK, QUANTILE -> g.heap.add(s);
          case GROUP -> g.value = 1;
          default -> { }
        }
        continue;
      }
      double v = s.v();
      switch (op) {
        case SUM -> g.value += v;
        case AVG -> {
          g.count++;
          if (Double.isInfinite(g.mean)) {
            if (Double.isInfinite(v) && (g.mean > 0) == (v > 0)) {
              break;
            }
            if (!Double.isInfinite(v) && !Double.isNaN(v)) {
              break;
            }
          }
          g.mean += v / g.count - g.mean / g.count;
        }
        case GROUP -> { }
        case MAX -> {
          if (g.value < v || Double.isNaN(g.value)) {
            g.value = v;
          }
        }
        case MIN -> {
          if (g.value > v || Double.isNaN(g.value)) {
            g.value = v;
          }
        }
        case COUNT, COUNT_VALUES -> g.count++;
        case STDDEV, STDVAR -> {
          g.count++;
          double delta = v - g.mean;
          g.mean += delta / g.count;
          g.value += delta * (v - g.mean);
        }
        case TOPK -> SampleHeap.offer(g.heap, s, k, false);
        case BOTTOMK -> SampleHeap.offer(g.heap, s, k, true);
        case QUANTILE -> g.heap.add(s);
      }
    }
    List<Sample> out = new ArrayList<>();
    long ts = vec.isEmpty() ? 0 : vec.get(0).t();
    for (Group g : groups.values()) {
      double value = switch (op) {
        case AVG -> g.mean;
        case COUNT, COUNT_VALUES -> g.count;
        case STDVAR -> g.value / g.count;
        case STDDEV -> Math.sqrt(g.value / g.count);
        case QUANTILE -> Quantiles.quantile(param, g.heap.stream().mapToDouble(Sample::v).toArray());
        default -> g.value;
      };
      if (op == AggregationOp.TOPK || op == AggregationOp.BOTTOMK) {
        for (Sample s : SampleHeap.drain(g.heap, op == AggregationOp.BOTTOMK)) {
          out.add(new Sample(s.labels(), ts, s.v()));
        }
        continue;
      }
      out.add(new Sample(g.labels, ts, value));
    }
    return out;
  }

  /** Go's {@code %v} of a float64. */
  static String goNumber(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    String s = GoMath.formatFloat(v);
    if (Math.abs(v) >= 1e21 || (Math.abs(v) < 1e-4 && v != 0)) {
      s = String.format(java.util.Locale.ROOT, "%e", v).replaceAll("\\.?0+e", "e").replaceAll("e([+-])0(\\d)", "e$1$2");
    }
    return s;
  }
}
