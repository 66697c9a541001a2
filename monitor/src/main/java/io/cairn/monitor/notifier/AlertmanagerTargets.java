package io.cairn.monitor.notifier;

import io.cairn.monitor.discovery.TargetGroup;
import io.cairn.monitor.relabel.Relabel;
import io.cairn.tsdb.model.Labels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns discovered groups into Alertmanager URLs, as Prometheus 2.42's {@code AlertmanagerFromGroup}
 * and {@code alertmanagerSet.sync}: each target's labels get {@code __scheme__} (the set's scheme)
 * and {@code __alerts_path__} (its push path) before the group's labels, then the set's {@code
 * relabel_configs}; a dropped target is listed with its labels before relabelling. An address
 * without a port must have scheme http or https (a default port is implied; as in Prometheus the
 * URL shown keeps the address as relabelled); another scheme, or an address with a {@code /},
 * makes the whole group fail (logged, skipped). URLs are de-duplicated within a set. Stateless.
 */
final class AlertmanagerTargets {
  private static final Logger log = LoggerFactory.getLogger(AlertmanagerTargets.class);
  static final String ADDRESS = "__address__";
  static final String SCHEME = "__scheme__";
  static final String PATH = "__alerts_path__";

  /** The active and dropped Alertmanagers' URLs of one set, in discovery order. */
  record Resolved(List<String> active, List<String> dropped) {
    static final Resolved NONE = new Resolved(List.of(), List.of());
  }

  private AlertmanagerTargets() {}

  static Resolved resolve(SetSettings set, List<TargetGroup> groups) {
    Set<String> active = new LinkedHashSet<>();
    List<String> dropped = new ArrayList<>();
    for (TargetGroup g : groups) {
      try {
        List<String> groupActive = new ArrayList<>();
        List<String> groupDropped = new ArrayList<>();
        group(set, g, groupActive, groupDropped);
        active.addAll(groupActive);
        dropped.addAll(groupDropped);
      } catch (IllegalArgumentException e) {
        log.error("Alertmanager set {}: creating discovered Alertmanagers of group {} failed: {}",
            set.name(), g.source(), e.getMessage());
      }
    }
    return new Resolved(List.copyOf(active), List.copyOf(dropped));
  }

  private static void group(SetSettings set, TargetGroup g, List<String> active, List<String> dropped) {
    for (Map<String, String> target : g.targets()) {
      Labels.Builder b = Labels.builder();
      g.labels().forEach(b::set);
      b.set(SCHEME, set.scheme());
      b.set(PATH, set.postPath());
      target.forEach(b::set);
      Labels discovered = b.build();
      Labels l = Relabel.process(discovered, set.relabelConfigs());
      if (l == null) {
        dropped.add(url(discovered));
        continue;
      }
      String addr = l.get(ADDRESS);
      if (addr == null || addr.isEmpty()) {
        throw new IllegalArgumentException("an Alertmanager has no " + ADDRESS + " after relabelling: " + l);
      }
      if (!hasPort(addr)) {
        String scheme = l.get(SCHEME) == null ? "" : l.get(SCHEME);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.isEmpty()) {
          throw new IllegalArgumentException("invalid scheme: \"" + set.scheme() + "\"");
        }
      }
      if (addr.contains("/")) {
        throw new IllegalArgumentException("\"" + addr + "\" is not a valid hostname");
      }
      active.add(url(l));
    }
  }

  /** {@code <__scheme__>://<__address__><__alerts_path__>}, as Go's {@code url.URL.String}. */
  static String url(Labels l) {
    String path = l.get(PATH) == null ? "" : l.get(PATH);
    String host = l.get(ADDRESS) == null ? "" : l.get(ADDRESS);
    if (!path.isEmpty() && !path.startsWith("/") && !host.isEmpty()) {
      path = "/" + path;
    }
    String scheme = l.get(SCHEME) == null ? "" : l.get(SCHEME);
    return (scheme.isEmpty() ? "" : scheme + ":") + "//" + host + path;
  }

  /** Whether {@code host:port} splits as Go's {@code net.SplitHostPort} would. */
  static boolean hasPort(String addr) {
    if (addr.startsWith("[")) {
      int close = addr.indexOf(']');
      return close > 0 && addr.length() > close + 1 && addr.charAt(close + 1) == ':'
          && addr.indexOf(':', close + 2) < 0;
    }
    int colon = addr.indexOf(':');
    return colon >= 0 && colon == addr.lastIndexOf(':');
  }
}
