package io.cairn.gateway.middleware;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code inFlightReq}: at most {@code amount} requests per source at once (source: see {@link
 * SourceExtractor}, by default the host). Over the limit the answer is 429 with body {@code max
 * connections reached: AMOUNT}, as oxy's connlimit. The slot is held until {@link
 * Exchange#complete}, which the proxy must call once per request. Thread-safe; sources with no
 * request in flight take no memory.
 */
final class InFlightReq implements Middleware {
  private final long amount;
  private final Function<Exchange, String> source;
  private final ConcurrentHashMap<String, Long> inFlight = new ConcurrentHashMap<>();

  InFlightReq(long amount, Function<Exchange, String> source) {
    this.amount = amount;
    this.source = source;
  }

  @Override
  public Outcome onRequest(Exchange ex) {
    String key = source.apply(ex);
    boolean[] acquired = {false};
    inFlight.compute(key, (k, n) -> {
      long cur = n == null ? 0 : n;
      if (cur >= amount) {
        return n;
      }
      acquired[0] = true;
      return cur + 1;
    });
    if (!acquired[0]) {
      return new Outcome.Respond(429, new HeaderMap(),
          ("max connections reached: " + amount).getBytes(StandardCharsets.UTF_8));
    }
    ex.onComplete(c -> inFlight.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1));
    return Outcome.CONTINUE;
  }

  /** Requests in flight for {@code source} (for tests and metrics). */
  long inFlight(String source) {
    return inFlight.getOrDefault(source, 0L);
  }
}
