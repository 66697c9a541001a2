package io.cairn.promql.promqltest;

import io.cairn.promql.parser.At;
import io.cairn.promql.parser.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Upstream's {@code atModifierTestCases}: the expression with {@code @ t} on every selector and
 * subquery that has no fixed {@code @} (selectors inside a subquery left alone), or empty when a
 * function whose result depends on the evaluation time is used outside subqueries.
 */
final class AtPinning {
  static final Set<String> UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week", "day_of_year",
      "hour", "minute", "month", "year", "predict_linear", "time", "timestamp");

  private AtPinning() {}

  static Optional<Expr> pin(Expr e, long t) {
    boolean[] unsafe = {false};
    Expr out = rewrite(e, t, unsafe);
    return unsafe[0] ? Optional.empty() : Optional.of(out);
  }

  /** The extra evaluation times upstream checks a pinned expression at. */
  static long[] evalTimes(long t) {
    return t == 0 ? new long[] {0, 10, 1000, 10000, -1000} : new long[] {-10 * t, 0, t / 5, t, 10 * t};
  }

  private static At pinned(At at, long t) {
    return at instanceof At.Time ? at : new At.Time(t);
  }

  private static Expr rewrite(Expr e, long t, boolean[] unsafe) {
    return switch (e) {
      case Expr.NumberLiteral n -> n;
      case Expr.StringLiteral s -> s;
      case Expr.VectorSelector vs -> new Expr.VectorSelector(vs.name(), vs.matchers(), vs.offsetMillis(), pinned(vs.at(), t));
      case Expr.MatrixSelector ms -> new Expr.MatrixSelector((Expr.VectorSelector) rewrite(ms.selector(), t, unsafe), ms.rangeMillis());
      case Expr.Subquery sq -> new Expr.Subquery(sq.expr(), sq.rangeMillis(), sq.stepMillis(), sq.offsetMillis(), pinned(sq.at(), t));
      case Expr.Aggregate a -> new Expr.Aggregate(a.op(), rewrite(a.expr(), t, unsafe),
          a.param() == null ? null : rewrite(a.param(), t, unsafe), a.grouping(), a.without());
      case Expr.Binary b -> new Expr.Binary(b.op(), rewrite(b.lhs(), t, unsafe), rewrite(b.rhs(), t, unsafe), b.matching(), b.returnBool());
      case Expr.Unary u -> new Expr.Unary(u.negative(), rewrite(u.expr(), t, unsafe));
      case Expr.Paren p -> new Expr.Paren(rewrite(p.expr(), t, unsafe));
      case Expr.Call c -> {
        if (UNSAFE.contains(c.function().name())) {
          unsafe[0] = true;
        }
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) {
          args.add(rewrite(a, t, unsafe));
        }
        yield new Expr.Call(c.function(), args);
      }
    };
  }
}
