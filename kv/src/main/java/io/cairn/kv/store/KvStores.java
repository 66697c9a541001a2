package io.cairn.kv.store;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.MemBackend;
import io.cairn.kv.store.backend.RocksBackend;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens {@link KvStore}s.
 *
 * <p>The quota ({@code quotaBytes}) follows etcd's {@code --quota-backend-bytes}: 0 means etcd's
 * default of {@value #DEFAULT_QUOTA_BYTES} bytes, a negative value disables it. When the store's
 * logical size ({@link KvStore#sizeInUseBytes()}) exceeds the quota, the next apply raises a NOSPACE
 * alarm (member ID 0) and from then on Put, Txn with a put and LeaseGrant fail with {@link
 * EtcdError#NO_SPACE}; deletes, compaction and lease revokes still work. Unlike etcd, the alarm clears
 * itself at the first apply after the size is back under the quota (e.g. after a compaction).
 */
public final class KvStores {
  /** etcd's {@code DefaultQuotaBytes}: 2 GiB. */
  public static final long DEFAULT_QUOTA_BYTES = 2L * 1024 * 1024 * 1024;

  private KvStores() {}

  /** A store in memory with the default quota. */
  public static KvStore inMemory() {
    return inMemory(0);
  }

  public static KvStore inMemory(long quotaBytes) {
    return over(new MemBackend(), quotaBytes);
  }

  /**
   * An in-memory store holding a copy of the store at {@code dir} (a checkpoint or a closed store),
   * e.g. to install a snapshot on an {@code --in-memory} member.
   */
  public static KvStore inMemoryCopyOf(Path dir, long quotaBytes) throws IOException {
    return over(MemBackend.load(dir), quotaBytes);
  }

  /** Opens (or creates) the RocksDB store in {@code dir}, with the default quota. */
  public static KvStore open(Path dir) throws IOException {
    return open(dir, 0);
  }

  /**
   * Opens (or creates) the RocksDB store in {@code dir} (also a {@link KvStore#checkpoint}),
   * restoring all state and finishing an interrupted compaction.
   */
  public static KvStore open(Path dir, long quotaBytes) throws IOException {
    RocksBackend backend = RocksBackend.open(dir);
    try {
      return over(backend, quotaBytes);
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /** A store over any backend, which it then owns (closes). */
  public static KvStore over(Backend backend, long quotaBytes) {
    long quota = quotaBytes == 0 ? DEFAULT_QUOTA_BYTES : quotaBytes;
    return new MvccStore(backend, quota);
  }
}
