package io.cairn.promql.engine;

import io.cairn.promql.parser.AggregationOp;
import io.cairn.promql.parser.At;
import io.cairn.promql.parser.BinaryOp;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.Functions;
import io.cairn.promql.parser.VectorMatching;
import io.cairn.promql.storage.ArraySeries;
import io.cairn.promql.storage.Queryable;
import io.cairn.promql.storage.Series;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Hand-built syntax trees and in-memory storage for engine tests (until the parser is merged). */
final class Ast {
  private Ast() {}

  static final long S = 1000;
  static final long M = 60 * S;

  static Expr.VectorSelector sel(String name, Matcher... extra) {
    List<Matcher> ms = new ArrayList<>(Arrays.asList(extra));
    ms.add(Matcher.equal(Labels.METRIC_NAME, name));
    return new Expr.VectorSelector(name, ms, 0, null);
  }

  static Expr.VectorSelector offset(Expr.VectorSelector vs, long off) {
    return new Expr.VectorSelector(vs.name(), vs.matchers(), off, vs.at());
  }

  static Expr.VectorSelector at(Expr.VectorSelector vs, At at) {
    return new Expr.VectorSelector(vs.name(), vs.matchers(), vs.offsetMillis(), at);
  }

  static Expr.MatrixSelector range(Expr.VectorSelector vs, long r) {
    return new Expr.MatrixSelector(vs, r);
  }

  static Expr.Call call(String fn, Expr... args) {
    return new Expr.Call(Functions.get(fn), List.of(args));
  }

  static Expr.NumberLiteral num(double v) {
    return new Expr.NumberLiteral(v);
  }

  static Expr.Aggregate agg(AggregationOp op, Expr e, Expr param, boolean without, String... grouping) {
    return new Expr.Aggregate(op, e, param, List.of(grouping), without);
  }

  static Expr.Binary bin(BinaryOp op, Expr l, Expr r) {
    VectorMatching m = l.type() == io.cairn.promql.parser.ValueType.SCALAR || r.type() == io.cairn.promql.parser.ValueType.SCALAR
        ? null
        : new VectorMatching(op.isSetOperator() ? VectorMatching.Cardinality.MANY_TO_MANY : VectorMatching.Cardinality.ONE_TO_ONE,
            List.of(), false, List.of());
    return new Expr.Binary(op, l, r, m, false);
  }

  static Expr.Binary bin(BinaryOp op, Expr l, Expr r, VectorMatching m, boolean bool) {
    return new Expr.Binary(op, l, r, m, bool);
  }

  /** Storage of series loaded at a fixed interval from t=0; null is no sample. */
  static final class Store implements Queryable {
    final TreeMap<Labels, List<Sample>> data = new TreeMap<>();

    Store load(long step, Labels labels, Double... values) {
      List<Sample> s = data.computeIfAbsent(labels, l -> new ArrayList<>());
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          s.add(new Sample(i * step, values[i]));
        }
      }
      return this;
    }

    /** {@code start+inc x n}: n+1 values. */
    Store series(long step, Labels labels, double start, double inc, int n) {
      Double[] v = new Double[n + 1];
      for (int i = 0; i <= n; i++) {
        v[i] = start + i * inc;
      }
      return load(step, labels, v);
    }

    @Override
    public List<Series> select(long mint, long maxt, List<Matcher> matchers) {
      List<Series> out = new ArrayList<>();
      data.forEach((l, samples) -> {
        if (matchers.stream().allMatch(m -> m.matches(l))) {
          out.add(new ArraySeries(l, samples.stream().filter(s -> s.t() >= mint && s.t() <= maxt).toList()));
        }
      });
      return out;
    }
  }
}
