package io.cairn.gateway.middleware;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets in memory, as golang.org/x/time/rate behind Traefik: tokens refill at the rate up
 * to the burst; a reservation may drive the count below zero, which is the wait. At most {@code
 * maxSources} buckets are kept (Traefik: 65536): buckets idle longer than the spec's ttl are
 * dropped first, then the least recently used. Thread-safe (one lock; the work under it is O(1)
 * amortised).
 */
final class LocalBucketStore implements BucketStore {
  static final int DEFAULT_MAX_SOURCES = 65_536;

  private static final class Bucket {
    double tokens;
    long last;
    long lastUse;
  }

  private final int maxSources;
  private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

  LocalBucketStore(int maxSources) {
    if (maxSources < 1) {
      throw new IllegalArgumentException("maxSources must be 1 or more, got " + maxSources);
    }
    this.maxSources = maxSources;
  }

  @Override
  public synchronized long reserve(String source, RateLimitSpec spec, long now) {
    Bucket b = buckets.get(source);
    if (b == null || now - b.lastUse > spec.ttlNanos()) {
      if (b == null && buckets.size() >= maxSources) {
        evict(spec, now);
      }
      b = new Bucket();
      b.tokens = spec.burst();
      b.last = now;
      buckets.put(source, b);
    }
    b.lastUse = now;
    double elapsed = Math.max(0, now - b.last) / 1e9;
    double tokens = Math.min(spec.burst(), b.tokens + elapsed * spec.ratePerSecond());
    double after = tokens - 1;
    long wait = after >= 0 ? 0 : (long) Math.ceil(-after / spec.ratePerSecond() * 1e9);
    if (wait <= spec.maxDelayNanos()) {
      b.tokens = after;
      b.last = Math.max(now, b.last);
    }
    return wait;
  }

  private void evict(RateLimitSpec spec, long now) {
    Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator();
    boolean removed = false;
    while (it.hasNext()) {
      if (now - it.next().getValue().lastUse > spec.ttlNanos()) {
        it.remove();
        removed = true;
      }
    }
    if (!removed) {
      it = buckets.entrySet().iterator();
      it.next();
      it.remove();
    }
  }

  synchronized int size() {
    return buckets.size();
  }
}
