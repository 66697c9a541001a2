package io.cairn.promql.parser;

/**
 * PromQL's aggregation operators. {@link #paramType} is the type of the parameter written before the
 * vector ({@code topk(3, x)}, {@code count_values("v", x)}), or {@link ValueType#NONE} when the
 * operator takes none.
 */
public enum AggregationOp {
  SUM("sum", ValueType.NONE),
  AVG("avg", ValueType.NONE),
  COUNT("count", ValueType.NONE),
  MIN("min", ValueType.NONE),
  MAX("max", ValueType.NONE),
  GROUP("group", ValueType.NONE),
  STDDEV("stddev", ValueType.NONE),
  STDVAR("stdvar", ValueType.NONE),
  TOPK("topk", ValueType.SCALAR),
  BOTTOMK("bottomk", ValueType.SCALAR),
  COUNT_VALUES("count_values", ValueType.STRING),
  QUANTILE("quantile", ValueType.SCALAR);

  private final String keyword;
  private final ValueType paramType;

  AggregationOp(String keyword, ValueType paramType) {
    this.keyword = keyword;
    this.paramType = paramType;
  }

  /** The operator as written in PromQL (lower case; the lexer accepts any case). */
  public String keyword() {
    return keyword;
  }

  public ValueType paramType() {
    return paramType;
  }

  /** The operator for a keyword in any case, or null. */
  public static AggregationOp byKeyword(String word) {
    for (AggregationOp op : values()) {
      if (op.keyword.equalsIgnoreCase(word)) {
        return op;
      }
    }
    return null;
  }
}
