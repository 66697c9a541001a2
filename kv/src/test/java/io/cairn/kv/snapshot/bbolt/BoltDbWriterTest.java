package io.cairn.kv.snapshot.bbolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link BoltDbWriter}: what it writes reads back record for record, and the file passes the checks
 * bbolt's {@code tx.Check} makes (which {@code etcdctl snapshot status} runs): every page below the
 * high-water mark is in exactly one tree, each branch key is the first key below it, and leaf and
 * branch pages only. Small page sizes make deep trees and overflow pages from little data.
 */
class BoltDbWriterTest {
  @TempDir Path tmp;

  private record Rec(byte[] key, byte[] value) {}

  private static byte[] revision(long main) {
    byte[] k = new byte[17];
    for (int i = 0; i < 8; i++) {
      k[i] = (byte) (main >>> (56 - 8 * i));
    }
    k[8] = '_';
    return k;
  }

  private Map<String, List<Rec>> sample(int records, int maxValue, long seed) {
    Random r = new Random(seed);
    Map<String, List<Rec>> buckets = new LinkedHashMap<>();
    buckets.put("alarm", List.of());
    buckets.put("auth", List.of(new Rec("authEnabled".getBytes(), new byte[] {1})));
    List<Rec> keys = new ArrayList<>();
    for (int i = 1; i <= records; i++) {
      byte[] v = new byte[i % 97 == 0 ? maxValue * 8 : r.nextInt(maxValue)];
      r.nextBytes(v);
      keys.add(new Rec(revision(i), v));
    }
    buckets.put("key", keys);
    buckets.put("meta", List.of(new Rec("consistent_index".getBytes(), new byte[8])));
    return buckets;
  }

  private long write(Path file, int pageSize, Map<String, List<Rec>> buckets) throws IOException {
    try (BoltDbWriter w = BoltDbWriter.create(file, pageSize)) {
      for (var b : buckets.entrySet()) {
        w.bucket(b.getKey().getBytes());
        for (Rec rec : b.getValue()) {
          w.put(rec.key(), rec.value());
        }
      }
      return w.finish(7);
    }
  }

  private static Map<String, List<Rec>> read(Path file) throws IOException {
    Map<String, List<Rec>> out = new LinkedHashMap<>();
    try (BoltFile bolt = BoltFile.open(file, Files.size(file))) {
      BucketReader reader = new BucketReader(bolt);
      List<Page.LeafElement> top = new ArrayList<>();
      reader.forEach(reader.root(), e -> top.add(e));
      for (Page.LeafElement e : top) {
        assertThat(e.bucket()).as("top-level record %s is a bucket", new String(e.key())).isTrue();
        List<Rec> recs = new ArrayList<>();
        reader.forEach(BoltBucket.of(bolt.name(), e.key(), e.value()), x -> recs.add(new Rec(x.key(), x.value())));
        out.put(new String(e.key()), recs);
      }
    }
    return out;
  }

  /** bbolt's {@code tx.Check}, as far as the file's structure goes; returns the depth of the deepest tree. */
  private static int check(Path file) throws IOException {
    try (BoltFile bolt = BoltFile.open(file, Files.size(file))) {
      MetaPage meta = bolt.meta();
      assertThat(meta.freelist()).as("no stored freelist").isEqualTo(-1L);
      assertThat(meta.txid()).isEqualTo(7);
      assertThat(Files.size(file)).isEqualTo(meta.pgid() * meta.pageSize());
      Set<Long> reached = new HashSet<>(Set.of(0L, 1L));
      int depth = 0;
      List<Long> roots = new ArrayList<>(List.of(meta.root()));
      Page top = bolt.page(meta.root(), "root");
      depth = Math.max(depth, walk(bolt, top, reached, null, 1));
      for (int i = 0; i < top.count(); i++) {
        Page.LeafElement e = top.leaf(i);
        BoltBucket b = BoltBucket.of(bolt.name(), e.key(), e.value());
        assertThat(b.root()).as("bucket %s has its own pages", b.name()).isPositive();
        roots.add(b.root());
        depth = Math.max(depth, walk(bolt, bolt.page(b.root(), b.name()), reached, null, 1));
      }
      Set<Long> all = new HashSet<>();
      for (long id = 0; id < meta.pgid(); id++) {
        all.add(id);
      }
      assertThat(reached).as("every page below the high-water mark is in a tree").isEqualTo(all);
      return depth;
    }
  }

