package io.cairn.monitor.scrape;

import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target's scrape loop, as Prometheus's {@code scrapeLoop}: a virtual thread that waits for
 * the target's {@linkplain ScrapeTarget#offsetMillis offset}, then scrapes once per interval
 * (ticks missed while a scrape ran are skipped), appending each scrape and its report series in
 * one commit. The ticks come from the {@link ScrapeTicker}, which reads the time when each is due;
 * {@link ScrapeClock} turns that time into the scrape's timestamp.
 *
 * <p>Report series, stamped with the scrape time and the target labels: {@code up}, {@code
 * scrape_duration_seconds}, {@code scrape_samples_scraped}, {@code
 * scrape_samples_post_metric_relabeling}, {@code scrape_series_added}. A failed scrape (fetch
 * error, parse error, any limit) appends no samples, marks every series of the previous scrape
 * stale and reports {@code up} 0. {@link #stop(boolean)} with staleness marks the last scrape's
 * series and the report series stale at the stop time (Prometheus waits for the next tick first).
 *
 * <p>Thread-safety: {@link #start}, {@link #stop} and {@link #status} from any thread; the cache
 * is only touched by the loop thread (or, without a thread, by the caller of {@link #scrapeOnce}).
 */
final class ScrapeLoop {
  private static final Logger log = LoggerFactory.getLogger(ScrapeLoop.class);
  /** What {@link #ticks} holds once a stop was requested (never a tick's time). */
  private static final long STOP = Long.MIN_VALUE;

  private final ScrapeTarget target;
  private final Appendable appendable;
  private final ScrapeCache cache;
  private final ScrapeMetrics metrics;
  private final Scraper scraper;
  private final long jitterSeed;
  private final TimestampAlignment alignment;
  private final String intervalLabel;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  /** Wall-clock microseconds of fired ticks, or {@link #STOP}: what the loop thread waits on. */
  private final BlockingQueue<Long> ticks = new LinkedBlockingQueue<>();
  private volatile boolean staleOnStop = true;
  private volatile Thread thread;
  private volatile ActiveTarget status;
  private long lastStartNanos;

  ScrapeLoop(ScrapeTarget target, HttpClient client, Appendable appendable, ScrapeCache cache, ScrapeMetrics metrics,
      long jitterSeed, TimestampAlignment alignment) {
    this.target = target;
    this.appendable = appendable;
    this.cache = cache;
    this.metrics = metrics;
    this.scraper = new Scraper(client, target);
    this.jitterSeed = jitterSeed;
    this.alignment = alignment;
    this.intervalLabel = GoDurations.goString(target.interval());
    this.status = new ActiveTarget(target, TargetHealth.UNKNOWN, Optional.empty(), Duration.ZERO, "", cache);
  }

  ScrapeTarget target() {
    return target;
  }

  ScrapeCache cache() {
    return cache;
  }

  ActiveTarget status() {
    return status;
  }

  /** Starts the loop thread. */
  synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("scrape loop for " + target.url() + " already started");
    }
    thread = Thread.ofVirtual().name("scrape " + target.job() + " " + target.url()).start(this::run);
  }

  /** Asks the loop to end and aborts a fetch in progress; does not wait. */
  void requestStop(boolean markStale) {
    staleOnStop = markStale;
    stopSignal.countDown();
    ticks.offer(STOP);
    scraper.cancel();
  }

  /** Waits for the loop thread (and its stale markers) to finish. */
  void awaitStopped() throws InterruptedException {
    Thread t = thread;
    if (t != null) {
      t.join();
    }
  }

  /** {@link #requestStop} then {@link #awaitStopped}. */
  void stop(boolean markStale) throws InterruptedException {
    requestStop(markStale);
    awaitStopped();
  }

  private void run() {
    try {
      long offset = target.offsetMillis(System.currentTimeMillis(), jitterSeed);
      long intervalNanos = target.interval().toNanos();
      long nextTick = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offset);
      ScrapeClock clock = new ScrapeClock(alignment, target.interval(), ScrapeClock.wallMicros() + offset * 1_000);
      for (long fired = awaitTick(nextTick); fired != STOP; fired = awaitTick(nextTick)) {
        scrapeOnce(clock.stamp(fired));
        long now = System.nanoTime();
        nextTick += intervalNanos;
        if (nextTick <= now) {
          nextTick += ((now - nextTick) / intervalNanos + 1) * intervalNanos; // skip missed ticks
        }
      }
      if (staleOnStop) { // also when stopped before the first scrape: a handed-over cache has series
        markAllStale(System.currentTimeMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("scrape loop for {} ended by an unexpected error", target.url(), e);
    } finally {
      scraper.close();
    }
  }

  /**
   * Waits for the tick due at {@code dueNanos} ({@link System#nanoTime()}); returns the wall-clock
   * time in microseconds the {@link ScrapeTicker} read when it fired, or {@link #STOP} once a stop
   * was requested.
   */
  private long awaitTick(long dueNanos) throws InterruptedException {
    if (stopSignal.getCount() == 0) {
      return STOP;
    }
    ScheduledFuture<?> pending = ScrapeTicker.schedule(dueNanos - System.nanoTime(), ticks::offer);
    try {
      return ticks.take();
    } finally {
      pending.cancel(false);
    }
  }

  /** One scrape, its append and its report, stamped {@code appendTime}; as {@code scrapeAndReport}. */
  void scrapeOnce(long appendTime) throws InterruptedException {
    long start = System.nanoTime();
    if (lastStartNanos != 0) {
      metrics.intervalLength.labelValues(intervalLabel).observe((start - lastStartNanos) / 1e9);
    }
    lastStartNanos = start;
    byte[] body = new byte[0];
    String contentType = null;
    String scrapeError = null;
    try {
      Scraper.Body b = scraper.scrape();
      body = b.bytes();
      contentType = b.contentType();
    } catch (Scraper.ScrapeFailure e) {
      scrapeError = e.getMessage();
    }
    if (stopSignal.getCount() == 0) {
      return; // stopping: this scrape's result is dropped, the end-of-run markers follow
    }
    Appender app = appendable.appenderWithoutFsync();
    ScrapeAppend.Outcome o = ScrapeAppend.append(app, body, contentType, appendTime, cache, target, metrics);
    if (o.error() != null) {
      app.rollback();
      app = appendable.appenderWithoutFsync();
      cache.resetCurrent();
      ScrapeAppend.Outcome empty = ScrapeAppend.append(app, new byte[0], null, appendTime, cache, target, metrics);
      if (empty.error() != null) {
        log.warn("append of stale markers for {} failed: {}", target.url(), empty.error());
        app.rollback();
        app = appendable.appenderWithoutFsync();
      }
      if (scrapeError == null) {
        scrapeError = o.error();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    double[] values = {scrapeError == null ? 1 : 0, took.toNanos() / 1e9, o.total(), o.added(), o.seriesAdded()};
    String commitError = ReportSeries.appendAndCommit(app, cache, target, appendTime, values);
    status = new ActiveTarget(target, scrapeError == null ? TargetHealth.UP : TargetHealth.DOWN,
        Optional.of(Instant.ofEpochMilli(appendTime)), took,
        scrapeError != null ? scrapeError : commitError != null ? commitError : "", cache);
    if (scrapeError != null) {
      log.debug("scrape of {} failed: {}", target.url(), scrapeError);
    }
  }

  /** Stale markers for the last scrape's series and the report series, in one commit. */
  void markAllStale(long t) {
    ReportSeries.markAllStale(appendable.appenderWithoutFsync(), cache, target, t);
  }
}
