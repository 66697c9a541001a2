package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions over instant vectors and scalars, one step at a time, as Prometheus 2.42's
 * {@code functions.go}. Arguments arrive as the step's vectors (a scalar is a one-element vector,
 * a string argument an empty one; its value is read from the expression).
 */
final class VectorFunctions {
  private VectorFunctions() {}

  static List<Sample> apply(String name, List<List<Sample>> v, List<Expr> args, long ts) {
    return switch (name) {
      case "abs" -> map(v, Math::abs);
      case "ceil" -> map(v, Math::ceil);
      case "floor" -> map(v, Math::floor);
      case "exp" -> map(v, Math::exp);
      case "sqrt" -> map(v, Math::sqrt);
      case "ln" -> map(v, Math::log);
      case "log2" -> map(v, x -> Math.log(x) / Math.log(2));
      case "log10" -> map(v, Math::log10);
      case "sin" -> map(v, Math::sin);
      case "cos" -> map(v, Math::cos);
      case "tan" -> map(v, Math::tan);
      case "asin" -> map(v, Math::asin);
      case "acos" -> map(v, Math::acos);
      case "atan" -> map(v, Math::atan);
      case "sinh" -> map(v, Math::sinh);
      case "cosh" -> map(v, Math::cosh);
      case "tanh" -> map(v, Math::tanh);
      case "asinh" -> map(v, VectorFunctions::asinh);
      case "acosh" -> map(v, x -> x < 1 ? Double.NaN : Math.log(x + Math.sqrt(x * x - 1)));
      case "atanh" -> map(v, x -> 0.5 * Math.log((1 + x) / (1 - x)));
      case "deg" -> map(v, x -> x * 180 / Math.PI);
      case "rad" -> map(v, x -> x * Math.PI / 180);
      case "sgn" -> map(v, x -> x < 0 ? -1 : x > 0 ? 1 : x);
      case "clamp" -> {
        double min = v.get(1).get(0).v();
        double max = v.get(2).get(0).v();
        yield max < min ? List.of() : map(v, x -> Math.max(min, Math.min(max, x)));
      }
      case "clamp_max" -> {
        double max = v.get(1).get(0).v();
        yield map(v, x -> Math.min(max, x));
      }
      case "clamp_min" -> {
        double min = v.get(1).get(0).v();
        yield map(v, x -> Math.max(min, x));
      }
      case "round" -> {
        double inverse = 1.0 / (v.size() > 1 ? v.get(1).get(0).v() : 1);
        yield map(v, x -> Math.floor(x * inverse + 0.5) / inverse);
      }
      case "histogram_count", "histogram_sum", "histogram_fraction" -> List.of(); // float samples carry no histogram
      case "histogram_quantile" -> HistogramQuantile.apply(v.get(0).get(0).v(), v.get(1), ts);
      case "label_replace" -> LabelFunctions.replace(v.get(0), args);
      case "label_join" -> LabelFunctions.join(v.get(0), args);
      case "absent" -> v.get(0).isEmpty()
          ? List.of(new Sample(CallEval.absentLabels(args.get(0)), ts, 1))
          : List.of();
      case "scalar" -> List.of(new Sample(Labels.EMPTY, ts, v.get(0).size() == 1 ? v.get(0).get(0).v() : Double.NaN));
      case "vector" -> List.of(new Sample(Labels.EMPTY, ts, v.get(0).get(0).v()));
      case "time" -> List.of(new Sample(Labels.EMPTY, ts, ts / 1000.0));
      case "pi" -> List.of(new Sample(Labels.EMPTY, ts, Math.PI));
      case "sort" -> sorted(v.get(0), false);
      case "sort_desc" -> sorted(v.get(0), true);
      case "timestamp" -> map(v, x -> ts / 1000.0);
      case "days_in_month", "day_of_month", "day_of_week", "day_of_year", "hour", "minute", "month", "year" ->
          DateFunctions.apply(name, v, ts);
      default -> throw new QueryException(QueryException.ErrorType.INTERNAL, "function " + name + " is not implemented");
    };
  }

  private static double asinh(double x) {
    if (Double.isInfinite(x) || x == 0) {
      return x;
    }
    double a = Math.abs(x);
    double r = Math.log(a + Math.sqrt(a * a + 1));
    return x < 0 ? -r : r;
  }

  /** Applies {@code f} to every element of the first argument, dropping the metric name. */
  static List<Sample> map(List<List<Sample>> v, DoubleUnaryOperator f) {
    List<Sample> in = v.get(0);
    List<Sample> out = new ArrayList<>(in.size());
    for (Sample s : in) {
      out.add(new Sample(Labelling.dropMetricName(s.labels()), s.t(), f.applyAsDouble(s.v())));
    }
    return out;
  }

  /**
   * {@code sort}: ascending, {@code sort_desc}: descending, NaN last. Prometheus sorts with Go's
   * {@code sort.Sort} and a "less" under which a NaN is less than anything and anything less than a
   * NaN; Go sorts up to 12 elements by insertion, so there a later NaN moves in front of an earlier
   * one, and that is reproduced here. Longer vectors are sorted stably, NaNs last in input order
   * (Go's pattern-defeating quicksort may order NaNs and equal values otherwise).
   */
  private static List<Sample> sorted(List<Sample> in, boolean desc) {
    List<Sample> out = new ArrayList<>(in);
    if (out.size() <= 12) {
      for (int i = 1; i < out.size(); i++) {
        for (int j = i; j > 0 && goLess(out.get(j), out.get(j - 1), desc); j--) {
          out.set(j, out.set(j - 1, out.get(j)));
        }
      }
      return out;
    }
    Comparator<Sample> byValue = (a, b) -> {
      boolean an = Double.isNaN(a.v());
      boolean bn = Double.isNaN(b.v());
      if (an || bn) {
        return Boolean.compare(an, bn);
      }
      double x = desc ? b.v() : a.v();
      double y = desc ? a.v() : b.v();
      return x < y ? -1 : x > y ? 1 : 0; // Go's '<': -0 and 0 are equal
    };
    out.sort(byValue);
    return out;
  }

  /** Whether {@code a} sorts before {@code b}: Prometheus's reversed by-value heap order. */
  private static boolean goLess(Sample a, Sample b, boolean desc) {
    if (Double.isNaN(b.v())) {
      return true;
    }
    return desc ? b.v() < a.v() : b.v() > a.v();
  }
}
