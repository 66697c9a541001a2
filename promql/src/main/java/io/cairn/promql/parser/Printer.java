package io.cairn.promql.parser;

import io.cairn.common.text.GoStrings;
import io.cairn.common.text.PromDuration;
import io.cairn.promql.parser.Expr.Aggregate;
import io.cairn.promql.parser.Expr.Binary;
import io.cairn.promql.parser.Expr.Call;
import io.cairn.promql.parser.Expr.MatrixSelector;
import io.cairn.promql.parser.Expr.NumberLiteral;
import io.cairn.promql.parser.Expr.Paren;
import io.cairn.promql.parser.Expr.StringLiteral;
import io.cairn.promql.parser.Expr.Subquery;
import io.cairn.promql.parser.Expr.Unary;
import io.cairn.promql.parser.Expr.VectorSelector;
import io.cairn.tsdb.model.Matcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Expressions back to text: {@link #toString} is Prometheus 2.42's {@code String()} of a node (one
 * line, canonical: {@code sum by (job) (rate(x[5m]))}), {@link #pretty} its {@code Pretty(0)} as
 * served by {@code /api/v1/format_query}. Stateless and thread-safe.
 */
public final class Printer {
  private Printer() {}

  /** One-line canonical text; parses back to an equal tree. */
  public static String toString(Expr e) {
    return switch (e) {
      case NumberLiteral n -> GoText.formatFloat(n.value());
      case StringLiteral s -> GoStrings.quote(s.value());
      case VectorSelector vs -> selector(vs) + atAndOffset(vs.at(), vs.offsetMillis());
      case MatrixSelector m -> selector(m.selector()) + "[" + duration(m.rangeMillis()) + "]"
          + atAndOffset(m.selector().at(), m.selector().offsetMillis());
      case Subquery s -> toString(s.expr()) + subquerySuffix(s);
      case Aggregate a -> aggregateHead(a) + "(" + (a.param() != null ? toString(a.param()) + ", " : "")
          + toString(a.expr()) + ")";
      case Binary b -> toString(b.lhs()) + " " + b.op().symbol() + binaryModifiers(b) + " " + toString(b.rhs());
      case Unary u -> (u.negative() ? "-" : "+") + toString(u.expr());
      case Paren p -> "(" + toString(p.expr()) + ")";
      case Call c -> c.function().name() + "(" + c.args().stream().map(Printer::toString).collect(Collectors.joining(", ")) + ")";
    };
  }

  /** Prometheus's {@code Prettify}: nodes longer than 100 characters split over lines, indented by two spaces. */
  public static String pretty(Expr e) {
    return Prettier.pretty(e, 0);
  }

  static String duration(long millis) {
    return new PromDuration(millis).toString();
  }

  private static String selector(VectorSelector vs) {
    List<String> labels = new ArrayList<>();
    for (Matcher m : vs.matchers()) {
      if (m.name().equals("__name__") && m.type() == Matcher.Type.EQUAL && m.value().equals(vs.name())) {
        continue;
      }
      labels.add(m.name() + m.type().symbol() + GoStrings.quote(m.value()));
    }
    if (labels.isEmpty()) {
      return vs.name();
    }
    Collections.sort(labels, Printer::compareBytes);
    return vs.name() + "{" + String.join(",", labels) + "}";
  }

  /** Go's string order: by UTF-8 bytes, which for Java strings is by code point. */
  private static int compareBytes(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static String atAndOffset(At at, long offsetMillis) {
    StringBuilder sb = new StringBuilder();
    switch (at) {
      case At.Time t -> sb.append(" @ ").append(GoText.fixed(t.millis() / 1000.0, 3));
      case At.Start s -> sb.append(" @ start()");
      case At.End en -> sb.append(" @ end()");
      case null -> {}
    }
    if (offsetMillis > 0) {
      sb.append(" offset ").append(duration(offsetMillis));
    } else if (offsetMillis < 0) {
      sb.append(" offset -").append(duration(-offsetMillis));
    }
    return sb.toString();
  }

  static String subquerySuffix(Subquery s) {
    return "[" + duration(s.rangeMillis()) + ":" + (s.stepMillis() != 0 ? duration(s.stepMillis()) : "") + "]"
        + atAndOffset(s.at(), s.offsetMillis());
  }

  static String aggregateHead(Aggregate a) {
    String s = a.op().keyword();
    if (a.without()) {
      s += " without (" + String.join(", ", a.grouping()) + ") ";
    } else if (!a.grouping().isEmpty()) {
      s += " by (" + String.join(", ", a.grouping()) + ") ";
    }
    return s;
  }

  static String binaryModifiers(Binary b) {
    String s = b.returnBool() ? " bool" : "";
    VectorMatching vm = b.matching();
    if (vm != null && (!vm.matchingLabels().isEmpty() || vm.on())) {
      s += " " + (vm.on() ? "on" : "ignoring") + " (" + String.join(", ", vm.matchingLabels()) + ")";
      if (vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE
          || vm.cardinality() == VectorMatching.Cardinality.ONE_TO_MANY) {
        s += " group_" + (vm.cardinality() == VectorMatching.Cardinality.MANY_TO_ONE ? "left" : "right")
            + " (" + String.join(", ", vm.include()) + ")";
      }
    }
    return s;
  }
}
