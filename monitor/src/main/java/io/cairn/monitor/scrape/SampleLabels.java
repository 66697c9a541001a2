package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a scraped series is stored as, after Prometheus's {@code mutateSampleLabels}, {@code
 * mutateReportSampleLabels} and {@code verifyLabelLimits}.
 */
final class SampleLabels {
  static final String EXPORTED_PREFIX = "exported_";

  private SampleLabels() {}

  /**
   * Attaches the target labels to an exposed series, then runs metric relabelling (null = drop).
   * With {@code honor_labels} the exposed value wins a clash; without it the target's value wins
   * and the exposed one is kept as {@code exported_<name>} (more {@code exported_} prefixes until
   * the name is free, shorter names first).
   */
  static Labels mutate(Labels exposed, Labels target, boolean honorLabels, MetricRelabeling relabeling) {
    Labels.Builder b = exposed.toBuilder();
    if (honorLabels) {
      for (Label l : target) {
        if (!exposed.has(l.name())) {
          b.set(l.name(), l.value());
        }
      }
    } else {
      List<Label> conflicting = new ArrayList<>();
      for (Label l : target) {
        String existing = exposed.get(l.name());
        if (!existing.isEmpty()) {
          conflicting.add(new Label(l.name(), existing));
        }
        b.set(l.name(), l.value());
      }
      if (!conflicting.isEmpty()) {
        conflicting.sort(Comparator.comparingInt(l -> l.name().length()));
        List<String> taken = new ArrayList<>();
        for (Label l : conflicting) {
          String name = l.name();
          do {
            name = EXPORTED_PREFIX + name;
          } while (exposed.has(name) || target.has(name) || taken.contains(name));
          taken.add(name);
          b.set(name, l.value());
        }
      }
    }
    return relabeling.apply(b.build());
  }

  /**
   * A report series ({@code up}, ...): its name plus the target labels, as {@code
   * mutateReportSampleLabels} (target labels never hold {@code __name__}, so nothing clashes) and
   * never metric-relabelled.
   */
  static Labels report(String name, Labels target) {
    return target.toBuilder().set(Labels.METRIC_NAME, name).build();
  }

  /**
   * Checks {@code label_limit} (labels including {@code __name__}), {@code
   * label_name_length_limit} (bytes) and {@code label_value_length_limit} (code points).
   *
   * @return null if within the limits, else Prometheus's message
   */
  static String checkLimits(Labels lset, ScrapeLimits limits) {
    String met = trunc(lset.metricName());
    if (limits.labelLimit() > 0 && lset.size() > limits.labelLimit()) {
      return "label_limit exceeded (metric: " + met + ", number of labels: " + lset.size() + ", limit: " + limits.labelLimit() + ")";
    }
    if (limits.labelNameLengthLimit() == 0 && limits.labelValueLengthLimit() == 0) {
      return null;
    }
    for (Label l : lset) {
      int nameLength = l.name().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      if (limits.labelNameLengthLimit() > 0 && nameLength > limits.labelNameLengthLimit()) {
        return "label_name_length_limit exceeded (metric: " + met + ", label name: " + trunc(l.name()) + ", length: "
            + nameLength + ", limit: " + limits.labelNameLengthLimit() + ")";
      }
      int valueLength = l.value().codePointCount(0, l.value().length());
      if (limits.labelValueLengthLimit() > 0 && valueLength > limits.labelValueLengthLimit()) {
        return "label_value_length_limit exceeded (metric: " + met + ", label name: " + trunc(l.name()) + ", value: \""
            + trunc(l.value()) + "\", length: " + valueLength + ", limit: " + limits.labelValueLengthLimit() + ")";
      }
    }
    return null;
  }

  private static String trunc(String s) {
    return s.length() <= 50 ? s : s.substring(0, 50);
  }
}
