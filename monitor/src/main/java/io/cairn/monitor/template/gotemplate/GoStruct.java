package io.cairn.monitor.template.gotemplate;

import java.util.List;

/**
 * A Go struct (or pointer to one, when {@link #isPointer()}) whose exported fields templates read
 * with {@code .Field}. Implementations are immutable.
 */
public interface GoStruct extends GoTyped {
  /** Whether the struct has the field. */
  boolean hasField(String name);

  /** The field's value; only called when {@link #hasField} is true. */
  Object field(String name);

  /** The field values in declaration order, for printing ({@code {a b c}}). */
  List<Object> fieldValues();

  /** Whether this is a pointer to the struct ({@code &{...}} when printed at top level). */
  boolean isPointer();
}
