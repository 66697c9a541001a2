package io.cairn.tsdb.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads records across segments in index order, checking every fragment's CRC32C and the fragment
 * sequence. Not thread-safe; any number of readers may read a directory while one {@link Wal}
 * writes it.
 *
 * <p>Each segment is read as it is on disk when its pages are read. At the end of the last segment
 * of the range: a clean end (a record boundary, possibly inside padding) ends the iteration; data
 * that ends inside a record — a crash mid-write that {@link Wal#open} has not repaired yet, or a
 * record that the writer of a live segment is still writing — throws a {@link CorruptionException}
 * with {@code torn() == true} and {@code validUntil()} where that record starts. A caller tailing a
 * live WAL can read again later from there. Anywhere else, damage throws a {@link
 * CorruptionException} naming the segment and the offset; records returned before it are intact.
 *
 * <p>Memory is bounded by one page plus the largest record ({@value Format#MAX_RECORD_SIZE} bytes);
 * every call makes progress, so garbage never loops.
 */
public final class WalReader implements Closeable {
  private final List<Segments.Ref> segments;
  private int next;
  private Segments.Ref current;
  private SegmentReader reader;
  private long offset = -1;
  private CorruptionException failure;

  WalReader(List<Segments.Ref> segments) {
    this.segments = List.copyOf(segments);
  }

  /** All segments of {@code dir}. */
  public static WalReader open(Path dir) throws IOException {
    return new WalReader(Segments.list(dir));
  }

  /** Segments {@code from} to {@code to} (inclusive) of {@code dir}; each must exist. */
  public static WalReader open(Path dir, int from, int to) throws IOException {
    return new WalReader(Segments.range(dir, from, to));
  }

  /**
   * Replay after a restart: the segments of the latest checkpoint (see {@link Checkpoint}), then the
   * WAL segments after it; without a checkpoint, every WAL segment.
   *
   * @throws CorruptionException if the segment right after the checkpoint is missing while later
   *     ones exist
   */
  public static WalReader replay(Path walDir) throws IOException {
    Optional<Checkpoint.Ref> cp = Checkpoint.latest(walDir);
    if (cp.isEmpty()) {
      return open(walDir);
    }
    List<Segments.Ref> all = new ArrayList<>(Segments.list(cp.get().dir()));
    all.addAll(Segments.range(walDir, cp.get().index() + 1, Integer.MAX_VALUE));
    return new WalReader(all);
  }

  /**
   * The next record, or null when every segment has been read.
   *
   * @throws CorruptionException at damage; later calls throw it again
   */
  public byte[] next() throws IOException {
    if (failure != null) {
      throw failure;
    }
    while (true) {
      if (reader == null) {
        if (next >= segments.size()) {
          return null;
        }
        current = segments.get(next++);
        reader = new SegmentReader(current.file());
      }
      byte[] rec = reader.next();
      if (rec != null) {
        offset = reader.recordOffset();
        return rec;
      }
      Damage damage = reader.damage();
      reader.close();
      reader = null;
      if (damage != null) {
        failure = damage.toException(current, next == segments.size());
        throw failure;
      }
    }
  }

  /** The index of the segment of the last record returned. */
  public int segment() {
    return current == null ? -1 : current.index();
  }

  /** The byte offset, in its segment, where the last record returned starts. */
  public long offset() {
    return offset;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
