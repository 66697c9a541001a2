package io.cairn.tsdb.db;

import io.cairn.tsdb.block.Block;
import io.cairn.tsdb.block.BlockMeta;
import io.cairn.tsdb.block.BlockWriter;
import io.cairn.tsdb.block.Compactor;
import io.cairn.tsdb.block.Retention;
import io.cairn.tsdb.head.Head;
import io.cairn.tsdb.model.Matcher;
import io.cairn.tsdb.storage.Appendable;
import io.cairn.tsdb.storage.Appender;
import io.cairn.tsdb.storage.ChunkMeta;
import io.cairn.tsdb.storage.ChunkQuerier;
import io.cairn.tsdb.storage.ChunkSeries;
import io.cairn.tsdb.model.Labels;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database, after Prometheus's {@code tsdb.DB}: a head in front of immutable blocks in one
 * directory ({@code <dir>/wal/}, {@code <dir>/<ULID>/}, {@code <dir>/lock}).
 *
 * <p>Writes go to the head. {@link #maintain} (run every {@link DbOptions#maintenanceIntervalMs()}
 * by {@link #startMaintenance}) cuts the head into a block once it spans 1.5 block ranges, as
 * Prometheus does, then compacts blocks as the {@link Compactor} plans, then deletes the blocks
 * retention selects. Reads merge every block overlapping the range with the head.
 *
 * <p>Concurrency: appends never wait for maintenance. Reads take the read side of {@code blocksLock};
 * maintenance swaps the block list under the write side and closes removed blocks only then, so a
 * read never touches a closed block. One maintenance runs at a time.
 */
public final class Db implements Appendable, ChunkQuerier, Closeable {
  private static final Logger log = LoggerFactory.getLogger(Db.class);

  private final Path dir;
  private final DbOptions options;
  private final Head head;
  private final Compactor compactor;
  private final FileChannel lockFile;
  private final FileLock lock;
  private final ReentrantReadWriteLock blocksLock = new ReentrantReadWriteLock();
  private final Object maintenance = new Object();
  private volatile List<Block> blocks; // sorted by minTime
  private volatile Thread maintainer;
  private volatile boolean closed;
  final LongAdder compactions = new LongAdder();
  final LongAdder compactionFailures = new LongAdder();
  final LongAdder headCuts = new LongAdder();
  final LongAdder retentionDeletions = new LongAdder();

  private Db(Path dir, DbOptions options, Head head, List<Block> blocks, FileChannel lockFile, FileLock lock) {
    this.dir = dir;
    this.options = options;
    this.head = head;
    this.blocks = blocks;
    this.lockFile = lockFile;
    this.lock = lock;
    this.compactor = new Compactor(blockRanges(options));
  }

  /**
   * Prometheus's server ranges: {@code ExponentialBlockRanges(min, 10, 3)} (2h, 6h, 18h, ...) up to
   * the largest block, a tenth of the retention time but at most 31 days.
   */
  static List<Long> blockRanges(DbOptions options) {
    long min = options.head().chunkRangeMs();
    long max = 31L * 24 * 3600 * 1000;
    if (options.retentionMs() > 0) {
      max = Math.min(max, options.retentionMs() / 10);
    }
    List<Long> out = new ArrayList<>();
    for (long r : Compactor.exponentialBlockRanges(min, 10, 3)) {
      if (r <= max) {
        out.add(r);
      }
    }
    return out.isEmpty() ? List.of(min) : out;
  }

  /**
   * Opens (creating if needed) the database in {@code dir}: takes the directory lock, removes
   * leftovers of interrupted block writes and blocks that a finished compaction replaced, opens the
   * blocks, then replays the WAL into the head (dropping samples that blocks already hold).
   *
   * @throws IOException if another process holds the lock, or a block or the WAL cannot be read
   */
  public static Db open(Path dir, DbOptions options) throws IOException {
    Files.createDirectories(dir);
    FileChannel ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very process
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new IOException("storage directory " + dir + " is in use by another process (lock file " + dir.resolve("lock") + ")");
    }
    List<Block> blocks = new ArrayList<>();
    try {
      Block.cleanTemporary(dir);
      blocks = openBlocks(dir);
      long minValid = blocks.stream().mapToLong(b -> b.meta().maxTime()).max().orElse(Long.MIN_VALUE);
      Head head = Head.open(dir.resolve("wal"), options.head(), minValid);
      return new Db(dir, options, head, blocks, ch, lock);
    } catch (IOException | RuntimeException e) {
      blocks.forEach(Block::close);
      lock.release();
      ch.close();
      throw e;
    }
  }

  private static List<Block> openBlocks(Path dir) throws IOException {
    List<Block> all = new ArrayList<>();
    try (var entries = Files.list(dir)) {
      for (Path p : entries.filter(p -> Files.isRegularFile(p.resolve("meta.json"))).sorted().toList()) {
        all.add(Block.open(p));
      }
    }
    // A compaction that finished writing but crashed before deleting its parents leaves them behind.
    TreeSet<String> replaced = new TreeSet<>();
    for (Block b : all) {
      b.meta().compaction().parents().forEach(parent -> replaced.add(parent.ulid().toString()));
    }
    List<Block> live = new ArrayList<>();
    for (Block b : all) {
      if (replaced.contains(b.meta().ulid().toString())) {
        b.close();
        deleteTree(b.dir());
      } else {
        live.add(b);
      }
    }
    live.sort(Comparator.comparingLong(b -> b.meta().minTime()));
    return live;
  }

  @Override
  public Appender appender() {
    return head.appender();
  }

  @Override
  public Appender appenderWithoutFsync() {
    return head.appenderWithoutFsync();
  }

  public Head head() {
    return head;
  }

  /** The open blocks, oldest first. */
  public List<Block> blocks() {
    return blocks;
  }

  @Override
  public List<ChunkSeries> select(long mint, long maxt, List<Matcher> matchers) throws IOException {
    List<ChunkSeries> merged = List.of();
    blocksLock.readLock().lock();
    try {
      for (Block b : blocks) {
        if (b.meta().overlaps(mint, maxt)) {
          merged = merge(merged, b.select(mint, maxt, matchers));
        }
      }
    } finally {
      blocksLock.readLock().unlock();
    }
    return merge(merged, head.select(mint, maxt, matchers));
  }

  /**
   * Two lists sorted by labels merged into one; a series in both gets {@code a}'s chunks then
   * {@code b}'s (sources are merged oldest first).
   */
  private static List<ChunkSeries> merge(List<ChunkSeries> a, List<ChunkSeries> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<ChunkSeries> out = new ArrayList<>(Math.max(a.size(), b.size()));
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      ChunkSeries x = a.get(i);
      ChunkSeries y = b.get(j);
      int c = x.labels().compareTo(y.labels());
      if (c < 0) {
        out.add(x);
        i++;
      } else if (c > 0) {
        out.add(y);
        j++;
      } else {
        List<ChunkMeta> chunks = new ArrayList<>(x.chunks().size() + y.chunks().size());
        chunks.addAll(x.chunks());
        chunks.addAll(y.chunks());
        out.add(new ChunkSeries(x.labels(), chunks));
        i++;
        j++;
      }
    }
    out.addAll(a.subList(i, a.size()));
    out.addAll(b.subList(j, b.size()));
    return out;
  }

  @Override
  public List<String> labelNames(long mint, long maxt) throws IOException {
    TreeSet<String> names = new TreeSet<>(head.labelNames(mint, maxt));
    blocksLock.readLock().lock();
    try {
      for (Block b : blocks) {
        if (b.meta().overlaps(mint, maxt)) {
          names.addAll(b.labelNames(mint, maxt));
        }
      }
    } finally {
      blocksLock.readLock().unlock();
    }
    return new ArrayList<>(names);
  }

  @Override
  public List<String> labelValues(String name, long mint, long maxt) throws IOException {
    TreeSet<String> values = new TreeSet<>(head.labelValues(name, mint, maxt));
    blocksLock.readLock().lock();
    try {
      for (Block b : blocks) {
        if (b.meta().overlaps(mint, maxt)) {
          values.addAll(b.labelValues(name, mint, maxt));
        }
      }
    } finally {
      blocksLock.readLock().unlock();
    }
    return new ArrayList<>(values);
  }

  /** Starts the background maintenance loop (a virtual thread); idempotent. */
  public synchronized void startMaintenance() {
    if (maintainer != null || closed) {
      return;
    }
    maintainer = Thread.ofVirtual().name("tsdb-maintenance").start(() -> {
      while (!closed) {
        try {
          Thread.sleep(options.maintenanceIntervalMs());
          maintain();
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          compactionFailures.increment();
          log.error("tsdb maintenance in {} failed; retrying in {} ms", dir, options.maintenanceIntervalMs(), e);
        }
      }
    });
  }

  /**
   * One round of maintenance: cut the head into blocks while it spans more than 1.5 block ranges,
   * compact what the planner proposes, apply retention. Safe to call at any time, from any thread.
   */
  public void maintain() throws IOException {
    synchronized (maintenance) {
      if (closed) {
        return;
      }
      cutHead();
      compact();
      applyRetention();
    }
  }

  private void cutHead() throws IOException {
    long range = options.head().chunkRangeMs();
    while (head.maxTime() != Long.MIN_VALUE && head.minTime() != Long.MAX_VALUE
        && head.maxTime() - head.minTime() > range / 2 * 3) {
      long mint = Math.floorDiv(head.minTime(), range) * range;
      long maxt = mint + range;
      Optional<BlockMeta> meta = BlockWriter.write(dir, mint, maxt, head.select(mint, maxt - 1, List.of()).iterator());
      if (meta.isPresent()) {
        addBlocks(List.of(Block.open(dir.resolve(meta.get().ulid().toString()))), List.of());
      }
      head.truncate(maxt);
      headCuts.increment();
    }
  }

  private void compact() throws IOException {
    while (!closed) {
      List<Block> plan = compactor.plan(blocks);
      if (plan.isEmpty()) {
        return;
      }
      Optional<BlockMeta> meta = compactor.compact(dir, plan);
      List<Block> added = meta.isPresent() ? List.of(Block.open(dir.resolve(meta.get().ulid().toString()))) : List.of();
      addBlocks(added, plan);
      compactions.increment();
    }
  }

  private void applyRetention() throws IOException {
    long walBytes = sizeOf(dir.resolve("wal"));
    List<Block> doomed = Retention.select(blocks, options.retentionMs(), options.retentionBytes(), walBytes);
    if (!doomed.isEmpty()) {
      addBlocks(List.of(), doomed);
      retentionDeletions.add(doomed.size());
    }
  }

  /** Swaps blocks in and out of the live list, then closes and deletes the removed ones. */
  private void addBlocks(List<Block> added, List<Block> removed) throws IOException {
    blocksLock.writeLock().lock();
    try {
      List<Block> next = new ArrayList<>(blocks);
      next.removeAll(removed);
      next.addAll(added);
      next.sort(Comparator.comparingLong(b -> b.meta().minTime()));
      blocks = List.copyOf(next);
    } finally {
      blocksLock.writeLock().unlock();
    }
    for (Block b : removed) {
      b.close();
      deleteTree(b.dir());
    }
  }

  /**
   * Writes a snapshot of the database into {@code target} (which must not exist): every block
   * hard-linked, plus, unless {@code withHead} is false, the head's samples as one more block. Runs
   * under the maintenance lock, so no block is compacted away meanwhile; appends continue (samples
   * appended during the call may or may not be included).
   *
   * @throws IOException if {@code target} exists or cannot be written
   */
  public void snapshot(Path target, boolean withHead) throws IOException {
    synchronized (maintenance) {
      if (closed) {
        throw new IOException("database " + dir + " is closed");
      }
      Snapshot.write(target, blocks, head, withHead);
    }
  }

  /** The database's directory. */
  public Path dir() {
    return dir;
  }

  /** Bytes of all blocks ({@code prometheus_tsdb_storage_blocks_bytes}). */
  public long blocksBytes() {
    return blocks.stream().mapToLong(Block::sizeBytes).sum();
  }

  public long compactions() {
    return compactions.sum();
  }

  public long compactionFailures() {
    return compactionFailures.sum();
  }

  public long headCuts() {
    return headCuts.sum();
  }

  public long retentionDeletions() {
    return retentionDeletions.sum();
  }

  /** Smallest timestamp held anywhere, or {@link Long#MAX_VALUE} when empty. */
  public long minTime() {
    List<Block> bs = blocks;
    return bs.isEmpty() ? head.minTime() : Math.min(bs.getFirst().meta().minTime(), head.minTime());
  }

  @Override
  public void close() throws IOException {
    closed = true;
    Thread t = maintainer;
    if (t != null) {
      t.interrupt();
    }
    synchronized (maintenance) {
      try {
        head.close();
      } finally {
        blocksLock.writeLock().lock();
        try {
          blocks.forEach(Block::close);
          blocks = List.of();
        } finally {
          blocksLock.writeLock().unlock();
          lock.release();
          lockFile.close();
        }
      }
    }
  }

  static long sizeOf(Path p) throws IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (var s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0; // deleted meanwhile
        }
      }).sum();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
