package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoStruct;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Prometheus's template {@code *sample}: one element of a {@code query} result. */
record Sample(Map<String, String> labels, double value) implements GoStruct {
  @Override
  public String goType() {
    return "*template.sample";
  }

  @Override
  public boolean hasField(String name) {
    return name.equals("Labels") || name.equals("Value");
  }

  @Override
  public Object field(String name) {
    return name.equals("Labels") ? labels : value;
  }

  @Override
  public List<Object> fieldValues() {
    return Arrays.asList(labels, value);
  }

  @Override
  public boolean isPointer() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return this == o; // a pointer: identity
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
