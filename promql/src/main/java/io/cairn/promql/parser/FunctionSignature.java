package io.cairn.promql.parser;

import java.util.List;

/**
 * A PromQL function's signature, as Prometheus's {@code parser.Function}.
 *
 * @param name as called
 * @param argTypes the declared argument types; with {@code variadic} > 0 the last
 *     {@code variadic} of them may be left out, with {@code variadic} = -1 the last type repeats any
 *     number of times (including zero: {@code label_join}), with 0 all are required
 * @param variadic see {@code argTypes}
 * @param returnType the type of the call
 */
public record FunctionSignature(String name, List<ValueType> argTypes, int variadic, ValueType returnType) {
  public FunctionSignature {
    argTypes = List.copyOf(argTypes);
  }
}
