package io.cairn.monitor.discovery;

import java.util.List;
import java.util.function.Consumer;

/** {@code static_configs}: publishes its groups once. */
public final class StaticDiscoverer implements Discoverer {
  private final List<TargetGroup> groups;

  public StaticDiscoverer(List<TargetGroup> groups) {
    this.groups = List.copyOf(groups);
  }

  @Override
  public void start(Consumer<List<TargetGroup>> publish) {
    publish.accept(groups);
  }

  @Override
  public void close() {}
}
