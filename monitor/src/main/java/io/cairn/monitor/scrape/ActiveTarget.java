package io.cairn.monitor.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one scraped target for {@code /api/v1/targets}.
 *
 * @param target the target (labels, discovered labels, URL, interval, timeout)
 * @param health {@link TargetHealth#UNKNOWN} before the first scrape
 * @param lastScrape the timestamp of the last scrape, if any
 * @param lastScrapeDuration how long it took ({@link Duration#ZERO} before the first)
 * @param lastError why the last scrape failed, or "" if it did not
 * @param metadata the TYPE/HELP/UNIT metadata of the target's recent scrapes (live, not a copy)
 */
public record ActiveTarget(
    ScrapeTarget target,
    TargetHealth health,
    Optional<Instant> lastScrape,
    Duration lastScrapeDuration,
    String lastError,
    TargetMetadata metadata) {
  /** A target without metadata. */
  public ActiveTarget(
      ScrapeTarget target, TargetHealth health, Optional<Instant> lastScrape, Duration lastScrapeDuration, String lastError) {
    this(target, health, lastScrape, lastScrapeDuration, lastError, TargetMetadata.NONE);
  }
}
