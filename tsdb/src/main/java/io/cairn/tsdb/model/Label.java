package io.cairn.tsdb.model;

import java.util.Objects;

/** One label of a series: a non-empty name and a non-empty value (an empty value means "absent"). */
public record Label(String name, String value) {
  public Label {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("label name must not be empty");
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException("label " + name + " has an empty value; an empty value means the label is absent");
    }
  }
}
