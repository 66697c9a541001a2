package io.cairn.tsdb.head;

import io.cairn.tsdb.model.LabelInterner;
import io.cairn.tsdb.model.Labels;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.storage.AppendException;
import io.cairn.tsdb.storage.AppendException.Reason;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.wal.Checkpoint;
import io.cairn.tsdb.wal.Records;
import io.cairn.tsdb.wal.RefSample;
import io.cairn.tsdb.wal.RefSeries;
import io.cairn.tsdb.wal.Wal;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory block: every series written since the last block was cut, with its chunks, behind a
 * write-ahead log. See the package documentation for the design.
 *
 * <p>Concurrency: appenders, queries and commits run in parallel. Series are created under the read
 * side of {@code lifecycle}, and a commit holds the read side from resolving its series to applying
 * its samples; {@link #truncate} takes the write side only to drop dead series, so a commit never
 * logs samples for a series that truncation removed (which a replay would then lose).
 */
public final class Head implements Appendable, ChunkQuerier, Closeable {
  private static final int SAMPLES_PER_RECORD = 10_000;

  private final HeadOptions options;
  private final Wal wal;
  private final Map<Labels, MemSeries> byLabels = new ConcurrentHashMap<>();
  private final Map<Long, MemSeries> byRef = new ConcurrentHashMap<>();
  private final Postings postings = new Postings();
  /** Every series' labels are interned here when it is created (see {@link LabelInterner}). */
  private final LabelInterner interner;
  private final AtomicLong nextRef = new AtomicLong(1);
  private final AtomicLong minTime = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong maxTime = new AtomicLong(Long.MIN_VALUE);
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final HeadStats stats = new HeadStats();
  private volatile long minValidTime;

  private Head(HeadOptions options, Wal wal, long minValidTime, LabelInterner interner) {
    this.options = options;
    this.wal = wal;
    this.interner = interner;
    this.minValidTime = minValidTime;
  }

  /**
   * Opens the head on {@code walDir}: replays the WAL (checkpoint, then segments), dropping samples
   * before {@code minValidTime} (the end of the newest block on disk), then opens the WAL for
   * appending.
   *
   * @throws IOException if the WAL cannot be read; damage in the middle of the WAL is fatal (as in
   *     Prometheus, which then repairs by truncating; cairn's {@code Wal.open} repairs torn tails)
   */
  public static Head open(Path walDir, HeadOptions options, long minValidTime) throws IOException {
    java.nio.file.Files.createDirectories(walDir);
    Wal wal = Wal.open(walDir, options.wal()); // repairs a torn tail first
    Replay.Result replayed;
    LabelInterner interner = new LabelInterner();
    try {
      replayed = Replay.run(walDir, options, minValidTime, interner);
    } catch (IOException | RuntimeException e) {
      wal.close();
      throw e;
    }
    Head head = new Head(options, wal, minValidTime, interner);
    replayed.series().forEach(head::install);
    head.nextRef.set(replayed.maxRef() + 1);
    head.minTime.set(replayed.minTime());
    head.maxTime.set(replayed.maxTime());
    return head;
  }

  private void install(MemSeries s) {
    s.logged = true;
    byLabels.put(s.labels, s);
    byRef.put(s.ref, s);
    postings.add(s.ref, s.labels);
  }

  @Override
  public Appender appender() {
    return new HeadAppender(this, true);
  }

  @Override
  public Appender appenderWithoutFsync() {
    return new HeadAppender(this, false);
  }

  /** {@code labels} with the head's interned label objects (see {@link Appender#intern}). */
  Labels intern(Labels labels) {
    return interner.intern(labels);
  }

  MemSeries seriesByRef(long ref) {
    return byRef.get(ref);
  }

  MemSeries getOrCreate(Labels labels) throws AppendException {
    MemSeries s = byLabels.get(labels);
    if (s != null) {
      return s;
    }
    if (labels.isEmpty()) {
      throw new AppendException(Reason.INVALID_LABELS, "a series needs at least one label");
    }
    lifecycle.readLock().lock();
    try {
      if (byLabels.size() >= options.maxSeries()) {
        s = byLabels.get(labels);
        if (s != null) {
          return s;
        }
        stats.seriesLimitHits.increment();
        throw new AppendException(Reason.SERIES_LIMIT, "the head holds " + options.maxSeries()
            + " series, its limit; refusing new series " + labels + " (raise the series limit or drop series by relabelling)");
      }
      MemSeries[] created = new MemSeries[1];
      // the map keeps its key: intern first, so that key and series share one label set
      s = byLabels.computeIfAbsent(interner.intern(labels), l -> created[0] = new MemSeries(nextRef.getAndIncrement(), l));
      if (created[0] == s) {
        byRef.put(s.ref, s);
        postings.add(s.ref, s.labels);
        stats.seriesCreated.increment();
      }
      return s;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * The earliest timestamp an out-of-order sample may have, given the newest timestamp an appender
   * has pending ({@link Long#MIN_VALUE} for none).
   */
  long outOfOrderMin(long pendingMax) {
    long window = options.outOfOrderWindowMs();
    if (window == 0) {
      return Long.MAX_VALUE;
    }
    long max = Math.max(maxTime.get(), pendingMax);
    return Math.max(minValidTime, max == Long.MIN_VALUE ? Long.MIN_VALUE : max - window);
  }

  long outOfOrderMin() {
    return outOfOrderMin(Long.MIN_VALUE);
  }

  /**
   * Checks a sample against the committed state and what the appender has pending for the series:
   * {@code pendingT}/{@code pendingBits} is its newest pending sample ({@code pendingT} is {@link
   * Long#MIN_VALUE} if none), {@code pendingOutOfOrder} tells whether a pending out-of-order sample
   * at {@code t} has other bits (null: none pending at {@code t}), {@code batchMax} its newest pending
   * timestamp over all series.
   *
   * @return whether the sample is a no-op duplicate (same timestamp, same value bits)
   */
  boolean check(MemSeries s, long t, double v, long pendingT, long pendingBits, Long pendingOutOfOrder, long batchMax)
      throws AppendException {
    if (t < minValidTime) {
      stats.outOfBounds.increment();
      throw new AppendException(Reason.OUT_OF_BOUNDS, "timestamp " + t + " is before " + minValidTime
          + ", the oldest time the head accepts (older data is in blocks on disk)");
    }
    long bits = Double.doubleToRawLongBits(v);
    long oooMin = outOfOrderMin(batchMax);
    if (pendingT != Long.MIN_VALUE && t <= pendingT) {
      if (t == pendingT) {
        return duplicate(bits == pendingBits, t);
      }
      if (t < oooMin) {
        throw tooOld(t, pendingT);
      }
      if (pendingOutOfOrder != null) {
        return duplicate(pendingOutOfOrder == bits, t);
      }
    }
    return switch (s.probe(t, v, oooMin)) {
      case TOO_OLD -> throw tooOld(t, s.maxTime());
      case DUPLICATE_CONFLICT -> duplicate(false, t);
      case DUPLICATE_IGNORED -> true;
      default -> false;
    };
  }

  private boolean duplicate(boolean sameValue, long t) throws AppendException {
    if (sameValue) {
      return true;
    }
    stats.duplicates.increment();
    throw new AppendException(Reason.DUPLICATE_SAMPLE, "timestamp " + t + " already has another value");
  }

  private AppendException tooOld(long t, long newest) {
    stats.outOfOrderRejected.increment();
    return new AppendException(Reason.OUT_OF_ORDER, "timestamp " + t + " is behind the series' newest sample at "
        + newest + (options.outOfOrderWindowMs() == 0 ? ""
            : " and older than the out-of-order window of " + options.outOfOrderWindowMs() + " ms allows"));
  }

  /** Logs the samples to the WAL (with the records of series not yet logged), then applies them. */
  void commit(MemSeries[] series, long[] ts, double[] vs, int n, boolean fsync) throws IOException {
    lifecycle.readLock().lock();
    try {
      for (int i = 0; i < n; i++) {
        if (byRef.get(series[i].ref) != series[i]) { // removed by a truncation since append
          try {
            series[i] = getOrCreate(series[i].labels);
          } catch (AppendException e) {
            series[i] = null;
          }
        }
      }
      List<RefSeries> newSeries = new ArrayList<>();
      java.util.Set<MemSeries> seenNew = null;
      for (int i = 0; i < n; i++) {
        MemSeries s = series[i];
        if (s != null && !s.logged) {
          if (seenNew == null) {
            seenNew = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
          }
          if (seenNew.add(s)) {
            newSeries.add(new RefSeries(s.ref, s.labels));
          }
        }
      }
      List<byte[]> records = new ArrayList<>();
      if (!newSeries.isEmpty()) {
        records.add(Records.encodeSeries(newSeries));
      }
      List<RefSample> batch = new ArrayList<>(Math.min(n, SAMPLES_PER_RECORD));
      for (int i = 0; i < n; i++) {
        if (series[i] == null) {
          continue;
        }
        batch.add(new RefSample(series[i].ref, ts[i], vs[i]));
        if (batch.size() == SAMPLES_PER_RECORD) {
          records.add(Records.encodeSamples(batch));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        records.add(Records.encodeSamples(batch));
      }
      wal.log(fsync, records.toArray(byte[][]::new));
      if (seenNew != null) {
        for (MemSeries s : seenNew) {
          s.logged = true;
        }
      }
      for (int i = 0; i < n; i++) {
        if (series[i] != null) {
          apply(series[i], ts[i], vs[i]);
        }
      }
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private void apply(MemSeries s, long t, double v) {
    switch (s.append(t, v, options.chunkRangeMs(), outOfOrderMin())) {
      case APPENDED -> {
        stats.samplesAppended.increment();
        minTime.accumulateAndGet(t, Math::min);
        maxTime.accumulateAndGet(t, Math::max);
      }
      case OUT_OF_ORDER_APPENDED -> {
        stats.samplesAppended.increment();
        stats.outOfOrderAppended.increment();
        minTime.accumulateAndGet(t, Math::min);
      }
      case DUPLICATE_IGNORED -> {}
      case DUPLICATE_CONFLICT -> stats.duplicates.increment();
      case TOO_OLD -> stats.outOfOrderRejected.increment();
    }
  }

  @Override
  public List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) {
    List<ChunkSeries> out = new ArrayList<>();
    long[] refs = postings.candidates(matchers);
    Iterable<MemSeries> candidates = refs == null ? byRef.values() : () -> java.util.Arrays.stream(refs)
        .mapToObj(byRef::get).filter(java.util.Objects::nonNull).iterator();
    for (MemSeries s : candidates) {
      if (matchesAll(s.labels, matchers)) {
        ChunkSeries cs = s.snapshot(mint, maxt);
        if (cs != null) {
          out.add(cs);
        }
      }
    }
    out.sort((a, b) -> a.labels().compareTo(b.labels()));
    return out;
  }

  private static boolean matchesAll(Labels labels, List<Matcher> matchers) {
    for (Matcher m : matchers) {
      if (!m.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /** Label names of every series in the head (the head does not narrow them by time). */
  @Override
  public List<String> labelNames(long mint, long maxt) {
    return postings.labelNames();
  }

  @Override
  public List<String> labelValues(String name, long mint, long maxt) {
    return postings.labelValues(name);
  }

  /**
   * Drops the data before {@code mint} (now in a block on disk): chunks, out-of-order samples, and
   * series left without data; from then on samples before {@code mint} are out of bounds. Then
   * checkpoints the WAL so that a replay starts from the remaining series.
   */
  public void truncate(long mint) throws IOException {
    if (mint > minValidTime) {
      minValidTime = mint;
    }
    List<MemSeries> dead = new ArrayList<>();
    lifecycle.writeLock().lock();
    try {
      long newMin = Long.MAX_VALUE;
      for (MemSeries s : byRef.values()) {
        if (s.truncateBefore(mint)) {
          dead.add(s);
        } else {
          newMin = Math.min(newMin, s.minTime());
        }
      }
      for (MemSeries s : dead) {
        byRef.remove(s.ref);
        byLabels.remove(s.labels, s);
      }
      if (!dead.isEmpty()) {
        postings.rebuild(byRef.values());
        stats.seriesRemoved.add(dead.size());
      }
      minTime.set(newMin);
    } finally {
      lifecycle.writeLock().unlock();
    }
    if (!dead.isEmpty()) { // outside the lock: appends go on while the interner is rebuilt
      interner.retainOnly(byLabels.keySet());
    }
    int first = wal.firstSegment();
    int current = wal.nextSegment();
    if (current - 1 >= first) {
      Checkpoint.create(wal.dir(), first, current - 1, byRef::containsKey, mint);
      wal.truncate(current);
      Checkpoint.deleteOlder(wal.dir(), current - 1);
    }
    stats.truncations.increment();
  }

  public int numSeries() {
    return byRef.size();
  }

  /** The number of chunks in memory ({@code prometheus_tsdb_head_chunks}). O(series). */
  public long numChunks() {
    long n = 0;
    for (MemSeries s : byRef.values()) {
      n += s.chunkCount();
    }
    return n;
  }

  /** The oldest sample's timestamp, or {@link Long#MAX_VALUE} when the head is empty. */
  public long minTime() {
    return minTime.get();
  }

  /** The newest in-order sample's timestamp, or {@link Long#MIN_VALUE} when the head is empty. */
  public long maxTime() {
    return maxTime.get();
  }

  public long minValidTime() {
    return minValidTime;
  }

  /** The index's cardinality statistics, by {@code label} (usually {@code __name__}). O(label pairs). */
  public PostingsStats postingsStats(String label) {
    return postings.stats(label);
  }

  public HeadStats stats() {
    return stats;
  }

  public HeadOptions options() {
    return options;
  }

  public Wal wal() {
    return wal;
  }

  @Override
  public void close() throws IOException {
    wal.close();
  }
}
