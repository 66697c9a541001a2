package io.cairn.monitor.scrape;

import io.cairn.monitor.textparse.Entry;
import io.cairn.monitor.textparse.EntryKind;
import io.cairn.monitor.textparse.ParseException;
import io.cairn.monitor.textparse.Parser;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appender;

/**
 * Appends one scrape body, as Prometheus's {@code scrapeLoop.append}: parse, map each exposed
 * series through the cache (or attach target labels, relabel, check label limits), append with
 * the scrape time unless {@code honor_timestamps} keeps an exposed one, enforce {@code
 * sample_limit}, then write stale markers for series of the previous scrape that are gone.
 *
 * <p>An empty body (a failed scrape) appends nothing and marks every previous series stale.
 * Samples the storage refuses as out of order, duplicate or out of bounds are counted and skipped;
 * any other refusal, a parse error, a missing metric name, an exceeded label limit or sample limit
 * fails the whole append (the caller rolls back).
 */
final class ScrapeAppend {
  /** Samples more than this far in the future are out of bounds (Prometheus's {@code maxAheadTime}). */
  static final long MAX_AHEAD_MILLIS = 10 * 60 * 1000;

  static final double STALE_NAN = Double.longBitsToDouble(Sample.STALE_NAN_BITS);

  /**
   * What one append did.
   *
   * @param total samples in the body
   * @param added samples left after metric relabelling
   * @param seriesAdded series new to the cache that got a sample
   * @param error why the append failed, or null
   * @param sampleLimitExceeded whether it failed for {@code sample_limit}
   */
  record Outcome(int total, int added, int seriesAdded, String error, boolean sampleLimitExceeded) {}

  private ScrapeAppend() {}

  static Outcome append(
      Appender app, byte[] body, String contentType, long defTime, ScrapeCache cache, ScrapeTarget target, ScrapeMetrics metrics) {
    ScrapeSettings s = target.settings();
    int sampleLimit = s.limits().sampleLimit();
    long maxTime = System.currentTimeMillis() + MAX_AHEAD_MILLIS;
    int total = 0;
    int added = 0;
    int seriesAdded = 0;
    int limited = 0;
    boolean sampleLimitErr = false;
    String error = null;
    Parser p = Parser.forContentType(contentType, body).deferSeriesLabels();
    try {
      for (EntryKind k = p.next(); k != EntryKind.EOF; k = p.next()) {
        if (k != EntryKind.SERIES) {
          switch (p.entry()) {
            case Entry.Type ty -> cache.setType(ty.metricName(), ty.type());
            case Entry.Help h -> cache.setHelp(h.metricName(), h.text());
            case Entry.Unit u -> cache.setUnit(u.metricName(), u.unit());
            default -> { }
          }
          continue;
        }
        total++;
        boolean explicitTime = s.honorTimestamps() && p.seriesHasTimestamp();
        long t = explicitTime ? p.seriesTimestamp() : defTime;
        ScrapeCache.Entry ce = cache.get(p);
        if (ce != null && ce.dropped()) {
          continue;
        }
        Labels lset;
        if (ce != null) {
          lset = ce.lset;
        } else {
          lset = SampleLabels.mutate(p.seriesLabels(), target.labels(), s.honorLabels(), s.metricRelabeling());
          if (lset == null || lset.isEmpty()) {
            cache.add(p, 0, null);
            continue;
          }
          if (!lset.has(Labels.METRIC_NAME)) {
            error = "missing metric name (__name__ label)";
            break;
          }
          String limitError = SampleLabels.checkLimits(lset, s.limits());
          if (limitError != null) {
            metrics.exceededLabelLimits.inc();
            error = limitError;
            break;
          }
          lset = app.intern(lset); // the cache and the stored series share one label set
        }
        added++;
        boolean sampleAdded = false;
        long ref = 0;
        if (sampleLimit > 0 && ++limited > sampleLimit) {
          sampleLimitErr = true;
          continue; // keep parsing, so that total counts every sample, as Prometheus
        }
        try {
          if (t > maxTime) {
            throw new AppendException(AppendException.Reason.OUT_OF_BOUNDS, "timestamp " + t + " is more than 10m ahead");
          }
          ref = app.append(ce != null ? ce.ref : 0, lset, t, p.seriesValue());
          sampleAdded = true;
        } catch (AppendException ex) {
          switch (ex.reason()) {
            case OUT_OF_ORDER -> metrics.outOfOrder.inc();
            case DUPLICATE_SAMPLE -> metrics.duplicate.inc();
            case OUT_OF_BOUNDS -> metrics.outOfBounds.inc();
            default -> error = ex.getMessage() + " (series " + lset + ")";
          }
          if (error != null) {
            break;
          }
        }
        if (ce == null) {
          cache.add(p, ref, lset); // ref 0 if refused: looked up by labels next time
          if (sampleAdded) {
            seriesAdded++;
          }
        } else if (sampleAdded) {
          ce.ref = ref;
        }
        if (sampleAdded && !explicitTime) {
          cache.trackStaleness(lset);
        }
      }
    } catch (ParseException ex) {
      error = ex.getMessage();
    }
    if (sampleLimitErr) {
      metrics.exceededSampleLimit.inc();
      if (error == null) {
        error = "sample limit exceeded (" + limited + " samples, limit " + sampleLimit + ")";
      }
    }
    if (error == null) {
      error = markStale(app, cache, defTime);
    }
    if (error == null) {
      cache.iterDone(body.length > 0);
    }
    return new Outcome(total, added, seriesAdded, error, sampleLimitErr);
  }

  /** Stale markers for the previous scrape's series this one did not have; an error text or null. */
  private static String markStale(Appender app, ScrapeCache cache, long t) {
    String[] error = {null};
    cache.forEachStale(lset -> {
      if (error[0] != null) {
        return;
      }
      try {
        app.append(0, lset, t, STALE_NAN);
      } catch (AppendException ex) {
        if (ex.reason() != AppendException.Reason.OUT_OF_ORDER && ex.reason() != AppendException.Reason.DUPLICATE_SAMPLE) {
          error[0] = ex.getMessage() + " (stale marker for " + lset + ")";
        }
      }
    });
    return error[0];
  }
}
