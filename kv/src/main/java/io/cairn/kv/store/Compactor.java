package io.cairn.kv.store;

import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import java.util.Arrays;
import java.util.Set;

/**
 * The physical part of a compaction (etcd's {@code scheduleCompaction}): deletes from the KEY bucket
 * every revision at or below the compact revision that the key index no longer needs, in batches of
 * {@value #BATCH}, then records the compaction as finished. The scheduled mark was written with the
 * Compact command itself, so a crash in between makes the next open run this again.
 *
 * <p>Runs on the applier thread without the store's lock: readers never need the revisions it
 * removes (the index no longer points at them, the hash skips them), and a read that started before
 * the compaction and finds a value gone reports COMPACTED.
 */
final class Compactor {
  static final int BATCH = 1000;

  private Compactor() {}

  static void run(StoreState s, long rev, Set<Revision> keep) {
    byte[] end = Revision.first(rev + 1).toBytes();
    byte[] from = null;
    while (true) {
      WriteBatch batch = new WriteBatch();
      long[] freed = {0};
      byte[][] last = {null};
      int[] seen = {0};
      s.backend.scan(
          Bucket.KEY,
          from,
          end,
          (k, v) -> {
            last[0] = k;
            if (!keep.contains(Revision.fromBytes(k))) {
              batch.delete(Bucket.KEY, k);
              freed[0] += k.length + v.length;
            }
            return ++seen[0] < BATCH;
          });
      boolean done = seen[0] < BATCH;
      if (done) {
        batch.put(Bucket.META, Meta.FINISHED_COMPACT, Meta.compactBytes(rev));
      }
      s.backend.commit(batch);
      s.keyBytes -= freed[0];
      if (done) {
        return;
      }
      from = Arrays.copyOf(last[0], last[0].length + 1); // the smallest key after the last one seen
    }
  }
}
