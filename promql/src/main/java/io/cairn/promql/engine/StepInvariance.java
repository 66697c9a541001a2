package io.cairn.promql.engine;

import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Step-invariant subexpressions, as Prometheus 2.42's {@code PreprocessExpr}/{@code StepInvariantExpr}:
 * an expression whose value is the same at every step of a range query (its selectors all pinned with
 * {@code @}, or only literals) is evaluated once, at the first step, and its points repeated at the
 * other steps. Only a speed-up: {@link #isInvariant} is conservative (an aggregation's parameter must
 * be invariant too), so the result equals evaluating every step.
 */
final class StepInvariance {
  /** Functions whose result depends on the evaluation time even with invariant arguments (Prometheus's {@code AtModifierUnsafeFunctions}). */
  private static final Set<String> UNSAFE = Set.of("days_in_month", "day_of_month", "day_of_week", "day_of_year",
      "hour", "minute", "month", "year", "predict_linear", "time", "timestamp");

  private StepInvariance() {}

  /** Whether {@code e} has the same value at every evaluation time. */
  static boolean isInvariant(Expr e) {
    return switch (e) {
      case Expr.NumberLiteral n -> true;
      case Expr.StringLiteral s -> true;
      case Expr.VectorSelector vs -> vs.at() != null;
      case Expr.MatrixSelector ms -> ms.selector().at() != null;
      case Expr.Subquery sq -> sq.at() != null;
      case Expr.Paren p -> isInvariant(p.expr());
      case Expr.Unary u -> isInvariant(u.expr());
      case Expr.Aggregate a -> isInvariant(a.expr()) && (a.param() == null || isInvariant(a.param()));
      case Expr.Binary b -> isInvariant(b.lhs()) && isInvariant(b.rhs());
      case Expr.Call c -> !UNSAFE.contains(c.function().name()) && c.args().stream().allMatch(StepInvariance::isInvariant);
    };
  }

  /**
   * Whether {@link Evaluator#eval} should take {@link #evalOnce} for {@code e}: a range evaluation of an
   * invariant instant-vector or scalar expression that is more than a literal.
   */
  static boolean applies(Evaluator ev, Expr e) {
    if (ev.start == ev.end || e instanceof Expr.NumberLiteral || e instanceof Expr.StringLiteral) {
      return false;
    }
    return (e.type() == ValueType.VECTOR || e.type() == ValueType.SCALAR) && isInvariant(e);
  }

  /** Evaluates {@code e} at {@code ev}'s first step only and repeats each series' point at every step. */
  static List<StepSeries> evalOnce(Evaluator ev, Expr e) {
    List<StepSeries> once = new Evaluator(ev.ctx, ev.start, ev.start, ev.interval).evalSeries(e);
    int steps = ev.steps();
    List<StepSeries> out = new ArrayList<>(once.size());
    for (StepSeries s : once) {
      if (s.n == 0) {
        continue;
      }
      ev.ctx.addSamples(steps - 1L);
      StepSeries all = new StepSeries(s.labels, steps);
      double v = s.vs[0];
      for (long ts = ev.start; ts <= ev.end; ts += ev.interval) {
        all.add(ts, v);
      }
      out.add(all);
    }
    return out;
  }
}
