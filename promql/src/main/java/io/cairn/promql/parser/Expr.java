package io.cairn.promql.parser;

import io.cairn.tsdb.model.Matcher;
import java.util.List;
import java.util.Objects;

/**
 * A PromQL expression: the abstract syntax tree the parser builds and the engine evaluates, node for
 * node Prometheus's {@code parser.Expr} (without positions: parse errors are reported by the parser,
 * and nothing after parsing needs them).
 *
 * <p>Every node is an immutable record; lists are copied. {@link #type()} is the node's static type
 * (the parser has already checked that operands fit). Durations and times are milliseconds.
 * Offsets and {@code @} are kept as written; turning {@code @ start()} into a time and folding
 * offsets is the engine's work.
 */
public sealed interface Expr {
  /** The type this expression evaluates to. */
  ValueType type();

  /**
   * A number: {@code 1}, {@code 1e3}, {@code 0x1f}, {@code Inf}, {@code NaN}. As in Prometheus 2.42, a
   * sign written directly before a number literal is folded into it ({@code -1} is {@code
   * NumberLiteral(-1)}); {@code -(1)} stays a {@link Unary} of a {@link Paren}.
   */
  record NumberLiteral(double value) implements Expr {
    public ValueType type() {
      return ValueType.SCALAR;
    }
  }

  /** A string, its escapes already resolved. */
  record StringLiteral(String value) implements Expr {
    public StringLiteral {
      Objects.requireNonNull(value, "value");
    }

    public ValueType type() {
      return ValueType.STRING;
    }
  }

  /**
   * An instant vector selector: {@code name{matchers} offset d @ t}.
   *
   * @param name the metric name as written before the braces, or "" when there is none
   * @param matchers all matchers, including the {@code __name__="name"} one the parser adds for
   *     {@code name}, in the order Prometheus keeps them (the written ones, then the name's)
   * @param offsetMillis the offset as written, negative for {@code offset -5m}, 0 when absent
   * @param at the {@code @} modifier, or null
   */
  record VectorSelector(String name, List<Matcher> matchers, long offsetMillis, At at) implements Expr {
    public VectorSelector {
      Objects.requireNonNull(name, "name");
      matchers = List.copyOf(matchers);
    }

    public ValueType type() {
      return ValueType.VECTOR;
    }
  }

  /** A range vector selector: {@code selector[range]}; offset and {@code @} live on the selector. */
  record MatrixSelector(VectorSelector selector, long rangeMillis) implements Expr {
    public MatrixSelector {
      Objects.requireNonNull(selector, "selector");
    }

    public ValueType type() {
      return ValueType.MATRIX;
    }
  }

  /**
   * A subquery: {@code expr[range:step] offset d @ t}.
   *
   * @param stepMillis the written resolution, or 0 for the engine's default (the global evaluation
   *     interval, 1m unless configured)
   */
  record Subquery(Expr expr, long rangeMillis, long stepMillis, long offsetMillis, At at) implements Expr {
    public Subquery {
      Objects.requireNonNull(expr, "expr");
    }

    public ValueType type() {
      return ValueType.MATRIX;
    }
  }

  /**
   * An aggregation: {@code op [by|without (grouping)] ([param,] expr)}.
   *
   * @param param the parameter of {@code topk}, {@code bottomk}, {@code quantile} (scalar) or
   *     {@code count_values} (string); null for the others
   * @param grouping the labels of {@code by(...)} or {@code without(...)}, as written
   * @param without true for {@code without}, false for {@code by} or neither
   */
  record Aggregate(AggregationOp op, Expr expr, Expr param, List<String> grouping, boolean without) implements Expr {
    public Aggregate {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(expr, "expr");
      grouping = List.copyOf(grouping);
    }

    public ValueType type() {
      return ValueType.VECTOR;
    }
  }

  /**
   * A binary operation. {@code matching} is null when at least one side is a scalar; otherwise it is
   * always present (one-to-one with an empty {@code ignoring} when nothing was written).
   *
   * @param returnBool the {@code bool} modifier of a comparison
   */
  record Binary(BinaryOp op, Expr lhs, Expr rhs, VectorMatching matching, boolean returnBool) implements Expr {
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(lhs, "lhs");
      Objects.requireNonNull(rhs, "rhs");
    }

    /** Scalar only when both sides are scalars, an instant vector otherwise. */
    public ValueType type() {
      return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR ? ValueType.SCALAR : ValueType.VECTOR;
    }
  }

  /** A unary {@code -expr} ({@code negative} true) or {@code +expr}. */
  record Unary(boolean negative, Expr expr) implements Expr {
    public Unary {
      Objects.requireNonNull(expr, "expr");
    }

    public ValueType type() {
      return expr.type();
    }
  }

  /** {@code (expr)}, kept so that the printer reproduces what was written. */
  record Paren(Expr expr) implements Expr {
    public Paren {
      Objects.requireNonNull(expr, "expr");
    }

    public ValueType type() {
      return expr.type();
    }
  }

  /** A function call; {@code args} already checked against the signature's count and types. */
  record Call(FunctionSignature function, List<Expr> args) implements Expr {
    public Call {
      Objects.requireNonNull(function, "function");
      args = List.copyOf(args);
    }

    public ValueType type() {
      return function.returnType();
    }
  }
}
