package io.cairn.promql.engine;

import static io.cairn.promql.engine.Ast.M;
import static io.cairn.promql.engine.Ast.S;
import static io.cairn.promql.engine.Ast.agg;
import static io.cairn.promql.engine.Ast.at;
import static io.cairn.promql.engine.Ast.bin;
import static io.cairn.promql.engine.Ast.call;
import static io.cairn.promql.engine.Ast.num;
import static io.cairn.promql.engine.Ast.offset;
import static io.cairn.promql.engine.Ast.range;
import static io.cairn.promql.engine.Ast.sel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cairn.promql.parser.AggregationOp;
import io.cairn.promql.parser.At;
import io.cairn.promql.parser.BinaryOp;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.VectorMatching;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Engine semantics on hand-built trees; expected values are those of Prometheus's own test scripts. */
class EngineTest {
  private final Engine engine = new Engine(EngineOptions.defaults());

  private static Map<Labels, Double> vector(Value v) {
    return ((Value.Vector) v).samples().stream().collect(Collectors.toMap(Sample::labels, Sample::v));
  }

  private static double only(Value v) {
    List<Sample> s = ((Value.Vector) v).samples();
    assertEquals(1, s.size(), () -> "one sample expected: " + s);
    return s.get(0).v();
  }

  @Test
  void staleMarkerHidesSeriesAndLookbackIsInclusive() {
    double stale = Double.longBitsToDouble(io.cairn.tsdb.model.Sample.STALE_NAN_BITS);
    Ast.Store st = new Ast.Store().load(10 * S, Labels.of("__name__", "metric"), 0.0, 1.0, stale, 2.0);
    Expr m = sel("metric");
    assertEquals(1.0, only(engine.instant(st, m, 10 * S)));
    assertTrue(vector(engine.instant(st, m, 20 * S)).isEmpty());
    assertEquals(2.0, only(engine.instant(st, m, 330 * S)));
    assertTrue(vector(engine.instant(st, m, 331 * S)).isEmpty());
    assertEquals(3.0, only(engine.instant(st, call("count_over_time", range(sel("metric"), M)), 30 * S)));
  }

