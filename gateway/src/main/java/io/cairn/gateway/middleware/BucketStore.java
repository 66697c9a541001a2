package io.cairn.gateway.middleware;

/**
 * Where {@code rateLimit} keeps its token buckets: in memory ({@link LocalBucketStore}), or
 * shared by the nodes of a cluster ({@link ClusterBucketStore}, each node taking its share). One
 * store instance serves one middleware.
 *
 * <p>Contract: {@link #reserve} is atomic per source; it is called on the request path and must
 * not block for long (a remote store should answer from a local cache and settle asynchronously,
 * or fail open). Thread-safe.
 */
public interface BucketStore {
  /**
   * Takes one token from {@code source}'s bucket, created full when unknown.
   *
   * @param source the request's source key (any string, {@code ""} included)
   * @param limit rate, burst and the longest wait a request may be delayed
   * @param nowNanos the current time on a monotonic clock
   * @return nanoseconds to wait before the token is there: 0 means go now; up to {@code
   *     limit.maxDelayNanos()} the token is taken and the request must wait that long; above it
   *     the token is NOT taken and the request is refused
   */
  long reserve(String source, RateLimitSpec limit, long nowNanos);
}
