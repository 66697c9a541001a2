package io.cairn.promql.parser;

/**
 * PromQL's binary operators with Prometheus's precedence (higher binds tighter): {@code or} 1;
 * {@code and}, {@code unless} 2; comparisons 3; {@code +}, {@code -} 4; {@code *}, {@code /},
 * {@code %}, {@code atan2} 5; {@code ^} 6, the only right-associative one.
 */
public enum BinaryOp {
  ADD("+", 4),
  SUB("-", 4),
  MUL("*", 5),
  DIV("/", 5),
  MOD("%", 5),
  POW("^", 6),
  ATAN2("atan2", 5),
  EQL("==", 3),
  NEQ("!=", 3),
  GTR(">", 3),
  LSS("<", 3),
  GTE(">=", 3),
  LTE("<=", 3),
  AND("and", 2),
  OR("or", 1),
  UNLESS("unless", 2);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  /** The operator as written in PromQL. */
  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  public boolean rightAssociative() {
    return this == POW;
  }

  /** {@code ==}, {@code !=}, {@code >}, {@code <}, {@code >=}, {@code <=}: the ones {@code bool} applies to. */
  public boolean isComparison() {
    return precedence == 3;
  }

  /** {@code and}, {@code or}, {@code unless}: vector-only, many-to-many. */
  public boolean isSetOperator() {
    return this == AND || this == OR || this == UNLESS;
  }
}