  private static int walk(BoltFile bolt, Page page, Set<Long> reached, byte[] firstKey, int depth) throws IOException {
    for (long i = 0; i <= page.overflow(); i++) {
      assertThat(reached.add(page.id() + i)).as("page %d referenced once", page.id() + i).isTrue();
    }
    assertThat(page.isLeaf() || page.isBranch()).as("page %d is a leaf or a branch", page.id()).isTrue();
    if (page.isLeaf()) {
      if (firstKey != null && page.count() > 0) {
        assertThat(page.leaf(0).key()).as("branch key of page %d", page.id()).isEqualTo(firstKey);
      }
      return depth;
    }
    assertThat(page.count()).as("branch page %d has at least two children", page.id()).isGreaterThanOrEqualTo(2);
    int deepest = depth;
    for (int i = 0; i < page.count(); i++) {
      Page.BranchElement e = page.branch(i);
      if (i > 0) {
        assertThat(Arrays.compareUnsigned(page.branch(i - 1).key(), e.key())).isNegative();
      }
      Page child = bolt.page(e.child(), "child");
      if (child.isBranch()) {
        assertThat(child.branch(0).key()).isEqualTo(e.key());
      }
      deepest = Math.max(deepest, walk(bolt, child, reached, e.key(), depth + 1));
    }
    return deepest;
  }

  private static void assertSame(Map<String, List<Rec>> actual, Map<String, List<Rec>> expected) {
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    for (String b : expected.keySet()) {
      List<Rec> a = actual.get(b);
      List<Rec> e = expected.get(b);
      assertThat(a).as("bucket %s", b).hasSameSizeAs(e);
      for (int i = 0; i < e.size(); i++) {
        assertThat(a.get(i).key()).as("bucket %s key %d", b, i).isEqualTo(e.get(i).key());
        assertThat(a.get(i).value()).as("bucket %s value %d", b, i).isEqualTo(e.get(i).value());
      }
    }
  }

  @Test
  void recordsReadBackInOrderAtEtcdsPageSize() throws IOException {
    Map<String, List<Rec>> sample = sample(20_000, 300, 1);
    Path file = tmp.resolve("a.db");
    long length = write(file, BoltDbWriter.PAGE_SIZE, sample);
    assertThat(length).isEqualTo(Files.size(file));
    assertSame(read(file), sample);
    assertThat(check(file)).as("tree depth").isGreaterThanOrEqualTo(3);
  }

  @Test
  void smallPagesMakeDeepTreesAndOverflowPages() throws IOException {
    Map<String, List<Rec>> sample = sample(5_000, 200, 2);
    Path file = tmp.resolve("b.db");
    write(file, 512, sample);
    assertSame(read(file), sample);
    assertThat(check(file)).as("tree depth").isGreaterThanOrEqualTo(4);
  }

  @Test
  void keysOfBboltsMaximumSizeMakeOverflowingBranchPages() throws IOException {
    Map<String, List<Rec>> sample = new LinkedHashMap<>();
    List<Rec> big = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] k = new byte[BoltDbWriter.MAX_KEY_BYTES];
      Arrays.fill(k, (byte) ('a' + i));
      big.add(new Rec(k, new byte[] {(byte) i}));
    }
    sample.put("big", big);
    sample.put("empty", List.of());
    Path file = tmp.resolve("c.db");
    write(file, 512, sample);
    assertSame(read(file), sample);
    check(file);
  }

  @Test
  void anEmptyDatabaseHasTheRootBucketOnly() throws IOException {
    Path file = tmp.resolve("d.db");
    assertThat(write(file, 4096, Map.of())).isEqualTo(3 * 4096);
    assertThat(read(file)).isEmpty();
    check(file);
  }

  @Test
  void outOfOrderNamesAndKeysAreRefused() throws IOException {
    try (BoltDbWriter w = BoltDbWriter.create(tmp.resolve("e.db"))) {
      w.bucket("b".getBytes());
      assertThatThrownBy(() -> w.bucket("a".getBytes())).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bucket 'a' follows 'b' (expected ascending, unique names)");
      w.put("k2".getBytes(), new byte[0]);
      assertThatThrownBy(() -> w.put("k1".getBytes(), new byte[0])).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("key 'k1' follows 'k2' (expected ascending, unique keys)");
      assertThatThrownBy(() -> w.put("k2".getBytes(), new byte[0])).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> w.put(new byte[0], new byte[0])).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a key of 0 bytes (expected 1 to 32768)");
    }
  }
}
