package io.cairn.promql.parser;

import io.cairn.promql.parser.Expr.Aggregate;
import io.cairn.promql.parser.Expr.Binary;
import io.cairn.promql.parser.Expr.Call;
import io.cairn.promql.parser.Expr.Paren;
import io.cairn.promql.parser.Expr.Subquery;
import io.cairn.promql.parser.Expr.Unary;
import java.util.ArrayList;
import java.util.List;

/** Prometheus 2.42's {@code prettier.go}: a node whose one-line form exceeds 100 bytes is split. */
final class Prettier {
  private static final int MAX_LINE = 100;

  private Prettier() {}

  static String indent(int level) {
    return "  ".repeat(level);
  }

  private static boolean needsSplit(Expr e) {
    return io.cairn.common.text.GoStrings.utf8Length(Printer.toString(e)) > MAX_LINE;
  }

  static String pretty(Expr e, int level) {
    String ind = indent(level);
    switch (e) {
      case Aggregate a -> {
        if (!needsSplit(a)) {
          return ind + Printer.toString(a);
        }
        String s = ind + Printer.aggregateHead(a) + "(\n";
        if (a.param() != null) {
          s += pretty(a.param(), level + 1) + ",\n";
        }
        return s + pretty(a.expr(), level + 1) + "\n" + ind + ")";
      }
      case Binary b -> {
        if (!needsSplit(b)) {
          return ind + Printer.toString(b);
        }
        return pretty(b.lhs(), level + 1) + "\n" + ind + b.op().symbol() + Printer.binaryModifiers(b) + "\n"
            + pretty(b.rhs(), level + 1);
      }
      case Call c -> {
        if (!needsSplit(c)) {
          return ind + Printer.toString(c);
        }
        List<String> args = new ArrayList<>();
        for (Expr arg : c.args()) {
          args.add(pretty(arg, level + 1));
        }
        return ind + c.function().name() + "(\n" + String.join(",\n", args) + "\n" + ind + ")";
      }
      case Paren p -> {
        if (!needsSplit(p)) {
          return ind + Printer.toString(p);
        }
        return ind + "(\n" + pretty(p.expr(), level + 1) + "\n" + ind + ")";
      }
      case Subquery s -> {
        if (!needsSplit(s)) {
          return Printer.toString(s);
        }
        return pretty(s.expr(), level) + Printer.subquerySuffix(s);
      }
      case Unary u -> {
        return ind + (u.negative() ? "-" : "+") + pretty(u.expr(), level).strip();
      }
      default -> {
        return ind + Printer.toString(e);
      }
    }
  }
}
