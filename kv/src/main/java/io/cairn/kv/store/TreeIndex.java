package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The in-memory key index, as etcd's {@code treeIndex}: key order to {@link KeyIndex}. Rebuilt from
 * the KEY bucket at open. Not thread-safe: the store reads it under its read lock and changes it under
 * its write lock.
 */
final class TreeIndex {
  private final TreeMap<ByteString, KeyIndex> tree = new TreeMap<>(Keys.ORDER);

  KeyIndex.Hit get(ByteString key, long atRev) {
    KeyIndex ki = tree.get(key);
    return ki == null ? null : ki.get(atRev);
  }

  /** Calls {@code f} in key order for each key in range alive at {@code atRev}, with its revision. */
  void visit(KeyRange range, long atRev, BiConsumer<ByteString, Revision> f) {
    if (range.isSingle()) {
      KeyIndex.Hit hit = get(range.key(), atRev);
      if (hit != null) {
        f.accept(range.key(), hit.modified());
      }
      return;
    }
    for (KeyIndex ki : slice(range).values()) {
      KeyIndex.Hit hit = ki.get(atRev);
      if (hit != null) {
        f.accept(ki.key, hit.modified());
      }
    }
  }

  private NavigableMap<ByteString, KeyIndex> slice(KeyRange range) {
    if (range.end().isEmpty()) {
      return tree.tailMap(range.key(), true);
    }
    if (Keys.compare(range.key(), range.end()) >= 0) {
      return new TreeMap<>(Keys.ORDER);
    }
    return tree.subMap(range.key(), true, range.end(), false);
  }

  void put(ByteString key, Revision rev) {
    tree.computeIfAbsent(key, KeyIndex::new).put(rev);
  }

  /** @return false if the key was not alive */
  boolean tombstone(ByteString key, Revision rev) {
    KeyIndex ki = tree.get(key);
    return ki != null && ki.tombstone(rev);
  }

  /**
   * Replays one stored revision at open, in revision order (etcd's {@code restoreChunk}): the first
   * put of a key that the index does not hold starts it with the stored creation and version.
   */
  void restore(ByteString key, Revision rev, boolean tombstone, long createRevision, long version) {
    KeyIndex ki = tree.get(key);
    if (tombstone) {
      if (ki != null) {
        ki.tombstone(rev);
      }
      return;
    }
    if (ki == null) {
      ki = new KeyIndex(key);
      ki.restore(new Revision(createRevision, 0), rev, version);
      tree.put(key, ki);
    } else {
      ki.put(rev);
    }
  }

  /** Compacts every key at {@code rev}; returns the revisions at or below it still needed. */
  Set<Revision> compact(long rev) {
    Set<Revision> available = new HashSet<>();
    for (Iterator<KeyIndex> it = tree.values().iterator(); it.hasNext(); ) {
      KeyIndex ki = it.next();
      ki.compact(rev, available);
      if (ki.isEmpty()) {
        it.remove();
      }
    }
    return available;
  }

  /** The revisions a compaction at {@code rev} would keep (etcd's {@code Keep}, used by the hash). */
  Set<Revision> keep(long rev) {
    Set<Revision> available = new HashSet<>();
    for (KeyIndex ki : tree.values()) {
      ki.keep(rev, available);
    }
    return available;
  }

  int keyCount() {
    return tree.size();
  }
}
