package io.cairn.kv.snapshot.bbolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cairn.kv.snapshot.bbolt.BoltWriter.Elem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bbolt reader on small files written by {@link BoltWriter}: every tree shape, and bad trees. */
class BboltReaderTest {
  @TempDir Path tmp;

  /** Every bucket's elements, nested buckets as nested maps, in the order the walk returned them. */
  static Map<String, Object> dump(BucketReader reader, BoltBucket bucket, String fileName) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Page.LeafElement> elems = new ArrayList<>();
    reader.forEach(bucket, elems::add);
    for (Page.LeafElement e : elems) {
      out.put(new String(e.key()), e.bucket()
          ? dump(reader, BoltBucket.of(fileName, e.key(), e.value()), fileName)
          : new String(e.value()));
    }
    return out;
  }

  private Map<String, Object> read(byte[] file) throws IOException {
    Path p = Files.write(tmp.resolve("t.db"), file);
    try (BoltFile bolt = BoltFile.open(p, file.length)) {
      BucketReader reader = new BucketReader(bolt);
      return dump(reader, reader.root(), p.toString());
    }
  }

  /** A root with an inline bucket, a bucket with a branch over two leaves (one overflowing) and a nested bucket. */
  static byte[] sample(BoltWriter w) {
    int deepLeaf = w.leaf(List.of(Elem.kv("x", "1"), Elem.kv("y", "2")));
    int left = w.leaf(List.of(Elem.kv("a", "A"), Elem.bucket("nested", BoltWriter.bucket(deepLeaf))));
    int right = w.leaf(List.of(Elem.kv("p", "P".repeat(3000)), Elem.kv("q", "Q")));
    int branch = w.branch(List.of("a".getBytes(), "p".getBytes()), List.of((long) left, (long) right));
    byte[] small = BoltWriter.inline(List.of(Elem.kv("k", "v"), Elem.kv("k2", "")));
    int root = w.leaf(List.of(Elem.bucket("big", BoltWriter.bucket(branch)), Elem.bucket("small", small)));
    return w.build(root, 7);
  }

  @Test
  void readsNestedInlineOverflowAndBranchPages() throws IOException {
    Map<String, Object> all = read(sample(new BoltWriter(1024)));
    assertThat(all).containsOnlyKeys("big", "small");
    assertThat(all.get("small")).isEqualTo(Map.of("k", "v", "k2", ""));
    @SuppressWarnings("unchecked")
    Map<String, Object> big = (Map<String, Object>) all.get("big");
    assertThat(big.keySet()).containsExactly("a", "nested", "p", "q");
    assertThat(big.get("nested")).isEqualTo(Map.of("x", "1", "y", "2"));
    assertThat((String) big.get("p")).hasSize(3000);
  }

  @Test
  void usesTheValidMetaWithTheHigherTxid() throws IOException {
    BoltWriter w = new BoltWriter(1024);
    int oldRoot = w.leaf(List.of(Elem.bucket("old", BoltWriter.inline(List.of()))));
    int newRoot = w.leaf(List.of(Elem.bucket("new", BoltWriter.inline(List.of()))));
    byte[] file = w.build(newRoot, 5);
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    w.meta(b, 1, oldRoot, 9); // meta 1 is newer
    assertThat(read(file)).containsOnlyKeys("old");
    b.put(1024 + 20, (byte) 0x55); // damages meta 1's version: meta 0 is the only valid one
    assertThat(read(file)).containsOnlyKeys("new");
    b.put(20, (byte) 0x55); // and meta 0's: none is left
    assertThatThrownBy(() -> read(file)).isInstanceOf(IOException.class)
        .hasMessageContaining("is not a readable bbolt database: meta page 0 has format version")
        .hasMessageContaining("meta page 1 has");
  }

  @Test
  void aDamagedMetaChecksumIsNoticed() throws IOException {
    byte[] file = sample(new BoltWriter(1024));
    file[16 + 48] ^= 1; // meta 0's txid without a new checksum: meta 1 (same tree) is used
    assertThat(read(file)).containsOnlyKeys("big", "small");
    file[1024 + 16 + 48] ^= 1;
    assertThatThrownBy(() -> read(file)).hasMessageContaining("a checksum that does not match its contents");
  }

  @Test
  void aCycleIsAnErrorNotALoop() throws IOException {
    BoltWriter w = new BoltWriter(1024);
    int leaf = w.leaf(List.of(Elem.kv("a", "1")));
    int branch = w.branch(List.of("a".getBytes(), "b".getBytes()), List.of((long) leaf, 0L));
    w.page(branch).putLong(Page.HEADER_BYTES + Page.ELEMENT_BYTES + 8, branch); // second child: itself
    int root = w.leaf(List.of(Elem.bucket("b", BoltWriter.bucket(branch))));
    assertThatThrownBy(() -> read(w.build(root, 3))).isInstanceOf(IOException.class)
        .hasMessageContaining("refers to page " + branch).hasMessageContaining("already read");
  }

  @Test
  void pageIdsAndBoundsAreChecked() throws IOException {
    BoltWriter w = new BoltWriter(1024);
    int leaf = w.leaf(List.of(Elem.kv("a", "1")));
    int root = w.leaf(List.of(Elem.bucket("b", BoltWriter.bucket(leaf))));
    byte[] good = w.build(root, 3);

    byte[] wrongId = good.clone();
    ByteBuffer.wrap(wrongId).order(ByteOrder.LITTLE_ENDIAN).putLong(leaf * 1024, 99);
    assertThatThrownBy(() -> read(wrongId)).hasMessageContaining("page " + leaf).hasMessageContaining("says it is page 99");

    byte[] longValue = good.clone();
    ByteBuffer.wrap(longValue).order(ByteOrder.LITTLE_ENDIAN).putInt(leaf * 1024 + Page.HEADER_BYTES + 12, 5000);
    assertThatThrownBy(() -> read(longValue)).hasMessageContaining("element 0's value").hasMessageContaining("runs past");

    byte[] hugeOverflow = good.clone();
    ByteBuffer.wrap(hugeOverflow).order(ByteOrder.LITTLE_ENDIAN).putInt(leaf * 1024 + 12, -1);
    assertThatThrownBy(() -> read(hugeOverflow)).hasMessageContaining("overflow pages, running past");

    assertThatThrownBy(() -> read(Arrays.copyOf(good, good.length - 1024)))
        .hasMessageContaining("is truncated: its meta page says 4 pages of 1024 bytes are in use");

    byte[] freelistChild = good.clone();
    ByteBuffer.wrap(freelistChild).order(ByteOrder.LITTLE_ENDIAN).putShort(leaf * 1024 + 8, (short) Page.FREELIST);
    assertThatThrownBy(() -> read(freelistChild)).hasMessageContaining("is a freelist page");
  }

  @Test
  void foreignFilesAreRefused() throws IOException {
    assertThatThrownBy(() -> read(new byte[10])).hasMessageContaining("meta page 0 has no room in a file of 10 bytes");
    assertThatThrownBy(() -> read(new byte[8192])).hasMessageContaining("magic 0x0 instead of bbolt's 0xed0cdaed");
  }
}
