package io.cairn.gateway.middleware;

import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * {@code rateLimit} shared by the gateway nodes of one cluster without a round trip per request:
 * each node keeps its own buckets ({@link LocalBucketStore}) at {@code 1/n} of the configured rate
 * and burst, {@code n} being the number of live nodes (from kv), so the cluster as a whole allows
 * the configured rate when the load is spread evenly over the nodes (the usual case behind a load
 * balancer or DNS round robin). The burst per node is rounded up, and never below one. A source
 * sending everything to one node gets that node's share: the cost of staying off the request path.
 * When the node count changes the buckets keep their tokens and the next reservation uses the new
 * share. Thread-safe; never blocks.
 */
public final class ClusterBucketStore implements BucketStore {
  private record Scaled(RateLimitSpec limit, int nodes, RateLimitSpec scaled) {}

  private final BucketStore local;
  private final IntSupplier nodes;
  private volatile Scaled last;

  /**
   * @param nodes the live node count (values below 1 count as 1); called on the request path, so
   *     it must be a cheap read
   */
  public ClusterBucketStore(IntSupplier nodes) {
    this(new LocalBucketStore(LocalBucketStore.DEFAULT_MAX_SOURCES), nodes);
  }

  ClusterBucketStore(BucketStore local, IntSupplier nodes) {
    this.local = Objects.requireNonNull(local, "local");
    this.nodes = Objects.requireNonNull(nodes, "nodes");
  }

  @Override
  public long reserve(String source, RateLimitSpec limit, long nowNanos) {
    return local.reserve(source, share(limit), nowNanos);
  }

  /** This node's share of {@code limit} for the current node count. */
  RateLimitSpec share(RateLimitSpec limit) {
    int n = Math.max(1, nodes.getAsInt());
    Scaled s = last;
    if (s != null && s.nodes == n && s.limit.equals(limit)) {
      return s.scaled;
    }
    RateLimitSpec scaled = n == 1 ? limit : new RateLimitSpec(limit.ratePerSecond() / n,
        Math.max(1, (limit.burst() + n - 1) / n), limit.maxDelayNanos(), limit.ttlNanos() * n);
    last = new Scaled(limit, n, scaled);
    return scaled;
  }
}
