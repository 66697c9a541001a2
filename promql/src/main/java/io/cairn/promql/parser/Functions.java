package io.cairn.promql.parser;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every function of PromQL as of Prometheus 2.42 ({@code promql/parser/functions.go} at v2.42.0):
 * 70 functions. The native-histogram ones ({@code histogram_count}, {@code histogram_sum},
 * {@code histogram_fraction}) parse and type-check; over float data they return nothing, as in
 * Prometheus. Later additions (3.x's {@code double_exponential_smoothing}, {@code sort_by_label},
 * {@code mad_over_time}, ...) are unknown functions here, as they are to 2.42.
 */
public final class Functions {
  private static final Map<String, FunctionSignature> ALL = Stream.of(
      fn("abs", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("absent", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("absent_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("acos", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("acosh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("asin", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("asinh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("atan", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("atanh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("avg_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("ceil", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("changes", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("clamp", List.of(ValueType.VECTOR, ValueType.SCALAR, ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("clamp_max", List.of(ValueType.VECTOR, ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("clamp_min", List.of(ValueType.VECTOR, ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("cos", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("cosh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("count_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("day_of_month", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("day_of_week", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("day_of_year", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("days_in_month", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("deg", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("delta", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("deriv", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("exp", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("floor", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("histogram_count", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("histogram_fraction", List.of(ValueType.SCALAR, ValueType.SCALAR, ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("histogram_quantile", List.of(ValueType.SCALAR, ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("histogram_sum", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("holt_winters", List.of(ValueType.MATRIX, ValueType.SCALAR, ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("hour", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("idelta", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("increase", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("irate", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("label_join", List.of(ValueType.VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING), -1, ValueType.VECTOR),
      fn("label_replace", List.of(ValueType.VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING, ValueType.STRING), 0, ValueType.VECTOR),
      fn("last_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("ln", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("log10", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("log2", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("max_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("min_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("minute", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("month", List.of(ValueType.VECTOR), 1, ValueType.VECTOR),
      fn("pi", List.of(), 0, ValueType.SCALAR),
      fn("predict_linear", List.of(ValueType.MATRIX, ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("present_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("quantile_over_time", List.of(ValueType.SCALAR, ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("rad", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("rate", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("resets", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("round", List.of(ValueType.VECTOR, ValueType.SCALAR), 1, ValueType.VECTOR),
      fn("scalar", List.of(ValueType.VECTOR), 0, ValueType.SCALAR),
      fn("sgn", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("sin", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("sinh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("sort", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("sort_desc", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("sqrt", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("stddev_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("stdvar_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("sum_over_time", List.of(ValueType.MATRIX), 0, ValueType.VECTOR),
      fn("tan", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("tanh", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("time", List.of(), 0, ValueType.SCALAR),
      fn("timestamp", List.of(ValueType.VECTOR), 0, ValueType.VECTOR),
      fn("vector", List.of(ValueType.SCALAR), 0, ValueType.VECTOR),
      fn("year", List.of(ValueType.VECTOR), 1, ValueType.VECTOR))
      .collect(Collectors.toUnmodifiableMap(FunctionSignature::name, Function.identity()));

  private Functions() {}

  /** The signature of {@code name} (case-sensitive, as Prometheus), or null if there is no such function. */
  public static FunctionSignature get(String name) {
    return ALL.get(name);
  }

  /** All signatures by name. */
  public static Map<String, FunctionSignature> all() {
    return ALL;
  }

  private static FunctionSignature fn(String name, List<ValueType> args, int variadic, ValueType returns) {
    return new FunctionSignature(name, args, variadic, returns);
  }
}
