package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.cairn.kv.store.backend.Backend;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.AlarmMember;
import io.etcd.jetcd.api.KeyValue;
import java.util.HashMap;
import java.util.Map;

/**
 * Rebuilds a {@link StoreState} from its backend at open (etcd's {@code store.restore}): counters from
 * META, the key index and lease attachments by replaying the KEY bucket in revision order, leases and
 * alarms from their buckets; then finishes a compaction that was scheduled but not finished.
 */
final class StoreLoader {
  private StoreLoader() {}

  static void load(StoreState s) {
    Backend b = s.backend;
    byte[] format = b.get(Bucket.META, Meta.STORAGE_FORMAT);
    if (format == null) {
      if (!isEmpty(b)) {
        throw new IllegalStateException("corrupt store: data without a storage format mark");
      }
      b.commit(new WriteBatch().put(Bucket.META, Meta.STORAGE_FORMAT, Meta.longBytes(Meta.FORMAT_VERSION)));
    } else if (Meta.toLong(format, "storage format") != Meta.FORMAT_VERSION) {
      throw new IllegalStateException(
          "unsupported storage format " + Meta.toLong(format, "storage format") + ", expected " + Meta.FORMAT_VERSION);
    }
    s.appliedIndex = metaLong(b, Meta.CONSISTENT_INDEX, "applied index");
    long storedRevision = metaLong(b, Meta.CURRENT_REVISION, "current revision");
    long finished = compactMark(b, Meta.FINISHED_COMPACT);
    long scheduled = compactMark(b, Meta.SCHEDULED_COMPACT);
    s.compactRevision = Math.max(finished, scheduled);

    Map<ByteString, Long> keyToLease = new HashMap<>();
    long[] maxMain = {1};
    long[] keyBytes = {0};
    b.scan(
        Bucket.KEY,
        null,
        null,
        (k, v) -> {
          Revision rev = Revision.fromBytes(k);
          boolean tombstone = Revision.isTombstone(k);
          KeyValue kv = StoreState.parse(v);
          maxMain[0] = Math.max(maxMain[0], rev.main());
          keyBytes[0] += k.length + v.length;
          s.index.restore(kv.getKey(), rev, tombstone, kv.getCreateRevision(), kv.getVersion());
          if (!tombstone && kv.getLease() != 0) {
            keyToLease.put(kv.getKey(), kv.getLease());
          } else {
            keyToLease.remove(kv.getKey());
          }
          return true;
        });
    s.keyBytes = keyBytes[0];
    s.revision = Math.max(Math.max(storedRevision, maxMain[0]), s.compactRevision);

    b.scan(
        Bucket.LEASE,
        null,
        null,
        (k, v) -> {
          long[] l = Leases.decode(v);
          s.leases.grant(Meta.toLong(k, "lease id"), l[1], l[2]);
          return true;
        });
    keyToLease.forEach((key, lease) -> s.leases.attach(lease, key));
    b.scan(
        Bucket.ALARM,
        null,
        null,
        (k, v) -> {
          try {
            s.alarms.activate(AlarmMember.parseFrom(k));
          } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("corrupt store: undecodable alarm", e);
          }
          return true;
        });
    s.auth(AuthBuckets.load(b));
    s.pendingMembers.load(b);
    if (scheduled > finished) {
      Compactor.run(s, scheduled, s.index.compact(scheduled));
    }
  }

  private static boolean isEmpty(Backend b) {
    boolean[] empty = {true};
    for (Bucket bucket : Bucket.values()) {
      b.scan(bucket, null, null, (k, v) -> {
        empty[0] = false;
        return false;
      });
    }
    return empty[0];
  }

  private static long metaLong(Backend b, byte[] key, String what) {
    byte[] v = b.get(Bucket.META, key);
    return v == null ? 0 : Meta.toLong(v, what);
  }

  private static long compactMark(Backend b, byte[] key) {
    byte[] v = b.get(Bucket.META, key);
    return v == null ? 0 : Revision.fromBytes(v).main();
  }
}
