package io.cairn.monitor.rules;

import io.cairn.promql.engine.Engine;
import io.cairn.promql.engine.Sample;
import io.cairn.promql.engine.Value;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.storage.Queryable;
import io.cairn.tsdb.model.Labels;
import java.util.List;

/**
 * Runs a rule's expression at an evaluation time, as Prometheus's {@code EngineQueryFunc}: an
 * instant vector as it is, a scalar as one sample without labels, anything else an error.
 */
@FunctionalInterface
interface QueryFunc {
  /**
   * @throws RuleEvalException with the engine's message when the query fails
   */
  List<Sample> query(Expr expr, long timeMillis) throws RuleEvalException;

  static QueryFunc of(Engine engine, Queryable queryable) {
    return (expr, t) -> {
      Value v;
      try {
        v = engine.instant(queryable, expr, t);
      } catch (RuntimeException e) {
        throw new RuleEvalException(e.getMessage() == null ? e.toString() : e.getMessage());
      }
      return switch (v) {
        case Value.Vector vec -> vec.samples();
        case Value.Scalar s -> List.of(new Sample(Labels.EMPTY, s.t(), s.v()));
        default -> throw new RuleEvalException("rule result is not a vector or scalar");
      };
    };
  }
}
