package io.cairn.monitor.template;

import io.cairn.monitor.template.gotemplate.GoStruct;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Prometheus's {@code AlertTemplateData}: the anonymous struct an alert template sees as {@code .}. */
record AlertData(Map<String, String> labels, Map<String, String> externalLabels, String externalUrl, double value)
    implements GoStruct {
  @Override
  public String goType() {
    return "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }";
  }

  @Override
  public boolean hasField(String name) {
    return switch (name) {
      case "Labels", "ExternalLabels", "ExternalURL", "Value" -> true;
      default -> false;
    };
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Labels" -> labels;
      case "ExternalLabels" -> externalLabels;
      case "ExternalURL" -> externalUrl;
      default -> value;
    };
  }

  @Override
  public List<Object> fieldValues() {
    return Arrays.asList(labels, externalLabels, externalUrl, value);
  }

  @Override
  public boolean isPointer() {
    return false;
  }
}