  @Test
  void increaseAndRateExtrapolate() {
    Ast.Store st = new Ast.Store()
        .series(5 * M, Labels.of("__name__", "http_requests", "path", "/foo"), 0, 10, 10)
        .load(5 * M, Labels.of("__name__", "http_requests", "path", "/bar"), 0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
    Map<Labels, Double> inc = vector(engine.instant(st, call("increase", range(sel("http_requests"), 50 * M)), 50 * M));
    assertEquals(100.0, inc.get(Labels.of("path", "/foo")), 1e-9);
    assertEquals(90.0, inc.get(Labels.of("path", "/bar")), 1e-9);
  }

  @Test
  void offsetAndAtModifier() {
    Ast.Store st = new Ast.Store().series(10 * S, Labels.of("__name__", "metric"), 0, 1, 100);
    assertEquals(5.0, only(engine.instant(st, offset(sel("metric"), 50 * S), 100 * S)));
    assertEquals(15.0, only(engine.instant(st, offset(sel("metric"), -50 * S), 100 * S)));
    assertEquals(3.0, only(engine.instant(st, at(sel("metric"), new At.Time(30 * S)), 900 * S)));
    Value.Matrix r = engine.range(st, at(sel("metric"), new At.End()), 0, 100 * S, 50 * S);
    assertEquals(List.of(new Point(0, 10), new Point(50 * S, 10), new Point(100 * S, 10)), r.series().get(0).points());
  }

  @Test
  void stepInvariantSubexpressionsRepeatTheirValueAndTimeStillMoves() {
    Ast.Store st = new Ast.Store().series(10 * S, Labels.of("__name__", "metric"), 0, 1, 100);
    Expr pinned = agg(AggregationOp.SUM, call("rate", range(at(sel("metric"), new At.Time(100 * S)), M)), null, false);
    double atHundred = only(engine.instant(st, pinned, 100 * S));
    assertEquals(0.1, atHundred, 1e-12);
    Value.Matrix r = engine.range(st, pinned, 0, 100 * S, 50 * S);
    assertEquals(List.of(new Point(0, atHundred), new Point(50 * S, atHundred), new Point(100 * S, atHundred)),
        r.series().get(0).points());
    Value.Matrix moving = engine.range(st, bin(BinaryOp.ADD, call("time"), at(sel("metric"), new At.Time(30 * S))), 0, 100 * S, 50 * S);
    assertEquals(List.of(new Point(0, 3), new Point(50 * S, 53), new Point(100 * S, 103)), moving.series().get(0).points());
  }

  @Test
  void subqueryStepsAreAlignedToAbsoluteMultiples() {
    Ast.Store st = new Ast.Store().load(10 * S, Labels.of("__name__", "metric"), 1.0, 2.0);
    Expr sq10 = new Expr.Subquery(sel("metric"), 50 * S, 10 * S, 0, null);
    Expr sq5 = new Expr.Subquery(sel("metric"), 50 * S, 5 * S, 0, null);
    assertEquals(3.0, only(engine.instant(st, call("sum_over_time", sq10), 10 * S)));
    assertEquals(4.0, only(engine.instant(st, call("sum_over_time", sq5), 10 * S)));
    assertEquals(12.0, only(engine.instant(st, call("sum_over_time", sq10), 5 * M)));
    assertEquals(2.0, only(engine.instant(st, call("sum_over_time", sq10), 6 * M)));
  }

  @Test
  void aggregationsAndTopkOrder() {
    Ast.Store st = new Ast.Store();
    String[][] ls = {{"api", "0"}, {"api", "1"}, {"app", "0"}, {"app", "1"}};
    for (int i = 0; i < ls.length; i++) {
      st.series(5 * M, Labels.of("__name__", "x", "job", ls[i][0], "instance", ls[i][1]), 0, 10 * (i + 1), 10);
    }
    Map<Labels, Double> sum = vector(engine.instant(st, agg(AggregationOp.SUM, sel("x"), null, false, "job"), 50 * M));
    assertEquals(Map.of(Labels.of("job", "api"), 300.0, Labels.of("job", "app"), 700.0), sum);
    List<Sample> top = ((Value.Vector) engine.instant(st, agg(AggregationOp.TOPK, sel("x"), num(2), false), 50 * M)).samples();
    assertEquals(List.of(400.0, 300.0), top.stream().map(Sample::v).toList());
    assertEquals("x", top.get(0).labels().metricName());
    Map<Labels, Double> cv = vector(engine.instant(st,
        agg(AggregationOp.COUNT_VALUES, sel("x"), new Expr.StringLiteral("v"), false), 5 * M));
    assertEquals(Map.of(Labels.of("v", "10"), 1.0, Labels.of("v", "20"), 1.0, Labels.of("v", "30"), 1.0, Labels.of("v", "40"), 1.0), cv);
  }

  @Test
  void arithmeticDropsNameComparisonKeepsIt() {
    Ast.Store st = new Ast.Store().series(M, Labels.of("__name__", "x", "a", "1"), 1, 1, 5);
    assertEquals(Labels.of("a", "1"), ((Value.Vector) engine.instant(st, bin(BinaryOp.MUL, sel("x"), num(2)), M)).samples().get(0).labels());
    assertEquals(Labels.of("__name__", "x", "a", "1"), ((Value.Vector) engine.instant(st, bin(BinaryOp.GTR, sel("x"), num(1)), M)).samples().get(0).labels());
    assertTrue(vector(engine.instant(st, bin(BinaryOp.GTR, sel("x"), num(5)), M)).isEmpty());
  }

  @Test
  void manyToManyMatchingFails() {
    Ast.Store st = new Ast.Store()
        .series(M, Labels.of("__name__", "x", "a", "1", "b", "1"), 1, 1, 5)
        .series(M, Labels.of("__name__", "x", "a", "1", "b", "2"), 1, 1, 5);
    VectorMatching on = new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of("a"), true, List.of());
    QueryException e = assertThrows(QueryException.class, () -> engine.instant(st, bin(BinaryOp.ADD, sel("x"), sel("x"), on, false), M));
    assertEquals(QueryException.ErrorType.EXECUTION, e.type());
    assertTrue(e.getMessage().startsWith("found duplicate series for the match group {a=\"1\"} on the right hand-side"), e.getMessage());
  }

  @Test
  void rangeResultsSortedAndScalarBecomesSeries() {
    Ast.Store st = new Ast.Store()
        .series(M, Labels.of("__name__", "x", "a", "2"), 1, 1, 5)
        .series(M, Labels.of("__name__", "x", "a", "1"), 1, 1, 5);
    Value.Matrix r = engine.range(st, call("abs", sel("x")), 0, 2 * M, M);
    assertEquals(List.of(Labels.of("a", "1"), Labels.of("a", "2")), r.series().stream().map(RangeSeries::labels).toList());
    Value.Matrix s = engine.range(st, call("time"), 0, 2 * M, M);
    assertEquals(List.of(new Point(0, 0), new Point(M, 60), new Point(2 * M, 120)), s.series().get(0).points());
  }

