package io.cairn.kv.store;

import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import java.util.Arrays;

/**
 * Reads a store's buckets for a snapshot file in etcd's layout, the inverse of {@link StoreImport}.
 * cairn's buckets already have etcd 3.4's names and record formats ({@link Bucket}), so records go
 * out as stored, except for the one record that must not leave the cluster: the secret that signs
 * cairn's simple auth tokens (anyone holding it could forge a token for the live cluster; a restore
 * makes a new one). The META bucket keeps cairn's own bookkeeping records beside etcd's, which etcd
 * ignores. Reads the backend it is given; pass a checkpoint for a consistent view.
 */
public final class StoreExport {
  /** Receives one bucket's records in ascending key order. */
  @FunctionalInterface
  public interface Visitor {
    void visit(byte[] key, byte[] value);
  }

  private StoreExport() {}

  /**
   * Whether {@code bucket} belongs in a snapshot: etcd's buckets do; cairn's pending member adds do
   * not (they belong to the cluster the snapshot is taken from, not to the one restored from it).
   */
  public static boolean exported(Bucket bucket) {
    return bucket != Bucket.PENDING_MEMBERS;
  }

  /** Visits every record of {@code bucket} that belongs in a snapshot, in key order. */
  public static void records(Backend backend, Bucket bucket, Visitor visitor) {
    backend.scan(bucket, null, null, (k, v) -> {
      if (!(bucket == Bucket.AUTH && Arrays.equals(k, AuthBuckets.TOKEN_SECRET))) {
        visitor.visit(k, v);
      }
      return true;
    });
  }
}
