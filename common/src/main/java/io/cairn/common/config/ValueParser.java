package io.cairn.common.config;

/**
 * Turns the text of a setting into a typed value.
 *
 * <p>Implementations throw {@link IllegalArgumentException} whose message says what was expected, in the
 * form "expected ..."; the loader adds which field and which input were wrong.
 */
@FunctionalInterface
public interface ValueParser<T> {
  T parse(String text);
}
