package io.cairn.monitor.rules;

import io.cairn.tsdb.model.Label;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.model.Sample;
import io.cairn.tsdb.chunkenc.CorruptChunkException;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.storage.SeriesSamples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prometheus's {@code Group.RestoreForState}: after a restart, an alert that was pending or firing
 * gets back its active time from its {@code ALERTS_FOR_STATE} series (within the outage tolerance),
 * so that {@code for} does not start over. Rules whose {@code for} is below the grace period are not
 * restored; an alert that would fire within the grace period of {@code ts} is moved so that it
 * fires at {@code ts + grace period}; otherwise its active time is shifted by the downtime.
 * Afterwards every alerting rule of the group is marked restored (and writes its series).
 */
final class ForStateRestore {
  private static final Logger log = LoggerFactory.getLogger(ForStateRestore.class);

  private ForStateRestore() {}

  static void restore(Group g, long ts) {
    GroupOptions o = g.opts;
    for (Rule rule : g.rules) {
      if (!(rule instanceof AlertingRule ar)) {
        continue;
      }
      long hold = ar.holdMillis();
      if (hold < o.gracePeriodMillis()) {
        ar.setRestored(true);
        continue;
      }
      ar.forEachAlert(a -> {
        Sample last;
        try {
          last = lastSample(g, ar.seriesLabels(a, AlertingRule.ALERTS_FOR_STATE), ts - o.outageToleranceMillis(), ts);
        } catch (IOException | CorruptChunkException | RuntimeException e) {
          log.error("restoring the 'for' state of alert {} failed: {}", ar.name(), e.getMessage());
          return;
        }
        if (last == null || last.isStale()) {
          return;
        }
        long downAt = Math.floorDiv(last.t(), 1000L) * 1000;
        long restoredActiveAt = (long) last.v() * 1000;
        long remaining = hold - (downAt - restoredActiveAt);
        if (remaining <= 0) {
          // it was firing; the next evaluation fires it again if it still holds
        } else if (remaining < o.gracePeriodMillis()) {
          restoredActiveAt = ts + o.gracePeriodMillis() - hold;
        } else {
          restoredActiveAt += ts - downAt;
        }
        a.activeAt = restoredActiveAt;
      });
      ar.setRestored(true);
    }
  }

  /** The last sample of exactly the series {@code lset} in [mint, maxt], or null. */
  private static Sample lastSample(Group g, Labels lset, long mint, long maxt) throws IOException, CorruptChunkException {
    List<Matcher> matchers = new ArrayList<>();
    for (Label l : lset) {
      matchers.add(Matcher.of(Matcher.Type.EQUAL, l.name(), l.value()));
    }
    for (ChunkSeries s : g.opts.querier().select(mint, maxt, matchers)) {
      if (s.labels().size() != lset.size()) {
        continue;
      }
      List<Sample> samples = SeriesSamples.samples(s, mint, maxt);
      return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }
    return null;
  }
}
