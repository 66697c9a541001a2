package io.cairn.kv.store;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The revisions of one key, as etcd's {@code keyIndex} ({@code mvcc/key_index.go}): a list of
 * generations, each the life of the key from a creation to a deletion. A generation holds the
 * revisions of its puts followed, unless it is the last one, by the tombstone revision that ended it;
 * the last generation is empty while the key is deleted.
 *
 * <p>Invariants: at least one generation; revisions strictly increase across the whole key; only the
 * last generation may be empty. Not thread-safe: the store guards it with its lock.
 */
final class KeyIndex {
  /** What {@link #get} finds: the revision alive at the asked revision, its creation and version. */
  record Hit(Revision modified, Revision created, long version) {}

  private static final class Generation {
    long ver;
    Revision created;
    final ArrayList<Revision> revs = new ArrayList<>(2);

    boolean isEmpty() {
      return revs.isEmpty();
    }

    Revision last() {
      return revs.get(revs.size() - 1);
    }

    /** etcd's generation.walk: from newest to oldest, the index of the first rev failing {@code f}. */
    int walk(Predicate<Revision> f) {
      for (int i = revs.size() - 1; i >= 0; i--) {
        if (!f.test(revs.get(i))) {
          return i;
        }
      }
      return -1;
    }
  }

  final ByteString key;
  private Revision modified = new Revision(0, 0);
  private final List<Generation> generations = new ArrayList<>(1);

  KeyIndex(ByteString key) {
    this.key = key;
    generations.add(new Generation());
  }

  void put(Revision rev) {
    if (!rev.greaterThan(modified)) {
      throw new IllegalStateException("revision " + rev + " not after " + modified + " for key " + key);
    }
    Generation g = generations.getLast();
    if (g.isEmpty()) {
      g.created = rev;
    }
    g.revs.add(rev);
    g.ver++;
    modified = rev;
  }

  /** Starts a restored key whose oldest stored revision is {@code modified} (etcd's restore). */
  void restore(Revision created, Revision modified, long version) {
    Generation g = generations.getLast();
    if (!g.isEmpty()) {
      throw new IllegalStateException("restore into a live key " + key);
    }
    g.created = created;
    g.ver = version;
    g.revs.add(modified);
    this.modified = modified;
  }

  /** @return false if the key is not alive (nothing to delete) */
  boolean tombstone(Revision rev) {
    if (generations.getLast().isEmpty()) {
      return false;
    }
    put(rev);
    generations.add(new Generation());
    return true;
  }

  boolean isEmpty() {
    return generations.size() == 1 && generations.getFirst().isEmpty();
  }

  /** The key's state at main revision {@code atRev}, or null if it did not exist then. */
  Hit get(long atRev) {
    Generation g = findGeneration(atRev);
    if (g == null || g.isEmpty()) {
      return null;
    }
    int n = g.walk(r -> r.main() > atRev);
    if (n == -1) {
      return null;
    }
    return new Hit(g.revs.get(n), g.created, g.ver - (g.revs.size() - n - 1));
  }

  private Generation findGeneration(long rev) {
    int last = generations.size() - 1;
    for (int i = last; i >= 0; i--) {
      Generation g = generations.get(i);
      if (g.isEmpty()) {
        continue;
      }
      if (i != last && g.last().main() <= rev) {
        return null; // deleted at or before rev
      }
      if (g.revs.getFirst().main() <= rev) {
        return g;
      }
    }
    return null;
  }

  /** Drops revisions compaction at {@code atRev} removes; adds the ones it keeps to {@code available}. */
  void compact(long atRev, Set<Revision> available) {
    int[] found = doCompact(atRev, available);
    int genIdx = found[0];
    int revIndex = found[1];
    Generation g = generations.get(genIdx);
    if (!g.isEmpty()) {
      if (revIndex != -1) {
        g.revs.subList(0, revIndex).clear();
      }
      if (g.revs.size() == 1 && genIdx != generations.size() - 1) {
        available.remove(g.revs.getFirst()); // only a tombstone is left
        genIdx++;
      }
    }
    generations.subList(0, genIdx).clear();
  }

  /** Adds to {@code available} the revisions a compaction at {@code atRev} would keep. */
  void keep(long atRev, Set<Revision> available) {
    if (isEmpty()) {
      return;
    }
    int[] found = doCompact(atRev, available);
    Generation g = generations.get(found[0]);
    if (!g.isEmpty() && found[1] == g.revs.size() - 1 && found[0] != generations.size() - 1) {
      available.remove(g.revs.get(found[1]));
    }
  }

  private int[] doCompact(long atRev, Set<Revision> available) {
    int genIdx = 0;
    Generation g = generations.getFirst();
    while (genIdx < generations.size() - 1) {
      if (g.last().main() > atRev) {
        break;
      }
      genIdx++;
      g = generations.get(genIdx);
    }
    int revIndex =
        g.walk(
            r -> {
              if (r.main() <= atRev) {
                available.add(r);
                return false;
              }
              return true;
            });
    return new int[] {genIdx, revIndex};
  }
}
