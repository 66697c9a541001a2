package io.cairn.kv.store.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteOptions;

/**
 * A {@link Backend} on RocksDB: one column family per {@link Bucket} (plus RocksDB's mandatory {@code
 * default}, unused). The default bytewise comparator gives unsigned lexicographic order.
 *
 * <p>Writes go through the WAL without fsync (see {@link Backend} on durability). Flushes are atomic
 * across column families, so a checkpoint or a crash never separates a batch. Iterators read an
 * implicit snapshot, so scans are consistent.
 *
 * <p>Concurrency: every operation holds a shared lock that {@link #close()} takes exclusively, so no
 * call can touch freed native memory; after close they throw {@link IllegalStateException}.
 */
public final class RocksBackend implements Backend {
  static {
    RocksDB.loadLibrary();
  }

  private static final String[] SIZE_PROPERTIES = {"rocksdb.total-sst-files-size", "rocksdb.cur-size-all-mem-tables"};

  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyHandle> handles;
  private final Map<Bucket, ColumnFamilyHandle> columns = new EnumMap<>(Bucket.class);
  private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksBackend(RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions, List<ColumnFamilyHandle> handles) {
    this.db = db;
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.handles = handles;
    this.writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
    for (Bucket b : Bucket.values()) {
      columns.put(b, handles.get(b.ordinal() + 1));
    }
  }

  /** Opens (creating if missing) the database in {@code dir}; also opens checkpoints. */
  public static RocksBackend open(Path dir) throws IOException {
    Files.createDirectories(dir);
    DBOptions dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setAtomicFlush(true)
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(2);
    ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    for (Bucket b : Bucket.values()) {
      descriptors.add(new ColumnFamilyDescriptor(b.bucketName().getBytes(StandardCharsets.US_ASCII), cfOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      return new RocksBackend(db, dbOptions, cfOptions, handles);
    } catch (RocksDBException e) {
      handles.forEach(ColumnFamilyHandle::close);
      cfOptions.close();
      dbOptions.close();
      throw new IOException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
  }

  private ColumnFamilyHandle column(Bucket bucket) {
    if (closed) {
      throw new IllegalStateException("backend closed");
    }
    return columns.get(bucket);
  }

  private void lock() {
    closeLock.readLock().lock();
  }

  private void unlock() {
    closeLock.readLock().unlock();
  }

  @Override
  public byte[] get(Bucket bucket, byte[] key) {
    lock();
    try {
      return db.get(column(bucket), key);
    } catch (RocksDBException e) {
      throw new BackendException("get", e);
    } finally {
      unlock();
    }
  }

  @Override
  public void scan(Bucket bucket, byte[] from, byte[] to, Visitor visitor) {
    lock();
    try (ReadOptions ro = new ReadOptions();
        Slice upper = to == null ? null : new Slice(to)) {
      if (upper != null) {
        ro.setIterateUpperBound(upper);
      }
      try (RocksIterator it = db.newIterator(column(bucket), ro)) {
        if (from == null || from.length == 0) {
          it.seekToFirst();
        } else {
          it.seek(from);
        }
        while (it.isValid()) {
          if (!visitor.visit(it.key(), it.value())) {
            return;
          }
          it.next();
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw new BackendException("scan", e);
    } finally {
      unlock();
    }
  }

  @Override
  public void commit(WriteBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    lock();
    try (org.rocksdb.WriteBatch wb = new org.rocksdb.WriteBatch()) {
      for (WriteBatch.Op op : batch.ops()) {
        if (op.isDelete()) {
          wb.delete(column(op.bucket()), op.key());
        } else {
          wb.put(column(op.bucket()), op.key(), op.value());
        }
      }
      db.write(writeOptions, wb);
    } catch (RocksDBException e) {
      throw new BackendException("commit", e);
    } finally {
      unlock();
    }
  }

  private long property(String name) throws RocksDBException {
    long sum = 0;
    for (ColumnFamilyHandle h : handles) {
      sum += db.getLongProperty(h, name);
    }
    return sum;
  }

  @Override
  public long sizeBytes() {
    lock();
    try {
      column(Bucket.META);
      long sum = 0;
      for (String p : SIZE_PROPERTIES) {
        sum += property(p);
      }
      return sum;
    } catch (RocksDBException e) {
      throw new BackendException("size", e);
    } finally {
      unlock();
    }
  }

  @Override
  public long sizeInUseBytes() {
    lock();
    try {
      column(Bucket.META);
      long live = property("rocksdb.estimate-live-data-size") + property("rocksdb.cur-size-all-mem-tables");
      return Math.min(live, sizeBytes());
    } catch (RocksDBException e) {
      throw new BackendException("size", e);
    } finally {
      unlock();
    }
  }

  @Override
  public void defragment() {
    lock();
    try {
      for (Bucket b : Bucket.values()) {
        db.compactRange(column(b));
      }
    } catch (RocksDBException e) {
      throw new BackendException("compactRange", e);
    } finally {
      unlock();
    }
  }

  /** Writes all memtables to SST files. */
  public void flush() {
    lock();
    try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
      column(Bucket.META);
      db.flush(fo, handles);
    } catch (RocksDBException e) {
      throw new BackendException("flush", e);
    } finally {
      unlock();
    }
  }

  @Override
  public void checkpoint(Path dir) throws IOException {
    if (Files.exists(dir)) {
      throw new IOException("checkpoint directory already exists: " + dir);
    }
    Files.createDirectories(dir.toAbsolutePath().getParent());
    lock();
    try (Checkpoint cp = Checkpoint.create(db)) {
      column(Bucket.META);
      cp.createCheckpoint(dir.toAbsolutePath().toString());
    } catch (RocksDBException e) {
      throw new IOException("checkpoint into " + dir + " failed: " + e.getMessage(), e);
    } finally {
      unlock();
    }
  }

  @Override
  public void close() {
    closeLock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      handles.forEach(ColumnFamilyHandle::close);
      db.close();
      writeOptions.close();
      cfOptions.close();
      dbOptions.close();
    } finally {
      closeLock.writeLock().unlock();
    }
  }
}
