package io.cairn.tsdb.head;

import io.cairn.tsdb.chunkenc.Appender;
import io.cairn.tsdb.chunkenc.XorChunk;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One series in the head: its closed chunks, the open chunk being appended to, and the out-of-order
 * samples that arrived behind the newest one.
 *
 * <p>Invariants: closed chunks are immutable, sorted, non-overlapping and never cross a multiple of
 * the chunk range; the open chunk holds samples after every closed chunk; {@code maxTime} is the
 * newest in-order timestamp. Out-of-order samples are kept sorted by time, one per timestamp, apart
 * from the chunks, and are encoded into a chunk only when read.
 *
 * <p>Thread-safety: every method but the accessors of the final fields locks the series ({@code
 * synchronized}); the lock is never held while calling out.
 */
final class MemSeries {
  static final int SAMPLES_PER_CHUNK = 120; // as Prometheus
  private static final long[] NO_TIMES = new long[0];
  private static final double[] NO_VALUES = new double[0];

  /** What became of a sample offered to {@link #append}. */
  enum Outcome {
    APPENDED,
    OUT_OF_ORDER_APPENDED,
    /** Same timestamp and value bits as the sample already there: nothing to do, not an error. */
    DUPLICATE_IGNORED,
    DUPLICATE_CONFLICT,
    TOO_OLD
  }

  final long ref;
  final Labels labels;
  /** Whether a WAL series record for this series is known to be durable. */
  volatile boolean logged;
  /** The pending state of the appender that last appended to this series (see {@link HeadAppender.Pending}). */
  volatile HeadAppender.Pending pending;

  private final List<ChunkMeta> closed = new ArrayList<>();
  private XorChunk open;
  private Appender openAppender;
  private long openMin;
  private long openBoundary; // the open chunk must hold samples before this
  private long maxTime = Long.MIN_VALUE;
  private long lastValueBits;
  private long[] oooT = NO_TIMES; // shared while empty: most series never get an out-of-order sample
  private double[] oooV = NO_VALUES;
  private int oooN;

  MemSeries(long ref, Labels labels) {
    this.ref = ref;
    this.labels = labels;
  }

  synchronized long maxTime() {
    return maxTime;
  }

  /** What {@link #append} would do now with this sample, without changing anything. */
  synchronized Outcome probe(long t, double v, long oooMin) {
    long bits = Double.doubleToRawLongBits(v);
    if (t > maxTime) {
      return Outcome.APPENDED;
    }
    if (t == maxTime) {
      return bits == lastValueBits ? Outcome.DUPLICATE_IGNORED : Outcome.DUPLICATE_CONFLICT;
    }
    if (t < oooMin) {
      return Outcome.TOO_OLD;
    }
    int i = Arrays.binarySearch(oooT, 0, oooN, t);
    if (i >= 0 && Double.doubleToRawLongBits(oooV[i]) != bits) {
      return Outcome.DUPLICATE_CONFLICT;
    }
    return i >= 0 ? Outcome.DUPLICATE_IGNORED : Outcome.OUT_OF_ORDER_APPENDED;
  }

  /**
   * Adds a sample. In order ({@code t > maxTime}) it goes to the open chunk, cutting a new one at
   * {@value #SAMPLES_PER_CHUNK} samples or at a chunk-range boundary; behind {@code maxTime} it is
   * kept as out-of-order if {@code t >= oooMin}, else refused.
   */
  synchronized Outcome append(long t, double v, long chunkRange, long oooMin) {
    long bits = Double.doubleToRawLongBits(v);
    if (t > maxTime) {
      if (open == null || open.numSamples() >= SAMPLES_PER_CHUNK || t >= openBoundary) {
        cut(t, chunkRange);
      }
      openAppender.append(t, v);
      maxTime = t;
      lastValueBits = bits;
      return Outcome.APPENDED;
    }
    if (t == maxTime) {
      return bits == lastValueBits ? Outcome.DUPLICATE_IGNORED : Outcome.DUPLICATE_CONFLICT;
    }
    if (t < oooMin) {
      return Outcome.TOO_OLD;
    }
    int i = Arrays.binarySearch(oooT, 0, oooN, t);
    if (i >= 0) {
      return Double.doubleToRawLongBits(oooV[i]) == bits ? Outcome.DUPLICATE_IGNORED : Outcome.DUPLICATE_CONFLICT;
    }
    insertOutOfOrder(-i - 1, t, v);
    return Outcome.OUT_OF_ORDER_APPENDED;
  }

