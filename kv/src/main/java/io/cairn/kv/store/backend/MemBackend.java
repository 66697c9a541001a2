package io.cairn.kv.store.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link Backend} in memory: one concurrent sorted map per bucket. For tests and {@code
 * --in-memory}.
 *
 * <p>Concurrency: commits are serialised; gets and scans never block. A scan concurrent with a commit
 * may see part of it (see {@link Backend}). {@link #sizeBytes()} imitates bbolt: it is the high-water
 * mark of {@link #sizeInUseBytes()} (the exact sum of key and value lengths) since the last {@link
 * #defragment()}, so deleting data does not shrink it until a defragment.
 */
public final class MemBackend implements Backend {
  private final Map<Bucket, ConcurrentSkipListMap<byte[], byte[]>> buckets = new EnumMap<>(Bucket.class);
  private final Object commitLock = new Object();
  private volatile long inUse;
  private volatile long highWater;
  private volatile boolean closed;

  public MemBackend() {
    for (Bucket b : Bucket.values()) {
      buckets.put(b, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  /** A backend holding a copy of the RocksDB database at {@code dir} (e.g. a checkpoint). */
  public static MemBackend load(Path dir) throws IOException {
    MemBackend mem = new MemBackend();
    try (RocksBackend rocks = RocksBackend.open(dir)) {
      for (Bucket b : Bucket.values()) {
        WriteBatch batch = new WriteBatch();
        rocks.scan(b, null, null, (k, v) -> {
          batch.put(b, k, v);
          return true;
        });
        mem.commit(batch);
      }
    }
    return mem;
  }

  private ConcurrentSkipListMap<byte[], byte[]> map(Bucket bucket) {
    if (closed) {
      throw new IllegalStateException("backend closed");
    }
    return buckets.get(bucket);
  }

  @Override
  public byte[] get(Bucket bucket, byte[] key) {
    byte[] v = map(bucket).get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void scan(Bucket bucket, byte[] from, byte[] to, Visitor visitor) {
    NavigableMap<byte[], byte[]> m = map(bucket);
    if (from != null && from.length > 0) {
      m = m.tailMap(from, true);
    }
    if (to != null) {
      m = m.headMap(to, false);
    }
    for (Map.Entry<byte[], byte[]> e : m.entrySet()) {
      if (!visitor.visit(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public void commit(WriteBatch batch) {
    synchronized (commitLock) {
      long size = inUse;
      for (WriteBatch.Op op : batch.ops()) {
        ConcurrentSkipListMap<byte[], byte[]> m = map(op.bucket());
        byte[] old = op.isDelete() ? m.remove(op.key()) : m.put(op.key().clone(), op.value().clone());
        if (old != null) {
          size -= op.key().length + old.length;
        }
        if (!op.isDelete()) {
          size += op.key().length + op.value().length;
        }
      }
      inUse = size;
      highWater = Math.max(highWater, size);
    }
  }

  @Override
  public long sizeBytes() {
    return highWater;
  }

  @Override
  public long sizeInUseBytes() {
    return inUse;
  }

  @Override
  public void defragment() {
    synchronized (commitLock) {
      highWater = inUse;
    }
  }

  /**
   * Writes the contents as a RocksDB database (into a temporary sibling, then renamed), so it opens
   * with {@link RocksBackend#open} or {@link #load}. Consistent only if no commit runs meanwhile; the
   * store guarantees that for its own state.
   */
  @Override
  public void checkpoint(Path dir) throws IOException {
    if (Files.exists(dir)) {
      throw new IOException("checkpoint directory already exists: " + dir);
    }
    Path parent = dir.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(dir.getFileName() + ".tmp-" + System.nanoTime());
    try (RocksBackend rocks = RocksBackend.open(tmp)) {
      for (Bucket b : Bucket.values()) {
        WriteBatch batch = new WriteBatch();
        for (Map.Entry<byte[], byte[]> e : map(b).entrySet()) {
          batch.put(b, e.getKey(), e.getValue());
          if (batch.size() >= 10_000) {
            rocks.commit(batch);
            batch = new WriteBatch();
          }
        }
        rocks.commit(batch);
      }
      rocks.flush();
    }
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void close() {
    closed = true;
  }
}
