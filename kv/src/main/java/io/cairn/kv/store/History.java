package io.cairn.kv.store;

import io.cairn.kv.store.backend.Bucket;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32C;

/**
 * Reads that scan the KEY bucket in revision order: watch history ({@link #events}) and etcd's
 * HashKV ({@link #hash}). Both capture the revisions they need under the store's read lock, scan
 * without it (bounded above by the captured revision, so concurrent applies are invisible), and
 * detect a compaction that raced the scan by re-reading the compact revision afterwards.
 */
final class History {
  private static final byte[] KEY_BUCKET_NAME = "key".getBytes(StandardCharsets.US_ASCII);

  private final StoreState s;
  private final ReentrantReadWriteLock lock;

  History(StoreState s, ReentrantReadWriteLock lock) {
    this.s = s;
    this.lock = lock;
  }

  /**
   * Events with main revision {@code >= fromRevision} on keys in range, oldest first, at most {@code
   * maxEvents} ({@code <= 0}: none). {@code fromRevision <= 0} means all retained history (revisions
   * after the compact revision). {@code prev_kv} is the key's value at the event's revision - 1 when
   * that revision is not compacted, as etcd's watch server reads it.
   */
  List<Event> events(long fromRevision, KeyRange range, boolean withPrevKv, int maxEvents) throws EtcdException {
    long current;
    long compacted;
    lock.readLock().lock();
    try {
      current = s.revision;
      compacted = s.compactRevision;
    } finally {
      lock.readLock().unlock();
    }
    // As etcd's watchable store: only a start below the compact revision is compacted; the
    // revisions kept at the compact revision itself can still be watched.
    if (fromRevision > 0 && fromRevision < compacted) {
      throw EtcdError.COMPACTED.exception();
    }
    long from = fromRevision > 0 ? fromRevision : compacted + 1;
    List<Event> events = new ArrayList<>();
    if (maxEvents <= 0 || from > current) {
      return events;
    }
    s.backend.scan(
        Bucket.KEY,
        Revision.first(from).toBytes(),
        Revision.first(current + 1).toBytes(),
        (k, v) -> {
          KeyValue kv = StoreState.parse(v);
          if (!range.contains(kv.getKey())) {
            return true;
          }
          if (Revision.isTombstone(k)) {
            KeyValue deleted = kv.toBuilder().setModRevision(Revision.fromBytes(k).main()).build();
            events.add(Event.newBuilder().setType(Event.EventType.DELETE).setKv(deleted).build());
          } else {
            events.add(Event.newBuilder().setType(Event.EventType.PUT).setKv(kv).build());
          }
          return events.size() < maxEvents;
        });
    List<Event> out = withPrevKv ? withPrevKvs(events) : events;
    if (fromRevision > 0 && s.compactRevision > fromRevision) {
      throw EtcdError.COMPACTED.exception(); // a compaction removed events while we scanned
    }
    return out;
  }

  List<Event> withPrevKvs(List<Event> events) {
    Revision[] prev = new Revision[events.size()];
    lock.readLock().lock();
    try {
      for (int i = 0; i < prev.length; i++) {
        KeyValue kv = events.get(i).getKv();
        long at = kv.getModRevision() - 1;
        if (at >= s.compactRevision) {
          KeyIndex.Hit hit = s.index.get(kv.getKey(), at);
          prev[i] = hit == null ? null : hit.modified();
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    List<Event> out = new ArrayList<>(events.size());
    for (int i = 0; i < prev.length; i++) {
      KeyValue p = prev[i] == null ? null : s.readValue(prev[i]);
      out.add(p == null ? events.get(i) : events.get(i).toBuilder().setPrevKv(p).build());
    }
    return out;
  }

  /**
   * etcd 3.4's {@code HashByRev}: CRC-32C of the bucket name {@code "key"} and then, in key order,
   * each (revision key, value) with main revision {@code <= rev}, skipping revisions at or below the
   * compact revision that a compaction at {@code rev} would not keep.
   *
   * <p>One deviation: when a compaction at {@code rev} would keep nothing, etcd hashes every old
   * revision still on disk, which depends on how far its background compaction got. This hashes the
   * revisions the last compaction kept instead, which is what etcd hashes once that compaction has
   * finished, so the result never depends on timing.
   */
  KvStore.HashResult hash(long revision) throws EtcdException {
    while (true) {
      long current;
      long compacted;
      long rev;
      Set<Revision> keep;
      lock.readLock().lock();
      try {
        current = s.revision;
        compacted = s.compactRevision;
        if (revision > 0 && revision <= compacted) {
          throw EtcdError.COMPACTED.exception();
        }
        if (revision > current) {
          throw EtcdError.FUTURE_REV.exception();
        }
        rev = revision > 0 ? revision : current;
        keep = s.index.keep(rev);
        if (keep.isEmpty()) {
          keep = s.index.keep(compacted);
        }
      } finally {
        lock.readLock().unlock();
      }
      Revision lower = Revision.first(compacted + 1);
      Set<Revision> kept = keep;
      CRC32C crc = new CRC32C();
      crc.update(KEY_BUCKET_NAME);
      s.backend.scan(
          Bucket.KEY,
          null,
          Revision.first(rev + 1).toBytes(),
          (k, v) -> {
            Revision kr = Revision.fromBytes(k);
            if (lower.greaterThan(kr) && !kept.contains(kr)) {
              return true;
            }
            crc.update(k);
            crc.update(v);
            return true;
          });
      if (s.compactRevision == compacted) {
        return new KvStore.HashResult((int) crc.getValue(), compacted, current);
      }
      // a compaction ran meanwhile and may have removed hashed revisions: hash again
    }
  }
}
