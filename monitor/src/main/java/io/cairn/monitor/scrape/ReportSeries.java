package io.cairn.monitor.scrape;

import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.Appender;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The series a scrape reports about itself, as Prometheus's {@code scrapeLoop.report} and {@code
 * reportStale}, and the end-of-run stale markers. Report series carry the target labels, are never
 * metric-relabelled, and ignore out-of-order and duplicate refusals (expected when a target comes
 * back with a new loop).
 */
final class ReportSeries {
  private static final Logger log = LoggerFactory.getLogger(ReportSeries.class);

  /** The names, in the order of the values {@link #appendAndCommit} takes. */
  static final List<String> NAMES = List.of(
      "up", "scrape_duration_seconds", "scrape_samples_scraped", "scrape_samples_post_metric_relabeling", "scrape_series_added");

  private ReportSeries() {}

  /** Appends the report series with {@code values} (in {@link #NAMES} order) and commits; returns an error text or null. */
  static String appendAndCommit(Appender app, ScrapeCache cache, ScrapeTarget target, long t, double[] values) {
    try {
      for (int i = 0; i < NAMES.size(); i++) {
        String name = NAMES.get(i);
        long ref = append(app, cache.reportRef(name), SampleLabels.report(name, target.labels()), t, values[i]);
        if (ref != 0) {
          cache.setReportRef(name, ref);
        }
      }
    } catch (AppendException e) {
      app.rollback();
      log.warn("appending the report series of {} failed: {}", target.url(), e.getMessage());
      return "report series refused: " + e.getMessage();
    }
    try {
      app.commit();
      return null;
    } catch (IOException e) {
      log.warn("scrape commit failed for {}: {}", target.url(), e.getMessage());
      return "scrape commit failed: " + e.getMessage();
    }
  }

  /** Stale markers for the last scrape's series and the report series, in one commit. */
  static void markAllStale(Appender app, ScrapeCache cache, ScrapeTarget target, long t) {
    try {
      for (Labels l : cache.previous()) {
        append(app, 0, l, t, ScrapeAppend.STALE_NAN);
      }
      for (String name : NAMES) {
        append(app, 0, SampleLabels.report(name, target.labels()), t, ScrapeAppend.STALE_NAN);
      }
    } catch (AppendException e) {
      app.rollback();
      log.warn("end-of-run stale markers for {} refused: {}", target.url(), e.getMessage());
      return;
    }
    try {
      app.commit();
    } catch (IOException e) {
      log.warn("end-of-run stale markers for {} not committed: {}", target.url(), e.getMessage());
    }
  }

  /** Appends, ignoring out-of-order and duplicate refusals; returns the ref or 0 when ignored. */
  private static long append(Appender app, long ref, Labels l, long t, double v) throws AppendException {
    try {
      return app.append(ref, l, t, v);
    } catch (AppendException e) {
      if (e.reason() != AppendException.Reason.OUT_OF_ORDER && e.reason() != AppendException.Reason.DUPLICATE_SAMPLE) {
        throw e;
      }
      return 0;
    }
  }
}
