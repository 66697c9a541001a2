package io.cairn.monitor.template.gotemplate;

import java.util.List;

/**
 * A template function: its Go signature (checked as Go's text/template checks calls) and body.
 *
 * @param params parameter types; when {@code variadic}, the last is the element type of the {@code ...} parameter
 * @param variadic whether the last parameter is {@code ...}
 * @param body the implementation; an exception's message becomes {@code error calling <name>: <message>}
 */
public record GoFunc(List<GoType> params, boolean variadic, Body body) {
  /** A function body; receives the checked arguments (nil as null). */
  @FunctionalInterface
  public interface Body {
    Object call(List<Object> args) throws Exception;
  }

  public GoFunc {
    params = List.copyOf(params);
  }

  /** A function with fixed parameters. */
  public static GoFunc of(Body body, GoType... params) {
    return new GoFunc(List.of(params), false, body);
  }

  /** A function whose last parameter is {@code ...last}. */
  public static GoFunc variadic(Body body, GoType... params) {
    return new GoFunc(List.of(params), true, body);
  }
}
