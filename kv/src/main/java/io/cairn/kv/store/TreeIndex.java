package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.util.Arrays;
import java.util.HashMap;
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
 *
 * <p>Every key is in two maps with the same {@link KeyIndex}: the {@code tree} in key order, for
 * ranges, and a hash map for single keys, which every put, delete and single-key read looks up (a
 * tree lookup compares the key ~20 times over 300,000 keys sharing a prefix, the apply thread's
 * largest cost under {@code etcdctl check perf}). Both always hold the same keys.
 *
 * <p>The tree is keyed by each key's own copy of its bytes, compared with {@link
 * Arrays#compareUnsigned(byte[], byte[])} (the same order as {@link Keys#ORDER}, but a vectorised
 * intrinsic instead of a loop over {@code ByteString.byteAt}); inserting a new key compares it ~20
 * times, which was most of the apply thread's time under {@code check perf}. The hash map's key and
 * {@link KeyIndex#key} wrap that same array, so a key's bytes are held once.
 */
final class TreeIndex {
  private final TreeMap<byte[], KeyIndex> tree = new TreeMap<>(Arrays::compareUnsigned);
  private final HashMap<ByteString, KeyIndex> byKey = new HashMap<>();

  KeyIndex.Hit get(ByteString key, long atRev) {
    KeyIndex ki = byKey.get(key);
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

  private NavigableMap<byte[], KeyIndex> slice(KeyRange range) {
    byte[] from = range.key().toByteArray();
    if (range.end().isEmpty()) {
      return tree.tailMap(from, true);
    }
    byte[] to = range.end().toByteArray();
    if (Arrays.compareUnsigned(from, to) >= 0) {
      return new TreeMap<>(Arrays::compareUnsigned);
    }
    return tree.subMap(from, true, to, false);
  }

  void put(ByteString key, Revision rev) {
    KeyIndex ki = byKey.get(key);
    if (ki == null) {
      ki = add(key);
    }
    ki.put(rev);
  }

  private KeyIndex add(ByteString key) {
    byte[] bytes = key.toByteArray(); // never changed: the tree's key, and wrapped as the index's
    ByteString own = UnsafeByteOperations.unsafeWrap(bytes);
    KeyIndex ki = new KeyIndex(own);
    byKey.put(own, ki);
    tree.put(bytes, ki);
    return ki;
  }

  /** @return false if the key was not alive */
  boolean tombstone(ByteString key, Revision rev) {
    KeyIndex ki = byKey.get(key);
    return ki != null && ki.tombstone(rev);
  }

  /**
   * Replays one stored revision at open, in revision order (etcd's {@code restoreChunk}): the first
   * put of a key that the index does not hold starts it with the stored creation and version.
   */
  void restore(ByteString key, Revision rev, boolean tombstone, long createRevision, long version) {
    KeyIndex ki = byKey.get(key);
    if (tombstone) {
      if (ki != null) {
        ki.tombstone(rev);
      }
      return;
    }
    if (ki == null) {
      add(key).restore(new Revision(createRevision, 0), rev, version);
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
        byKey.remove(ki.key);
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
