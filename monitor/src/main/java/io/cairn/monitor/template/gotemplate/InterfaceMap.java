package io.cairn.monitor.template.gotemplate;

import java.util.TreeMap;

/** A Go {@code map[string]interface {}}: a missing key reads as nil rather than "". Not thread-safe. */
public final class InterfaceMap extends TreeMap<String, Object> implements GoTyped {
  @Override
  public String goType() {
    return "map[string]interface {}";
  }
}