  private void cut(long t, long chunkRange) {
    if (open != null) {
      closed.add(new ChunkMeta(openMin, maxTime, open));
    }
    open = new XorChunk();
    try {
      openAppender = open.appender();
    } catch (io.cairn.tsdb.chunkenc.CorruptChunkException e) {
      throw new IllegalStateException("a new chunk cannot be corrupt", e);
    }
    openMin = t;
    openBoundary = Math.floorDiv(t, chunkRange) * chunkRange + chunkRange;
    if (openBoundary < t) { // overflow near Long.MAX_VALUE
      openBoundary = Long.MAX_VALUE;
    }
  }

  private void insertOutOfOrder(int at, long t, double v) {
    if (oooN == oooT.length) {
      int n = Math.max(8, oooN * 2);
      oooT = Arrays.copyOf(oooT, n);
      oooV = Arrays.copyOf(oooV, n);
    }
    System.arraycopy(oooT, at, oooT, at + 1, oooN - at);
    System.arraycopy(oooV, at, oooV, at + 1, oooN - at);
    oooT[at] = t;
    oooV[at] = v;
    oooN++;
  }

  /**
   * The chunks overlapping {@code [mint, maxt]}: closed ones as they are, a copy of the open one, and
   * the out-of-order samples in range encoded as chunks last (so they win on equal timestamps), or
   * null if nothing overlaps.
   */
  synchronized ChunkSeries snapshot(long mint, long maxt) {
    List<ChunkMeta> out = new ArrayList<>();
    for (ChunkMeta c : closed) {
      if (c.overlaps(mint, maxt)) {
        out.add(c);
      }
    }
    if (open != null && openMin <= maxt && maxTime >= mint) {
      out.add(new ChunkMeta(openMin, maxTime, XorChunk.fromBytes(open.bytes())));
    }
    int from = lowerBound(mint);
    int to = lowerBound(maxt == Long.MAX_VALUE ? maxt : maxt + 1);
    if (maxt == Long.MAX_VALUE) {
      to = oooN;
    }
    List<ChunkMeta> ooo = new ArrayList<>();
    for (int i = from; i < to; i += SAMPLES_PER_CHUNK) {
      int end = Math.min(to, i + SAMPLES_PER_CHUNK);
      XorChunk c = new XorChunk();
      Appender a = appenderOf(c);
      for (int j = i; j < end; j++) {
        a.append(oooT[j], oooV[j]);
      }
      ooo.add(new ChunkMeta(oooT[i], oooT[end - 1], c));
    }
    if (out.isEmpty() && ooo.isEmpty()) {
      return null;
    }
    out.sort((a, b) -> Long.compare(a.minTime(), b.minTime()));
    out.addAll(ooo);
    return new ChunkSeries(labels, out);
  }

  private int lowerBound(long t) {
    int i = Arrays.binarySearch(oooT, 0, oooN, t);
    return i >= 0 ? i : -i - 1;
  }

  private static Appender appenderOf(XorChunk c) {
    try {
      return c.appender();
    } catch (io.cairn.tsdb.chunkenc.CorruptChunkException e) {
      throw new IllegalStateException("a new chunk cannot be corrupt", e);
    }
  }

  /**
   * Drops the data before {@code mint}: closed chunks that end before it and out-of-order samples
   * before it. Returns whether the series holds no data any more.
   */
  synchronized boolean truncateBefore(long mint) {
    closed.removeIf(c -> c.maxTime() < mint);
    if (open != null && maxTime < mint) {
      open = null;
      openAppender = null;
    }
    int keepFrom = lowerBound(mint);
    if (keepFrom > 0) {
      System.arraycopy(oooT, keepFrom, oooT, 0, oooN - keepFrom);
      System.arraycopy(oooV, keepFrom, oooV, 0, oooN - keepFrom);
      oooN -= keepFrom;
    }
    return closed.isEmpty() && open == null && oooN == 0;
  }

  /** The number of chunks in memory (closed, open, and one per 120 out-of-order samples). */
  synchronized int chunkCount() {
    return closed.size() + (open == null ? 0 : 1) + (oooN + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK;
  }

  /** The oldest timestamp held, or {@link Long#MAX_VALUE} if none. */
  synchronized long minTime() {
    long m = Long.MAX_VALUE;
    if (!closed.isEmpty()) {
      m = closed.getFirst().minTime();
    } else if (open != null) {
      m = openMin;
    }
    return oooN > 0 ? Math.min(m, oooT[0]) : m;
  }
}
