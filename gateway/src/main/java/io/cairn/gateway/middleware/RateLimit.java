package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * {@code rateLimit}: a token bucket per source (see {@link SourceExtractor}). A request that would
 * wait up to the spec's max delay is let through after that wait ({@link Outcome.Proceed}); one
 * that would wait longer gets 429 {@code Too Many Requests} with {@code Retry-After} (whole
 * seconds, rounded up) and {@code X-Retry-In} (Go's duration text). {@code average 0} means no
 * limit: every request goes on untouched.
 */
final class RateLimit implements Middleware {
  private final RateLimitSpec spec;
  private final Function<Exchange, String> source;
  private final BucketStore store;
  private final LongSupplier nanoTime;

  /** {@code spec} null means unlimited. */
  RateLimit(RateLimitSpec spec, Function<Exchange, String> source, BucketStore store, LongSupplier nanoTime) {
    this.spec = spec;
    this.source = source;
    this.store = store;
    this.nanoTime = nanoTime;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    if (spec == null) {
      return Outcome.CONTINUE;
    }
    long wait = store.reserve(source.apply(ex), spec, nanoTime.getAsLong());
    if (wait == 0) {
      return Outcome.CONTINUE;
    }
    if (wait <= spec.maxDelayNanos()) {
      return new Outcome.Proceed(Duration.ofNanos(wait));
    }
    HeaderMap h = new HeaderMap()
        .set("Retry-After", Long.toString((long) Math.ceil(wait / 1e9)))
        .set("X-Retry-In", GoDurationText.format(wait));
    return new Outcome.Respond(429, h, "Too Many Requests".getBytes(StandardCharsets.UTF_8));
  }
}