  @Test
  void histogramQuantileInterpolates() {
    Ast.Store st = new Ast.Store()
        .series(5 * M, Labels.of("__name__", "h_bucket", "le", "0.1"), 0, 1, 10)
        .series(5 * M, Labels.of("__name__", "h_bucket", "le", "0.2"), 0, 2, 10)
        .series(5 * M, Labels.of("__name__", "h_bucket", "le", "+Inf"), 0, 4, 10);
    double q = only(engine.instant(st, call("histogram_quantile", num(0.5), sel("h_bucket")), 50 * M));
    assertEquals(0.2, q, 1e-9);
    double q2 = only(engine.instant(st, call("histogram_quantile", num(0.25), sel("h_bucket")), 50 * M));
    assertEquals(0.1, q2, 1e-9);
  }

  @Test
  void labelReplaceExpandsGoTemplates() {
    Ast.Store st = new Ast.Store().series(M, Labels.of("__name__", "x", "src", "source-value-10"), 1, 0, 2);
    Expr e = call("label_replace", sel("x"), new Expr.StringLiteral("dst"), new Expr.StringLiteral("destination-value-$1"),
        new Expr.StringLiteral("src"), new Expr.StringLiteral("source-value-(.*)"));
    assertEquals(Labels.of("__name__", "x", "src", "source-value-10", "dst", "destination-value-10"),
        ((Value.Vector) engine.instant(st, e, 0)).samples().get(0).labels());
  }

  @Test
  void absentTakesEqualityMatchers() {
    Ast.Store st = new Ast.Store();
    Expr e = call("absent", sel("nope", Matcher.equal("job", "a"), Matcher.of(Matcher.Type.REGEX, "x", "y.*")));
    assertEquals(Map.of(Labels.of("job", "a"), 1.0), vector(engine.instant(st, e, 0)));
  }

  @Test
  void tooManySamplesFailsWithPrometheusMessage() {
    Ast.Store st = new Ast.Store();
    for (int i = 0; i < 20; i++) {
      st.series(M, Labels.of("__name__", "x", "i", Integer.toString(i)), 0, 1, 100);
    }
    Engine small = new Engine(EngineOptions.defaults().withMaxSamples(100));
    QueryException e = assertThrows(QueryException.class, () -> small.range(st, sel("x"), 0, 50 * M, M));
    assertEquals("query processing would load too many samples into memory in query execution", e.getMessage());
    assertEquals(QueryException.ErrorType.EXECUTION, e.type());
  }

  @Test
  void timeoutIsEnforced() {
    Ast.Store st = new Ast.Store();
    for (int i = 0; i < 200; i++) {
      st.series(S, Labels.of("__name__", "x", "i", Integer.toString(i)), 0, 1, 5000);
    }
    Engine quick = new Engine(EngineOptions.defaults().withTimeout(Duration.ofNanos(1)));
    QueryException e = assertThrows(QueryException.class,
        () -> quick.range(st, call("rate", range(sel("x"), 10 * M)), 0, 5000 * S, 10 * S));
    assertEquals(QueryException.ErrorType.TIMEOUT, e.type());
    assertEquals("query timed out in query execution", e.getMessage());
  }

  @Test
  void duplicateLabelsetAfterDroppingNameFails() {
    Ast.Store st = new Ast.Store()
        .series(M, Labels.of("__name__", "a"), 1, 1, 5)
        .series(M, Labels.of("__name__", "b"), 1, 1, 5);
    Expr both = new Expr.VectorSelector("", List.of(Matcher.of(Matcher.Type.REGEX, "__name__", "a|b")), 0, null);
    QueryException e = assertThrows(QueryException.class, () -> engine.instant(st, call("ceil", both), M));
    assertEquals("vector cannot contain metrics with the same labelset", e.getMessage());
  }
  @Test
  void sortOrdersNaNsAsGoInsertionSortDoes() {
    // Prometheus 2.42 against the same data (PromqlDifferentialIT): with up to 12 elements Go's
    // sort.Sort inserts, and a later NaN moves in front of an earlier one; -0 and 0 are equal.
    Ast.Store st = new Ast.Store();
    String[] kinds = {"a", "b", "c", "d", "e", "f"};
    double[] values = {Double.NaN, 3, 0.0, Double.NaN, -0.0, -1};
    for (int i = 0; i < kinds.length; i++) {
      st.load(M, Labels.of("__name__", "m", "k", kinds[i]), values[i]);
    }
    for (var c : List.of(Map.entry("sort", "f c e b d a"), Map.entry("sort_desc", "b c e f d a"))) {
      Value v = engine.instant(st, call(c.getKey(), sel("m")), 0);
      assertEquals(c.getValue(), ((Value.Vector) v).samples().stream().map(s -> s.labels().get("k"))
          .collect(Collectors.joining(" ")), c.getKey());
    }
  }
}
