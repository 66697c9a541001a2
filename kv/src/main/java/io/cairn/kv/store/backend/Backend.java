package io.cairn.kv.store.backend;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Ordered byte storage: the only thing the MVCC store touches for persistence. Keys are ordered
 * unsigned-lexicographically per {@link Bucket}.
 *
 * <h2>Values</h2>
 *
 * {@code null} means "absent" everywhere; an empty array is a present, empty value (the ALARM bucket
 * stores only keys). Arrays passed in are not copied and must not be mutated afterwards; arrays
 * returned belong to the caller.
 *
 * <h2>Threads</h2>
 *
 * Every method is safe to call from any thread. {@link #commit} is atomic with respect to crashes
 * (after a restart either all or none of a batch is visible) and each {@link #get} sees a batch either
 * wholly or not at all for that key. A {@link #scan} running concurrently with a commit may observe
 * only part of that commit ({@link RocksBackend} scans a consistent snapshot; {@link MemBackend} does
 * not): callers that need a consistent view bound their scans to data no concurrent commit changes.
 *
 * <h2>Durability</h2>
 *
 * A committed batch survives a process crash ({@link RocksBackend} writes its WAL without fsync: it
 * may be lost in a machine crash, which is fine because the Raft log, not the store, is the
 * durability source of truth). {@link MemBackend} keeps nothing after {@link #close}.
 */
public interface Backend extends AutoCloseable {

  /** The value under {@code key}, or null if absent. */
  byte[] get(Bucket bucket, byte[] key);

  /**
   * Visits the entries with {@code from <= key < to} in ascending unsigned order until the visitor
   * returns false.
   *
   * @param from inclusive lower bound; null or empty for the first key
   * @param to exclusive upper bound; null for no bound
   */
  void scan(Bucket bucket, byte[] from, byte[] to, Visitor visitor);

  /** Applies a batch atomically. An empty batch is a no-op. */
  void commit(WriteBatch batch);

  /** Bytes the storage occupies (file sizes, or for memory the high-water mark since defragment). */
  long sizeBytes();

  /** Bytes of live keys and values, an estimate for RocksDB; at most {@link #sizeBytes()}. */
  long sizeInUseBytes();

  /** Reclaims space of deleted entries (RocksDB: a full manual compaction). May take a while. */
  void defragment();

  /**
   * Writes a consistent copy of everything committed so far into {@code dir}, which must not exist,
   * as a RocksDB database that {@link RocksBackend#open} can open (so checkpoints of either
   * implementation are interchangeable).
   */
  void checkpoint(Path dir) throws IOException;

  /** Releases all resources (native memory, file locks). Idempotent. Later calls fail. */
  @Override
  void close();

  @FunctionalInterface
  interface Visitor {
    /** @return false to stop the scan */
    boolean visit(byte[] key, byte[] value);
  }
}
