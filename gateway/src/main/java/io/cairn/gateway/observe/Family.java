package io.cairn.gateway.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * One labelled metric family: a counter or a histogram whose children (one per label-value tuple)
 * are created on first use and cached, so recording is a hash lookup plus lock-free adds ({@link
 * LongAdder}, {@link DoubleAdder}). Label names are written sorted, as Go's client writes them.
 * Thread-safe.
 */
final class Family {
  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final int[] order;
  private final double[] buckets;
  private final Map<List<String>, Child> children = new ConcurrentHashMap<>();

  /** A child: a counter (no buckets) or a histogram. */
  static final class Child {
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();
    final LongAdder[] buckets;

    Child(int n) {
      buckets = new LongAdder[n];
      for (int i = 0; i < n; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  private Family(String name, String help, List<String> labelNames, double[] buckets) {
    this.name = name;
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
    this.order = java.util.stream.IntStream.range(0, labelNames.size()).boxed()
        .sorted(Comparator.comparing(labelNames::get)).mapToInt(Integer::intValue).toArray();
    this.buckets = buckets;
  }

  static Family counter(String name, String help, List<String> labelNames) {
    return new Family(name, help, labelNames, null);
  }

  /** A histogram; {@code buckets} are upper bounds, strictly increasing ({@code +Inf} is implicit). */
  static Family histogram(String name, String help, List<String> labelNames, List<Double> buckets) {
    double[] b = buckets.stream().mapToDouble(Double::doubleValue).toArray();
    for (int i = 0; i < b.length; i++) {
      if (Double.isNaN(b[i]) || (i > 0 && b[i] <= b[i - 1])) {
        throw new IllegalArgumentException("histogram buckets " + buckets + " must be strictly increasing numbers");
      }
    }
    return new Family(name, help, labelNames, b);
  }

  private Child child(List<String> labelValues) {
    if (labelValues.size() != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got values " + labelValues);
    }
    return children.computeIfAbsent(labelValues, k -> new Child(buckets == null ? 0 : buckets.length));
  }

  /** Adds {@code n} to the counter with these label values (in the order of the label names). */
  void add(List<String> labelValues, long n) {
    Child c = child(labelValues);
    c.count.add(n);
  }

  /** Records one observation in the histogram with these label values. */
  void observe(List<String> labelValues, double v) {
    Child c = child(labelValues);
    for (int i = 0; i < buckets.length; i++) {
      if (v <= buckets[i]) {
        c.buckets[i].increment();
        break;
      }
    }
    c.sum.add(v);
    c.count.increment();
  }

  /** The counter's value for these label values, 0 when never recorded (tests). */
  long value(List<String> labelValues) {
    Child c = children.get(labelValues);
    return c == null ? 0 : c.count.sum();
  }

  void write(PromText out) {
    if (children.isEmpty()) {
      return;
    }
    out.family(name, buckets == null ? "counter" : "histogram", help);
    List<String> sortedNames = new ArrayList<>();
    for (int i : order) {
      sortedNames.add(labelNames.get(i));
    }
    List<Map.Entry<List<String>, Child>> entries = new ArrayList<>(children.entrySet());
    entries.sort(Comparator.comparing(e -> String.join("\u0000", e.getKey())));
    for (Map.Entry<List<String>, Child> e : entries) {
      List<String> values = new ArrayList<>();
      for (int i : order) {
        values.add(e.getKey().get(i));
      }
      Child c = e.getValue();
      if (buckets == null) {
        out.sample(name, sortedNames, values, c.count.sum());
        continue;
      }
      long count = c.count.sum(); // read first: buckets may run ahead of it, never behind
      long cumulative = 0;
      List<String> withLe = new ArrayList<>(sortedNames);
      withLe.add("le");
      for (int i = 0; i < buckets.length; i++) {
        cumulative += c.buckets[i].sum();
        List<String> v = new ArrayList<>(values);
        v.add(PromText.number(buckets[i]));
        out.sample(name + "_bucket", withLe, v, Math.min(cumulative, count));
      }
      List<String> inf = new ArrayList<>(values);
      inf.add("+Inf");
      out.sample(name + "_bucket", withLe, inf, count);
      out.sample(name + "_sum", sortedNames, values, c.sum.sum());
      out.sample(name + "_count", sortedNames, values, count);
    }
  }
}
