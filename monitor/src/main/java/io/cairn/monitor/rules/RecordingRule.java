package io.cairn.monitor.rules;

import io.cairn.promql.engine.Sample;
import io.cairn.promql.parser.Expr;
import io.cairn.promql.parser.Printer;
import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A recording rule, as Prometheus's {@code RecordingRule.Eval}: the expression's samples renamed to
 * the rule's name, with its labels set (an empty value removes the label); a result with two equal
 * label sets, or more series than the group's limit, fails the evaluation.
 */
record RecordingRule(String name, Expr expr, Labels labels, RuleStatus status) implements Rule {
  @Override
  public String query() {
    return Printer.toString(expr);
  }

  @Override
  public List<Sample> eval(long tMillis, QueryFunc query, int limit) throws RuleEvalException {
    List<Sample> in = query.query(expr, tMillis);
    List<Sample> out = new ArrayList<>(in.size());
    Set<Labels> seen = new HashSet<>();
    for (Sample s : in) {
      Labels.Builder b = s.labels().toBuilder().set(Labels.METRIC_NAME, name);
      for (Label l : labels) {
        b.set(l.name(), l.value());
      }
      Labels lset = b.build();
      out.add(new Sample(lset, s.t(), s.v()));
      seen.add(lset);
    }
    if (seen.size() != out.size()) {
      throw new RuleEvalException("vector contains metrics with the same labelset after applying rule labels");
    }
    if (limit > 0 && out.size() > limit) {
      throw new RuleEvalException("exceeded limit of " + limit + " with " + out.size() + " series");
    }
    return out;
  }
}
