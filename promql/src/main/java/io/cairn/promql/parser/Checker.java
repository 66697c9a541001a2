package io.cairn.promql.parser;

import io.cairn.common.text.GoStrings;
import io.cairn.promql.parser.Expr.Aggregate;
import io.cairn.promql.parser.Expr.Binary;
import io.cairn.promql.parser.Expr.Call;
import io.cairn.promql.parser.Expr.MatrixSelector;
import io.cairn.promql.parser.Expr.Paren;
import io.cairn.promql.parser.Expr.Subquery;
import io.cairn.promql.parser.Expr.Unary;
import io.cairn.promql.parser.Expr.VectorSelector;
import io.cairn.tsdb.model.Matcher;
import java.util.List;

/** Prometheus 2.42's {@code checkAST}: type checks in its order, stopping at the first error. */
final class Checker {
  private final String input;
  private final Positions positions;

  Checker(String input, Positions positions) {
    this.input = input;
    this.positions = positions;
  }

  private ParseException error(int pos, String message) {
    return new ParseException(input, pos, pos, message);
  }

  ValueType check(Expr node) throws ParseException {
    switch (node) {
      case Aggregate a -> {
        expectType(a.expr(), ValueType.VECTOR, "aggregation expression");
        if (a.op().paramType() != ValueType.NONE) {
          expectType(a.param(), a.op().paramType(), "aggregation parameter");
        }
      }
      case Binary b -> checkBinary(b);
      case Call c -> checkCall(c);
      case Paren p -> check(p.expr());
      case Unary u -> {
        ValueType t = check(u.expr());
        if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
          throw error(positions.start(u),
              "unary expression only allowed on expressions of type scalar or instant vector, got \"" + t.promName() + "\"");
        }
      }
      case Subquery s -> {
        ValueType t = check(s.expr());
        if (t != ValueType.VECTOR) {
          throw error(positions.start(s), "subquery is only allowed on instant vector, got " + t.apiName() + " instead");
        }
      }
      case MatrixSelector m -> check(m.selector());
      case VectorSelector vs -> checkSelector(vs);
      default -> {}
    }
    return node.type();
  }

  private void expectType(Expr e, ValueType want, String context) throws ParseException {
    ValueType t = check(e);
    if (t != want) {
      throw error(positions.start(e), "expected type " + want.promName() + " in " + context + ", got " + t.promName());
    }
  }

  private void checkBinary(Binary b) throws ParseException {
    ValueType lt = check(b.lhs());
    ValueType rt = check(b.rhs());
    Positions.BinaryInfo info = positions.binaryInfo(b);
    VectorMatching vm = info.written();
    BinaryOp op = b.op();
    if (b.returnBool() && !op.isComparison()) {
      throw error(info.opPos(), "bool modifier can only be used on comparison operators");
    }
    if (op.isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
      throw error(info.opPos(), "comparisons between scalars must use BOOL modifier");
    }
    VectorMatching.Cardinality card = vm.cardinality();
    if (op.isSetOperator() && card == VectorMatching.Cardinality.ONE_TO_ONE) {
      card = VectorMatching.Cardinality.MANY_TO_MANY;
    }
    for (String l1 : vm.matchingLabels()) {
      for (String l2 : vm.include()) {
        if (l1.equals(l2) && vm.on()) {
          throw error(info.opPos(), "label " + GoStrings.quote(l1) + " must not occur in ON and GROUP clause at once");
        }
      }
    }
    String onlyScalarVector = "binary expression must contain only scalar and instant vector types";
    if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
      throw error(positions.start(b.lhs()), onlyScalarVector);
    }
    if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
      throw error(positions.start(b.rhs()), onlyScalarVector);
    }
    int start = positions.start(b);
    if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
      if (!vm.matchingLabels().isEmpty()) {
        throw error(start, "vector matching only allowed between instant vectors");
      }
    } else if (op.isSetOperator()) {
      if (card == VectorMatching.Cardinality.ONE_TO_MANY || card == VectorMatching.Cardinality.MANY_TO_ONE) {
        throw error(start, "no grouping allowed for \"" + op.symbol() + "\" operation");
      }
      if (card != VectorMatching.Cardinality.MANY_TO_MANY) {
        throw error(start, "set operations must always be many-to-many");
      }
    }
    if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && op.isSetOperator()) {
      throw error(start, "set operator \"" + op.symbol() + "\" not allowed in binary scalar expression");
    }
  }

  private void checkCall(Call c) throws ParseException {
    FunctionSignature f = c.function();
    List<ValueType> types = f.argTypes();
    int nargs = types.size();
    int got = c.args().size();
    String name = GoStrings.quote(f.name());
    int start = positions.start(c);
    if (f.variadic() == 0) {
      if (nargs != got) {
        throw error(start, "expected " + nargs + " argument(s) in call to " + name + ", got " + got);
      }
    } else {
      int na = nargs - 1;
      if (na > got) {
        throw error(start, "expected at least " + na + " argument(s) in call to " + name + ", got " + got);
      } else if (f.variadic() > 0 && na + f.variadic() < got) {
        throw error(start, "expected at most " + (na + f.variadic()) + " argument(s) in call to " + name + ", got " + got);
      }
    }
    for (int i = 0; i < got; i++) {
      int k = i;
      if (k >= nargs) {
        if (f.variadic() == 0) {
          break;
        }
        k = nargs - 1;
      }
      Expr arg = c.args().get(i);
      ValueType t = check(arg);
      if (t != types.get(k)) {
        throw error(positions.start(arg), "expected type " + types.get(k).promName() + " in call to function "
            + name + ", got " + t.promName());
      }
    }
  }

  private void checkSelector(VectorSelector vs) throws ParseException {
    List<Matcher> ms = vs.matchers();
    if (!vs.name().isEmpty()) {
      for (Matcher m : ms.subList(0, ms.size() - 1)) {
        if (m.name().equals("__name__")) {
          throw error(positions.start(vs), "metric name must not be set twice: " + GoStrings.quote(vs.name())
              + " or " + GoStrings.quote(m.value()));
        }
      }
      return;
    }
    for (Matcher m : ms) {
      if (!m.matchesEmpty()) {
        return;
      }
    }
    throw error(positions.start(vs), "vector selector must contain at least one non-empty matcher");
  }
}
