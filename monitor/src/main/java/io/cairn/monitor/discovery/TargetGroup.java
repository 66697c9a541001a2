package io.cairn.monitor.discovery;

import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group of targets sharing labels, as Prometheus's {@code targetgroup.Group}.
 *
 * @param source identifies the group within its discoverer (file SD: {@code path:index}; HTTP SD:
 *     {@code url:index}); unique per discoverer
 * @param targets each target's own labels; each has at least {@code __address__}
 * @param labels labels common to every target of the group (a target's own label wins)
 */
public record TargetGroup(String source, List<Map<String, String>> targets, Map<String, String> labels) {
  public TargetGroup {
    Objects.requireNonNull(source, "source");
    targets = targets.stream().map(Map::copyOf).toList();
    labels = Map.copyOf(labels);
    for (Map<String, String> t : targets) {
      if (t.getOrDefault("__address__", "").isEmpty()) {
        throw new IllegalArgumentException("target group " + source + ": target " + t + " has no __address__");
      }
    }
  }

  /** A group of addresses with common labels. */
  public static TargetGroup of(String source, List<String> addresses, Map<String, String> labels) {
    return new TargetGroup(source, addresses.stream().map(a -> Map.of("__address__", a)).toList(), labels);
  }

  /** Each target's discovered labels: the group labels overlaid by the target's own. */
  public List<Labels> targetLabels() {
    List<Labels> out = new ArrayList<>(targets.size());
    for (Map<String, String> t : targets) {
      Labels.Builder b = Labels.from(labels).toBuilder();
      t.forEach(b::set);
      out.add(b.build());
    }
    return out;
  }

  /** This group with one more common label (e.g. {@code __meta_filepath}). */
  TargetGroup withLabel(String name, String value) {
    Map<String, String> l = new java.util.HashMap<>(labels);
    l.put(name, value);
    return new TargetGroup(source, targets, l);
  }
}
