package io.cairn.monitor.textparse;

import io.cairn.common.text.GoStrings;

import io.cairn.tsdb.model.Labels;
import java.util.HashSet;
import java.util.Set;

/**
 * The labels of one series or exemplar as they are parsed: refuses a name given twice (Prometheus
 * 2.42 parses such a line, then refuses to append it) and more labels than the limit.
 */
final class LabelCollector {
  private final Labels.Builder builder = Labels.builder();
  private final Set<String> names = new HashSet<>();
  private final Input in;
  private int count;

  LabelCollector(Input in) {
    this.in = in;
  }

  /** Sets the metric name; a label {@value Labels#METRIC_NAME} given in braces then fails as a duplicate. */
  void metricName(String name) {
    names.add(Labels.METRIC_NAME);
    builder.set(Labels.METRIC_NAME, name);
  }

  /**
   * Adds a label whose name began at byte {@code at}.
   *
   * @throws ParseException if the name is already set or the limit is reached
   */
  void add(int at, String name, String value) throws ParseException {
    if (!names.add(name)) {
      throw in.fail(at, "duplicate label name " + GoStrings.quote(name));
    }
    if (++count > in.limits.maxLabels()) {
      throw in.fail(at, "more than the limit of " + in.limits.maxLabels() + " labels");
    }
    builder.set(name, value);
  }

  Labels build() {
    return builder.build();
  }
}
