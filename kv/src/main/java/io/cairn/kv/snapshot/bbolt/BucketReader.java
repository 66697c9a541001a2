package io.cairn.kv.snapshot.bbolt;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * Walks the B+trees of a {@link BoltFile}'s buckets in key order. A walk reads each page at most once:
 * it remembers every page id it covered (overflow pages included), so a page referred to twice, a
 * cycle or overlapping pages end it with an {@link IOException}, and the tree may be at most {@value
 * #MAX_DEPTH} levels deep. Reading a bucket never reads more than the file.
 */
final class BucketReader {
  static final int MAX_DEPTH = 64;

  /** Receives leaf elements in key order. */
  @FunctionalInterface
  interface Visitor {
    /** @return false to stop the walk */
    boolean visit(Page.LeafElement element) throws IOException;
  }

  private final BoltFile file;

  BucketReader(BoltFile file) {
    this.file = file;
  }

  /** The root bucket, whose elements are the top-level buckets. */
  BoltBucket root() {
    return new BoltBucket("the root bucket", file.meta().root(), null);
  }

  /** The nested bucket {@code name} of {@code parent}, if it has one. */
  Optional<BoltBucket> child(BoltBucket parent, byte[] name) throws IOException {
    BoltBucket[] found = {null};
    forEach(parent, e -> {
      if (!Arrays.equals(e.key(), name)) {
        return true;
      }
      if (!e.bucket()) {
        throw new IOException(file.name() + ": " + parent.name() + " holds " + BoltBucket.describe(name)
            + " as a plain key, not as a bucket");
      }
      found[0] = BoltBucket.of(file.name(), e.key(), e.value());
      return false;
    });
    return Optional.ofNullable(found[0]);
  }

  /** Visits the leaf elements of {@code bucket} (not of its nested buckets) in key order. */
  void forEach(BoltBucket bucket, Visitor visitor) throws IOException {
    if (bucket.inline() != null) {
      walk(bucket, bucket.inline(), 0, new BitSet(), visitor);
      return;
    }
    BitSet covered = new BitSet();
    Page root = cover(bucket.root(), bucket.name(), covered);
    walk(bucket, root, 0, covered, visitor);
  }

  /** Reads a page after checking that the walk has not covered it yet; marks its pages covered. */
  private Page cover(long pgid, String from, BitSet covered) throws IOException {
    Page page = file.page(pgid, from);
    int first = (int) pgid;
    int end = (int) (pgid + page.overflow() + 1); // within the pages in use, checked by BoltFile.page
    int seen = covered.nextSetBit(first);
    if (seen >= 0 && seen < end) {
      throw new IOException(file.name() + ": " + from + " refers to page " + pgid + ", whose pages " + first + " to "
          + (end - 1) + " overlap page " + seen + ", already read (a cycle or a damaged tree)");
    }
    covered.set(first, end);
    return page;
  }

  private boolean walk(BoltBucket bucket, Page page, int depth, BitSet covered, Visitor visitor) throws IOException {
    if (page.isLeaf()) {
      for (int i = 0; i < page.count(); i++) {
        if (!visitor.visit(page.leaf(i))) {
          return false;
        }
      }
      return true;
    }
    if (!page.isBranch() || page.count() == 0) {
      throw new IOException(page.name() + " in the tree of " + bucket.name() + " is " + page.kind() + " with "
          + page.count() + " elements, expected a branch page with elements or a leaf page");
    }
    if (depth + 1 >= MAX_DEPTH) {
      throw new IOException(page.name() + ": the tree of " + bucket.name() + " is deeper than " + MAX_DEPTH
          + " levels (a damaged tree)");
    }
    for (int i = 0; i < page.count(); i++) {
      long child = page.branch(i).child();
      Page next = cover(child, "page " + page.id() + " element " + i, covered);
      if (!walk(bucket, next, depth + 1, covered, visitor)) {
        return false;
      }
    }
    return true;
  }
}
