package io.cairn.kv.store.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

@ParameterizedClass
@ValueSource(strings = {"mem", "rocks"})
class BackendContractTest {
  private final String kind;
  @TempDir Path tmp;
  private Backend backend;

  BackendContractTest(String kind) {
    this.kind = kind;
  }

  private Backend backend() throws IOException {
    if (backend == null) {
      backend = kind.equals("mem") ? new MemBackend() : RocksBackend.open(tmp.resolve("db"));
    }
    return backend;
  }

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String s(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  private List<String> scan(Bucket bucket, String from, String to, int max) throws IOException {
    List<String> out = new ArrayList<>();
    backend().scan(bucket, from == null ? null : b(from), to == null ? null : b(to), (k, v) -> {
      out.add(s(k) + "=" + s(v));
      return out.size() < max;
    });
    return out;
  }

  @Test
  void getPutDeleteAndEmptyValues() throws IOException {
    Backend be = backend();
    assertThat(be.get(Bucket.META, b("x"))).isNull();
    be.commit(new WriteBatch().put(Bucket.META, b("x"), b("1")).put(Bucket.ALARM, b("x"), new byte[0]));
    assertThat(be.get(Bucket.META, b("x"))).isEqualTo(b("1"));
    assertThat(be.get(Bucket.ALARM, b("x"))).isEmpty();
    assertThat(be.get(Bucket.KEY, b("x"))).isNull();
    be.commit(new WriteBatch().delete(Bucket.META, b("x")).put(Bucket.META, b("y"), b("2")));
    assertThat(be.get(Bucket.META, b("x"))).isNull();
    assertThat(be.get(Bucket.META, b("y"))).isEqualTo(b("2"));
    be.commit(new WriteBatch());
  }

  @Test
  void scansInUnsignedOrderWithinBoundsAndStopEarly() throws IOException {
    WriteBatch batch = new WriteBatch();
    for (String k : List.of("\u00ff", "a", "\u0001", "b", "ab", "c")) {
      batch.put(Bucket.KEY, b(k), b("v"));
    }
    backend().commit(batch.put(Bucket.LEASE, b("a"), b("other bucket")));
    assertThat(scan(Bucket.KEY, null, null, 100)).containsExactly("\u0001=v", "a=v", "ab=v", "b=v", "c=v", "\u00ff=v");
    assertThat(scan(Bucket.KEY, "a", "b", 100)).containsExactly("a=v", "ab=v");
    assertThat(scan(Bucket.KEY, "aa", null, 2)).containsExactly("ab=v", "b=v");
    assertThat(scan(Bucket.KEY, "", "\u0002", 100)).containsExactly("\u0001=v");
    assertThat(scan(Bucket.KEY, "d", "e", 100)).isEmpty();
    assertThat(scan(Bucket.LEASE, null, null, 100)).containsExactly("a=other bucket");
  }

  @Test
  void sizesTrackLiveDataAndDefragmentReclaims() throws IOException {
    Backend be = backend();
    WriteBatch batch = new WriteBatch();
    long logical = 0;
    for (int i = 0; i < 200; i++) {
      batch.put(Bucket.KEY, b("key-" + i), new byte[100]);
      logical += ("key-" + i).length() + 100;
    }
    be.commit(batch);
    assertThat(be.sizeBytes()).isPositive();
    assertThat(be.sizeInUseBytes()).isBetween(0L, be.sizeBytes());
    if (be instanceof MemBackend) {
      assertThat(be.sizeInUseBytes()).isEqualTo(logical);
      assertThat(be.sizeBytes()).isEqualTo(logical);
    }
    WriteBatch deletes = new WriteBatch();
    for (int i = 0; i < 200; i++) {
      deletes.delete(Bucket.KEY, b("key-" + i));
    }
    be.commit(deletes);
    if (be instanceof MemBackend) {
      assertThat(be.sizeInUseBytes()).isZero();
      assertThat(be.sizeBytes()).isEqualTo(logical); // like bbolt, the file does not shrink by itself
    }
    be.defragment();
    assertThat(be.sizeInUseBytes()).isBetween(0L, be.sizeBytes());
    if (be instanceof MemBackend) {
      assertThat(be.sizeBytes()).isZero();
    }
  }

  @Test
  void checkpointsOpenAsRocksDbAndLoadIntoMemory() throws IOException {
    backend().commit(new WriteBatch().put(Bucket.KEY, b("k"), b("v")).put(Bucket.META, b("m"), new byte[0]));
    Path cp = tmp.resolve("cp");
    backend().checkpoint(cp);
    backend().commit(new WriteBatch().put(Bucket.KEY, b("later"), b("x")));
    try (RocksBackend opened = RocksBackend.open(cp)) {
      assertThat(opened.get(Bucket.KEY, b("k"))).isEqualTo(b("v"));
      assertThat(opened.get(Bucket.META, b("m"))).isEmpty();
      assertThat(opened.get(Bucket.KEY, b("later"))).isNull();
    }
    try (MemBackend loaded = MemBackend.load(cp)) {
      assertThat(loaded.get(Bucket.KEY, b("k"))).isEqualTo(b("v"));
    }
    assertThatThrownBy(() -> backend().checkpoint(cp)).isInstanceOf(IOException.class);
  }

  @Test
  void closedBackendsRefuseCalls() throws IOException {
    Backend be = backend();
    be.close();
    be.close(); // idempotent
    assertThatThrownBy(() -> be.get(Bucket.KEY, b("k"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> be.commit(new WriteBatch().put(Bucket.KEY, b("k"), b("v"))))
        .isInstanceOf(IllegalStateException.class);
  }
}
