package io.cairn.tsdb.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The write-ahead log of the head block: a directory of numbered segment files ({@code 00000000},
 * {@code 00000001}, …) in Prometheus 2.42's format ({@code docs/formats/tsdb-wal.md}).
 *
 * <p><b>Opening</b> repairs a torn end of the last segment (see {@link #repair()}) and then always
 * starts a new segment after the last one, as Prometheus does; existing segments are never appended
 * to. One {@code Wal} per directory at a time (not enforced here; the data directory lock is).
 *
 * <p><b>Thread-safety:</b> every method is thread-safe. {@link #log} calls are serialized for
 * writing; with {@link SyncPolicy#PER_BATCH} they fsync outside the write lock, so concurrent
 * callers share one fsync (group commit). Records of one call are contiguous and in order; the order
 * between concurrent calls is the order in which they took the lock. Interrupting a caller does not
 * abort or break anything: segment writes and fsyncs are not interruptible.
 *
 * <p><b>Failures:</b> after a write or fsync fails, the log's state on disk is unknown and every
 * later {@code log}, {@link #nextSegment} and {@link #truncate} throws an {@link IOException} that
 * carries the first failure; reopen the directory to repair and continue.
 *
 * <p>Readers ({@link WalReader}) may read the directory while it is written; see there what they do
 * at the end of the segment being written.
 */
public final class Wal implements Closeable {
  /** Page size: fragments never cross a page. */
  public static final int PAGE_SIZE = Format.PAGE_SIZE;
  /** Default segment size, 128 MiB. */
  public static final int DEFAULT_SEGMENT_SIZE = Format.DEFAULT_SEGMENT_SIZE;
  /** The largest record {@link #log} accepts and a reader assembles, 64 MiB. */
  public static final int MAX_RECORD_SIZE = Format.MAX_RECORD_SIZE;

  private final Path dir;
  private final WalOptions options;
  private final Repair repair;
  private final ReentrantLock lock = new ReentrantLock();
  private final GroupCommit groupCommit = new GroupCommit();
  private final SyncTarget syncTarget = new SyncTarget();
  private final SegmentWriter writer; // guarded by lock
  private long batchesWritten; // guarded by lock
  private IOException failure; // guarded by lock
  private boolean closed; // guarded by lock

  private Wal(Path dir, WalOptions options, Repair repair, SegmentWriter writer) {
    this.dir = dir;
    this.options = options;
    this.repair = repair;
    this.writer = writer;
  }

  /** Opens (creating if needed) the WAL in {@code dir} with {@link WalOptions#defaults()}. */
  public static Wal open(Path dir) throws IOException {
    return open(dir, WalOptions.defaults());
  }

  /**
   * Opens (creating if needed) the WAL in {@code dir}: repairs a torn end of the last segment, then
   * creates the next segment and writes there (the one after the latest checkpoint, or 0, if there
   * is no segment).
   *
   * @throws CorruptionException if the last segment is damaged in a way a crash cannot explain
   *     (intact data follows the damage), or a segment is missing between the first and the last
   */
  public static Wal open(Path dir, WalOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    Files.createDirectories(dir);
    List<Segments.Ref> segments = Segments.list(dir);
    Repair repair = TailRepair.run(segments, options.listener()).orElse(null);
    int next;
    if (repair != null) {
      next = repair.segment() + 1;
    } else if (!segments.isEmpty()) {
      next = segments.getLast().index() + 1;
    } else { // no segments: continue after a checkpoint, if any, so that replay reads what comes next
      next = Checkpoint.latest(dir).map(cp -> cp.index() + 1).orElse(0);
    }
    SegmentWriter writer = new SegmentWriter(dir, next, options.segmentSize(), options.listener());
    return new Wal(dir, options, repair, writer);
  }

  /**
   * Appends {@code records} in order, as one batch, and returns when they are durable as the {@link
   * SyncPolicy} says (by default fsynced). A record must hold 1 to {@value Format#MAX_RECORD_SIZE}
   * bytes. No records: nothing happens.
   *
   * @throws IllegalStateException if the WAL is closed
   */
  public void log(byte[]... records) throws IOException {
    log(true, records);
  }

  /**
   * As {@link #log(byte[]...)}; with {@code sync} false the call returns once the records are
   * written to the file, without waiting for an fsync whatever the policy (for records nobody is
   * told are durable; a later fsync, a completed segment or {@link #close} covers them). They
   * survive {@code kill -9}, not a power loss before then.
   */
  public void log(boolean sync, byte[]... records) throws IOException {
    for (byte[] r : records) {
      if (r.length == 0 || r.length > Format.MAX_RECORD_SIZE) {
        throw new IllegalArgumentException("a WAL record must hold 1 to " + Format.MAX_RECORD_SIZE
            + " bytes, got " + r.length);
      }
    }
    if (records.length == 0) {
      return;
    }
    long batch;
    lock.lock();
    try {
      checkUsable();
      try {
        for (int i = 0; i < records.length; i++) {
          writer.append(records[i], i == records.length - 1);
        }
      } catch (IOException | RuntimeException e) {
        throw fail(e);
      }
      batch = ++batchesWritten;
    } finally {
      lock.unlock();
    }
    if (sync && options.syncPolicy() == SyncPolicy.PER_BATCH) {
      syncThrough(batch);
    }
  }

  private void syncThrough(long batch) throws IOException {
    groupCommit.syncThrough(batch, syncTarget, options.listener());
    lock.lock();
    try {
      if (failure != null) { // conservative: a failure is reported, never hidden
        throw new IOException("WAL " + dir + " write or fsync failed: " + failure.getMessage(), failure);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The WAL's side of group commit, under the WAL's lock. */
  private final class SyncTarget implements GroupCommit.Target {
    @Override
    public GroupCommit.Point point() {
      lock.lock();
      try {
        return new GroupCommit.Point(batchesWritten, closed || failure != null ? null : writer.segment());
      } finally {
        lock.unlock();
      }
    }

    @Override
    public IOException failed(IOException e) {
      lock.lock();
      try {
        return fail(e);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Completes the segment being written (padding, fsync) and starts the next one; returns the new
   * segment's index. The head calls this before a checkpoint so that every earlier segment is
   * complete.
   */
  public int nextSegment() throws IOException {
    lock.lock();
    try {
      checkUsable();
      try {
        writer.nextSegment();
      } catch (IOException | RuntimeException e) {
        throw fail(e);
      }
      return writer.index();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Deletes every segment below {@code segment}, oldest first (a crash leaves a consecutive range).
   * The segment being written cannot be deleted.
   */
  public void truncate(int segment) throws IOException {
    lock.lock();
    try {
      checkUsable();
      if (segment > writer.index()) {
        throw new IllegalArgumentException("cannot truncate below segment " + segment
            + ": segment " + writer.index() + " is being written");
      }
      boolean deleted = false;
      for (Segments.Ref r : Segments.list(dir)) {
        if (r.index() >= segment) {
          break;
        }
        Files.delete(r.file());
        deleted = true;
      }
      if (deleted) {
        Segments.syncDir(dir);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The index of the segment being written. */
  public int currentSegment() {
    lock.lock();
    try {
      return writer.index();
    } finally {
      lock.unlock();
    }
  }

  /** The index of the oldest segment on disk. */
  public int firstSegment() throws IOException {
    List<Segments.Ref> segments = Segments.list(dir);
    return segments.isEmpty() ? currentSegment() : segments.getFirst().index();
  }

  /** What {@link #open} repaired, if anything. */
  public Optional<Repair> repair() {
    return Optional.ofNullable(repair);
  }

  public Path dir() {
    return dir;
  }

  /** Pads and writes the last page, fsyncs and closes the segment. Idempotent. */
  @Override
  public void close() throws IOException {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        throw fail(e);
      }
    } finally {
      lock.unlock();
    }
  }

  private void checkUsable() throws IOException {
    if (closed) {
      throw new IllegalStateException("WAL " + dir + " is closed");
    }
    if (failure != null) {
      throw new IOException("WAL " + dir + " is unusable after an earlier write failure: " + failure.getMessage(),
          failure);
    }
  }

  private IOException fail(Exception e) {
    IOException io = e instanceof IOException x ? x : new IOException(e);
    if (failure == null) {
      failure = io;
    }
    return io;
  }
}
