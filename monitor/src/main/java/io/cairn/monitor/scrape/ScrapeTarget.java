package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One target to scrape, as Prometheus's {@code scrape.Target} after {@code PopulateLabels}: build it
 * with {@link TargetLabels#populate} and {@link TargetLabels.Kept#toTarget}, or directly.
 *
 * <p>Identity ({@link #key()}) is the final labels plus the URL, as Prometheus's target hash: a
 * pool keeps one loop per key. Everything else (interval, timeout, settings) is a setting; when a
 * setting changes, the pool restarts that loop. Discovered labels are informational and never
 * restart a loop.
 *
 * @param labels the final target labels: no {@code __}-prefixed labels; includes {@code job} and
 *     {@code instance}; attached to every scraped series and to the report series
 * @param discoveredLabels the labels before relabelling (for {@code /api/v1/targets})
 * @param url what is fetched: scheme, host:port, metrics path and params
 * @param interval the scrape interval (positive)
 * @param timeout the scrape timeout (positive, at most the interval)
 * @param settings the job-level settings
 */
public record ScrapeTarget(
    Labels labels, Labels discoveredLabels, URI url, Duration interval, Duration timeout, ScrapeSettings settings) {
  public ScrapeTarget {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(discoveredLabels, "discoveredLabels");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(settings, "settings");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("scrape interval must be at least 1ms, got " + interval);
    }
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "scrape timeout must be positive and at most the interval " + interval + ", got " + timeout);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("scrape URL must be http or https, got " + url);
    }
    for (var l : labels) {
      if (l.name().startsWith("__")) {
        throw new IllegalArgumentException("target labels must not hold internal label " + l.name() + ": " + labels);
      }
    }
  }

  /** A target with default settings, for tests and tools: labels must hold job and instance. */
  public static ScrapeTarget of(Labels labels, URI url, Duration interval, Duration timeout) {
    return new ScrapeTarget(labels, Labels.EMPTY, url, interval, timeout, ScrapeSettings.DEFAULT);
  }

  /** The identity of a target in its pool. */
  public record Key(Labels labels, String url) {}

  public Key key() {
    return new Key(labels, url.toString());
  }

  public String job() {
    return labels.get("job");
  }

  public ScrapeTarget withSettings(ScrapeSettings s) {
    return new ScrapeTarget(labels, discoveredLabels, url, interval, timeout, s);
  }

  public ScrapeTarget withInterval(Duration newInterval, Duration newTimeout) {
    return new ScrapeTarget(labels, discoveredLabels, url, newInterval, newTimeout, settings);
  }

  /** Whether {@code other} scrapes the same way (discovered labels ignored). */
  boolean sameSettings(ScrapeTarget other) {
    return labels.equals(other.labels) && url.equals(other.url) && interval.equals(other.interval)
        && timeout.equals(other.timeout) && settings.equals(other.settings);
  }

  /** 64-bit FNV-1a of the labels' text and the URL, as Prometheus hashes a target for its offset. */
  long hash() {
    long h = 0xcbf29ce484222325L;
    for (byte b : (labels.toString() + url).getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * How long after {@code nowMillis} the first scrape happens, as Prometheus's {@code
   * Target.offset}: every target scrapes at a fixed phase {@code (hash ^ jitterSeed) mod interval}
   * of the interval grid anchored at the Unix epoch, so restarts keep the phase and targets
   * spread over the interval. Always in {@code [0, interval]}.
   */
  long offsetMillis(long nowMillis, long jitterSeed) {
    long interval = this.interval.toMillis();
    long base = interval - Math.floorMod(nowMillis, interval);
    long offset = Long.remainderUnsigned(hash() ^ jitterSeed, interval);
    long next = base + offset;
    if (next > interval) {
      next -= interval;
    }
    return next;
  }
}
