package io.cairn.tsdb.head;

import io.cairn.tsdb.model.LabelInterner;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.wal.Records;
import io.cairn.tsdb.wal.RecordType;
import io.cairn.tsdb.wal.RefSample;
import io.cairn.tsdb.wal.RefSeries;
import io.cairn.tsdb.wal.WalReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the head's series from the WAL: the latest checkpoint, then the segments after it.
 *
 * <p>A series record whose labels are already known under another reference (two appenders raced
 * to log it, or the series was logged again after a truncation) maps the new reference to the
 * existing series. Samples for an unknown reference are dropped and counted, as in Prometheus; they
 * cannot happen in a WAL cairn wrote, since a commit logs its series before its samples.
 */
final class Replay {
  private static final Logger log = LoggerFactory.getLogger(Replay.class);

  record Result(Collection<MemSeries> series, long maxRef, long minTime, long maxTime) {}

  private Replay() {}

  /** Replays into new series whose labels are interned in {@code interner}. */
  static Result run(Path walDir, HeadOptions options, long minValidTime, LabelInterner interner) throws IOException {
    Map<Long, MemSeries> byRef = new HashMap<>();
    Map<Labels, MemSeries> byLabels = new HashMap<>();
    long maxRef = 0;
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    long unknown = 0;
    try (WalReader reader = WalReader.replay(walDir)) {
      for (byte[] rec = reader.next(); rec != null; rec = reader.next()) {
        RecordType type = Records.type(rec);
        if (type == RecordType.SERIES) {
          for (RefSeries rs : Records.decodeSeries(rec)) {
            maxRef = Math.max(maxRef, rs.ref());
            MemSeries s = byLabels.get(rs.labels());
            if (s == null) {
              s = new MemSeries(rs.ref(), interner.intern(rs.labels()));
              byLabels.put(s.labels, s);
            }
            byRef.put(rs.ref(), s);
          }
        } else {
          for (RefSample rs : Records.decodeSamples(rec)) {
            MemSeries s = byRef.get(rs.ref());
            if (s == null) {
              unknown++;
              continue;
            }
            if (rs.t() < minValidTime) {
              continue;
            }
            long oooMin = options.outOfOrderWindowMs() == 0 || maxTime == Long.MIN_VALUE
                ? (options.outOfOrderWindowMs() == 0 ? Long.MAX_VALUE : minValidTime)
                : Math.max(minValidTime, maxTime - options.outOfOrderWindowMs());
            MemSeries.Outcome o = s.append(rs.t(), rs.v(), options.chunkRangeMs(), oooMin);
            if (o == MemSeries.Outcome.APPENDED || o == MemSeries.Outcome.OUT_OF_ORDER_APPENDED) {
              minTime = Math.min(minTime, rs.t());
              if (o == MemSeries.Outcome.APPENDED) {
                maxTime = Math.max(maxTime, rs.t());
              }
            }
          }
        }
      }
    }
    if (unknown > 0) {
      log.warn("WAL replay in {} dropped {} samples of unknown series references", walDir, unknown);
    }
    return new Result(byLabels.values(), maxRef, minTime, maxTime);
  }
}
