package io.cairn.monitor.config;

import java.util.List;
import java.util.Map;

/**
 * A group of targets sharing labels, as in {@code static_configs} and the JSON of file, HTTP and kv
 * discovery: {@code {"targets": ["host:port"], "labels": {"k": "v"}}}. Label names are valid
 * Prometheus label names; values may be empty (the label is then absent).
 */
public record TargetGroup(List<String> targets, Map<String, String> labels) {
  public TargetGroup {
    targets = List.copyOf(targets);
    labels = Map.copyOf(labels);
  }
}
