package io.cairn.monitor.discovery;

import java.util.List;
import java.util.function.Consumer;

/**
 * A source of scrape targets, as Prometheus's {@code discovery.Discoverer}, simplified: instead of
 * deltas by source, it publishes its whole current list of groups each time it changes.
 *
 * <p>Contract: {@link #start} returns at once (work runs on the discoverer's own virtual thread);
 * the discoverer publishes once as soon as it knows its groups (an empty list counts) and then on
 * every change; a source that fails keeps its last good groups. After {@link #close} returns,
 * nothing more is published. Implementations: {@link StaticDiscoverer}, {@link FileDiscoverer},
 * {@link HttpDiscoverer}; a future {@code KvDiscoverer} (cairn kv watch on a prefix) fits the same
 * shape: publish on each watch event.
 */
public interface Discoverer extends AutoCloseable {
  /** Starts discovering; {@code publish} gets the full current groups on each change. Once only. */
  void start(Consumer<List<TargetGroup>> publish);

  /** Stops discovering and waits for the discoverer's thread to end. */
  @Override
  void close();
}
