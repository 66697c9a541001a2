package io.cairn.promql.engine;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Label-set helpers the evaluator shares: dropping the metric name, match signatures, grouping. */
final class Labelling {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private Labelling() {}

  static Labels dropMetricName(Labels l) {
    return l.without(Labels.METRIC_NAME);
  }

  static boolean validLabelName(String name) {
    return LABEL_NAME.matcher(name).matches();
  }

  /** The labels named in {@code names} (when {@code on}), or all but those and the metric name, as a key. */
  static String signature(Labels l, boolean on, Set<String> names) {
    StringBuilder sb = new StringBuilder();
    for (Label lb : l) {
      boolean listed = names.contains(lb.name());
      boolean include = on ? listed : !listed && !lb.name().equals(Labels.METRIC_NAME);
      if (include) {
        sb.append(lb.name()).append('\u00ff').append(lb.value()).append('\u00ff');
      }
    }
    return sb.toString();
  }

  static Set<String> nameSet(Collection<String> names) {
    return new TreeSet<>(names);
  }

  /** The labels of an aggregation group: {@code by} keeps the listed ones, {@code without} drops them and the name. */
  static Labels groupLabels(Labels l, boolean without, Set<String> grouping) {
    Labels.Builder b = Labels.builder();
    for (Label lb : l) {
      boolean listed = grouping.contains(lb.name());
      if (without ? !listed && !lb.name().equals(Labels.METRIC_NAME) : listed) {
        b.set(lb.name(), lb.value());
      }
    }
    return b.build();
  }
}
