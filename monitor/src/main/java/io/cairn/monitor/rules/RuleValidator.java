package io.cairn.monitor.rules;

import io.cairn.promql.parser.ParseException;
import io.cairn.promql.parser.Parser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prometheus 2.42's {@code rulefmt} validation ({@code RuleGroups.Validate}, {@code RuleNode.Validate},
 * {@code testTemplateParsing}), with its messages: {@code 5:15: group "g", rule 1, "r": could not
 * parse expression: 1:7: parse error: ...}. Where Prometheus walks a Go map (labels, annotations)
 * its order is random; cairn reports them in file order.
 */
final class RuleValidator {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private RuleValidator() {}

  static boolean validLabelName(String s) {
    return LABEL_NAME.matcher(s).matches();
  }

  static boolean validMetricName(String s) {
    return METRIC_NAME.matcher(s).matches();
  }

  /** Every error of the groups, in Prometheus's order; empty when they are valid. */
  static List<String> validate(List<GroupSpec> groups) {
    List<String> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (GroupSpec g : groups) {
      if (g.name().isEmpty()) {
        errs.add(g.pos() + ": Groupname must not be empty");
      }
      if (!names.add(g.name())) {
        errs.add(g.pos() + ": groupname: \"" + g.name() + "\" is repeated in the same file");
      }
      for (int i = 0; i < g.rules().size(); i++) {
        RuleSpec r = g.rules().get(i);
        String prefix = "group " + RuleDecoder.goQuote(g.name()) + ", rule " + (i + 1) + ", " + RuleDecoder.goQuote(r.name()) + ": ";
        for (Problem p : rule(r)) {
          errs.add(p.where() + prefix + p.what());
        }
      }
    }
    return errs;
  }

  /** One problem of a rule: where ({@code "L:C: "}, {@code "L:C: L:C: "} or empty) and what. */
  private record Problem(String where, String what) {}

  private static List<Problem> rule(RuleSpec r) {
    List<Problem> out = new ArrayList<>();
    String atRecord = r.recordPos() + ": ";
    if (!r.record().isEmpty() && !r.alert().isEmpty()) {
      out.add(new Problem(atRecord + r.alertPos() + ": ", "only one of 'record' and 'alert' must be set"));
    }
    if (r.record().isEmpty() && r.alert().isEmpty()) {
      out.add(new Problem(atRecord, "one of 'record' or 'alert' must be set"));
    }
    if (r.expr().isEmpty()) {
      out.add(new Problem(r.exprPos() + ": ", "field 'expr' must be set in rule"));
    } else {
      try {
        Parser.parse(r.expr());
      } catch (ParseException e) {
        out.add(new Problem(r.exprPos() + ": ", "could not parse expression: " + e.getMessage()));
      }
    }
    if (!r.record().isEmpty()) {
      if (!r.annotations().isEmpty()) {
        out.add(new Problem(atRecord, "invalid field 'annotations' in recording rule"));
      }
      if (r.forMillis() != 0) {
        out.add(new Problem(atRecord, "invalid field 'for' in recording rule"));
      }
      if (r.keepFiringForMillis() != 0) {
        out.add(new Problem(atRecord, "invalid field 'keep_firing_for' in recording rule"));
      }
      if (!validMetricName(r.record())) {
        out.add(new Problem(atRecord, "invalid recording rule name: " + r.record()));
      }
    }
    for (String k : r.labels().keySet()) {
      if (!validLabelName(k) || k.equals("__name__")) {
        out.add(new Problem("", "invalid label name: " + k));
      }
    }
    for (String k : r.annotations().keySet()) {
      if (!validLabelName(k)) {
        out.add(new Problem("", "invalid annotation name: " + k));
      }
    }
    if (!r.alert().isEmpty()) {
      templates(r.alert(), "label", r.labels(), out);
      templates(r.alert(), "annotation", r.annotations(), out);
    }
    return out;
  }

  private static void templates(String alert, String kind, Map<String, String> texts, List<Problem> out) {
    for (Map.Entry<String, String> e : texts.entrySet()) {
      String err = Templates.check(alert, e.getValue());
      if (err != null) {
        out.add(new Problem("", kind + " " + RuleDecoder.goQuote(e.getKey()) + ": " + err));
      }
    }
  }
}
