package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.backend.Bucket;
import io.cairn.kv.store.backend.WriteBatch;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import io.etcd.jetcd.api.RangeResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * One write transaction, as etcd's {@code storeTxnWrite}: every change takes main revision {@code
 * beginRev + 1} and the next sub-revision; reads see the transaction's own earlier changes and those of
 * earlier commands of the same uncommitted batch ({@link StoreState#uncommitted}). Changes go
 * to the key index, the leases and {@link #batch} at once; the caller commits the batch and then
 * calls {@link #end()}, which publishes the new revision. Runs on the applier thread under the
 * store's write lock only.
 *
 * <p>Each change also yields a watch {@link Event}, without {@code prev_kv}: watchers that want it
 * read it at {@code mod_revision - 1} ({@link KvStore#withPrevKvs}), as etcd's watch server does.
 */
final class WriteTxn {
  private final StoreState s;
  private final WriteBatch batch;
  final long beginRev;
  private final List<Event> events = new ArrayList<>();

  WriteTxn(StoreState s, WriteBatch batch) {
    this.s = s;
    this.batch = batch;
    this.beginRev = s.revision;
  }

  /** The revision this transaction's reads see: {@code beginRev}, or {@code beginRev + 1} once it wrote. */
  long rev() {
    return events.isEmpty() ? beginRev : beginRev + 1;
  }

  boolean hasChanges() {
    return !events.isEmpty();
  }

  List<Event> events() {
    return events;
  }

  /** Publishes the revision; call after the batch is committed. */
  void end() {
    if (hasChanges()) {
      s.revision = beginRev + 1;
    }
  }

  private KeyValue value(Revision rev) {
    KeyValue kv = s.uncommitted.get(rev);
    if (kv == null) {
      kv = s.readValue(rev);
      if (kv == null) {
        throw new IllegalStateException("key index points at missing revision " + rev);
      }
    }
    return kv;
  }

  /** The key's current value in this transaction's view, or null. */
  KeyValue get(ByteString key) {
    KeyIndex.Hit hit = s.index.get(key, rev());
    return hit == null ? null : value(hit.modified());
  }

  /** The values of the keys in range in this transaction's view, in key order. */
  List<KeyValue> values(KeyRange range) {
    List<KeyValue> out = new ArrayList<>();
    s.index.visit(range, rev(), (k, r) -> out.add(value(r)));
    return out;
  }

  RangeResponse range(RangeRequest r) throws EtcdException {
    RangeQuery.Plan plan = RangeQuery.plan(r, s.index, rev(), s.compactRevision);
    return RangeQuery.finish(r, plan, this::value);
  }

  /** etcd's {@code storeTxnWrite.put}; returns the main revision of the change. */
  long put(ByteString key, ByteString value, long lease) {
    long rev = beginRev + 1;
    KeyIndex.Hit hit = s.index.get(key, rev);
    Revision idxRev = new Revision(rev, events.size());
    KeyValue kv =
        KeyValue.newBuilder()
            .setKey(key)
            .setValue(value)
            .setCreateRevision(hit == null ? rev : hit.created().main())
            .setModRevision(rev)
            .setVersion(hit == null ? 1 : hit.version() + 1)
            .setLease(lease)
            .build();
    byte[] revBytes = idxRev.toBytes();
    byte[] bytes = kv.toByteArray();
    batch.put(Bucket.KEY, revBytes, bytes);
    s.keyBytes += revBytes.length + bytes.length;
    s.uncommitted.put(idxRev, kv);
    s.index.put(key, idxRev);
    events.add(Event.newBuilder().setType(Event.EventType.PUT).setKv(kv).build());
    s.leases.detach(key);
    if (lease != 0) {
      s.leases.attach(lease, key);
    }
    return rev;
  }

  /** etcd's {@code storeTxnWrite.deleteRange}: tombstones the keys alive in this view; returns how many. */
  long deleteRange(KeyRange range) {
    List<ByteString> keys = new ArrayList<>();
    s.index.visit(range, rev(), (k, r) -> keys.add(k));
    for (ByteString key : keys) {
      delete(key);
    }
    return keys.size();
  }

  private void delete(ByteString key) {
    long rev = beginRev + 1;
    Revision idxRev = new Revision(rev, events.size());
    byte[] revBytes = idxRev.toTombstoneBytes();
    byte[] bytes = KeyValue.newBuilder().setKey(key).build().toByteArray();
    batch.put(Bucket.KEY, revBytes, bytes);
    s.keyBytes += revBytes.length + bytes.length;
    s.index.tombstone(key, idxRev);
    events.add(
        Event.newBuilder()
            .setType(Event.EventType.DELETE)
            .setKv(KeyValue.newBuilder().setKey(key).setModRevision(rev))
            .build());
    s.leases.detach(key);
  }
}
