package io.cairn.tsdb.model;

import io.cairn.common.text.GoStrings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A series' identity, as Prometheus's {@code labels.Labels}: labels sorted by name, names unique,
 * no empty values (setting a label to "" removes it). Immutable and thread-safe. Order between label
 * sets ({@link #compareTo}) is Prometheus's {@code labels.Compare}: label by label, name then value,
 * a prefix first. {@link #toString} renders as Prometheus does: {@code {__name__="up", job="x"}}.
 */
public final class Labels implements Comparable<Labels>, Iterable<Label> {
  /** The label that holds the metric name. */
  public static final String METRIC_NAME = "__name__";

  public static final Labels EMPTY = new Labels(new Label[0]);

  private final Label[] labels; // sorted by name, unique
  private int hash;

  private Labels(Label[] sorted) {
    this.labels = sorted;
  }

  /** Labels already sorted by name, names unique, values non-empty; the array is not copied. */
  static Labels ofSorted(Label[] sorted) {
    return sorted.length == 0 ? EMPTY : new Labels(sorted);
  }

  /** A copy of the label array, in order. */
  Label[] labelArrayCopy() {
    return labels.clone();
  }

  /** From alternating names and values; later duplicates win, empty values are dropped. */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "expected name/value pairs, got an odd number of strings: " + namesAndValues.length);
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.set(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  public static Labels from(Map<String, String> map) {
    Builder b = builder();
    map.forEach(b::set);
    return b.build();
  }

  public static Builder builder() {
    return new Builder(EMPTY);
  }

  /** A builder that starts from these labels. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The value of {@code name}, or "" if absent (as Prometheus's {@code Labels.Get}). */
  public String get(String name) {
    int i = indexOf(name);
    return i < 0 ? "" : labels[i].value();
  }

  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** The metric name ({@value #METRIC_NAME}), or "". */
  public String metricName() {
    return get(METRIC_NAME);
  }

  private int indexOf(String name) {
    int lo = 0;
    int hi = labels.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = labels[mid].name().compareTo(name);
      if (c == 0) {
        return mid;
      }
      if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** These labels without {@code name}: this instance if it has no such label. */
  public Labels without(String name) {
    int i = indexOf(name);
    if (i < 0) {
      return this;
    }
    if (labels.length == 1) {
      return EMPTY;
    }
    Label[] out = new Label[labels.length - 1];
    System.arraycopy(labels, 0, out, 0, i);
    System.arraycopy(labels, i + 1, out, i, labels.length - i - 1);
    return new Labels(out);
  }

  public int size() {
    return labels.length;
  }

  public boolean isEmpty() {
    return labels.length == 0;
  }

  public Label get(int index) {
    return labels[index];
  }

  public List<Label> asList() {
    return List.of(labels);
  }

  public Stream<Label> stream() {
    return Arrays.stream(labels);
  }

  @Override
  public Iterator<Label> iterator() {
    return Arrays.asList(labels).iterator(); // a view (remove() is unsupported), no copy
  }

  @Override
  public int compareTo(Labels o) {
    int n = Math.min(labels.length, o.labels.length);
    for (int i = 0; i < n; i++) {
      int c = labels[i].name().compareTo(o.labels[i].name());
      if (c != 0) {
        return c;
      }
      c = labels[i].value().compareTo(o.labels[i].value());
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(labels.length, o.labels.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other && Arrays.equals(labels, other.labels);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = Arrays.hashCode(labels);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < labels.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(labels[i].name()).append('=');
      GoStrings.quote(labels[i].value(), sb);
    }
    return sb.append('}').toString();
  }

  /** Builds a label set; not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, String> map = new TreeMap<>();

    private Builder(Labels start) {
      for (Label l : start.labels) {
        map.put(l.name(), l.value());
      }
    }

    /** Sets a label; an empty value removes it. */
    public Builder set(String name, String value) {
      if (value == null || value.isEmpty()) {
        map.remove(name);
      } else {
        new Label(name, value); // validates the name
        map.put(name, value);
      }
      return this;
    }

    public Builder remove(String name) {
      map.remove(name);
      return this;
    }

    public String get(String name) {
      return map.getOrDefault(name, "");
    }

    public Labels build() {
      List<Label> out = new ArrayList<>(map.size());
      map.forEach((n, v) -> out.add(new Label(n, v)));
      return out.isEmpty() ? EMPTY : new Labels(out.toArray(Label[]::new));
    }
  }
}
