package io.cairn.kv.snapshot.bbolt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.cairn.kv.store.EtcdError;
import io.cairn.kv.store.EtcdException;
import io.cairn.kv.store.KvStore;
import io.cairn.kv.store.StoreImport;
import io.cairn.kv.store.backend.MemBackend;
import io.etcd.jetcd.api.Event;
import io.etcd.jetcd.api.KeyValue;
import io.etcd.jetcd.api.RangeRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot the real etcd 3.4.23 wrote ({@code scripts/etcd-snapshot-fixture} says how and what it
 * holds), read page by page and imported: keys, revisions, versions, history, compaction, leases and
 * HashKV as etcd answered them before the save.
 */
class BboltGoldenTest {
  static final String DB = "etcd-3.4.23.db";

  @TempDir Path tmp;
  Path file;
  String facts;

  static byte[] golden() throws IOException {
    try (InputStream in = BboltGoldenTest.class.getResourceAsStream(DB)) {
      assertThat(in).as("test resource %s (run scripts/etcd-snapshot-fixture)", DB).isNotNull();
      return in.readAllBytes();
    }
  }

  @BeforeEach
  void copyFixture() throws IOException {
    file = Files.write(tmp.resolve(DB), golden());
    try (InputStream in = getClass().getResourceAsStream("etcd-3.4.23.txt")) {
      facts = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String fact(String regex) {
    Matcher m = Pattern.compile(regex).matcher(facts);
    assertThat(m.find()).as("%s in etcd-3.4.23.txt", regex).isTrue();
    return m.group(1);
  }

  static KvStore load(Path file, boolean skipHashCheck) throws IOException {
    StoreImport target = StoreImport.into(new MemBackend());
    EtcdSnapshot.importInto(file, skipHashCheck, target);
    return target.finish(0);
  }

  private static KeyValue get(KvStore store, String key, long rev) throws EtcdException {
    List<KeyValue> kvs = store.range(RangeRequest.newBuilder().setKey(ByteString.copyFromUtf8(key)).setRevision(rev).build())
        .getKvsList();
    return kvs.isEmpty() ? null : kvs.getFirst();
  }

  @Test
  void theMetaPagesAreEtcdsSnapshotMetas() throws IOException {
    assertThat(EtcdSnapshot.isBbolt(file)).isTrue();
    try (BoltFile bolt = BoltFile.open(file, Files.size(file) - 32)) {
      assertThat(bolt.meta().pageSize()).isEqualTo(4096);
      assertThat(bolt.meta().pgid()).isEqualTo((Files.size(file) - 32) / 4096);
      assertThat(bolt.meta().freelist()).isEqualTo(-1L); // a snapshot stores no freelist
      BucketReader reader = new BucketReader(bolt);
      assertThat(BboltReaderTest.dump(reader, reader.root(), file.toString()))
          .containsKeys("key", "meta", "lease", "alarm", "members", "members_removed", "auth", "authUsers", "authRoles",
              "cluster");
    }
  }

  @Test
  void importsKeysRevisionsVersionsAndCompaction() throws Exception {
    try (KvStore store = load(file, false)) {
      assertThat(store.revision()).isEqualTo(13);
      assertThat(store.compactRevision()).isEqualTo(6);
      var all = store.range(RangeRequest.newBuilder().setKey(ByteString.copyFrom(new byte[] {0}))
          .setRangeEnd(ByteString.copyFrom(new byte[] {0})).build());
      assertThat(all.getCount()).isEqualTo(304);
      KeyValue foo = get(store, "foo", 0);
      assertThat(foo.getValue().toStringUtf8()).isEqualTo("bar4");
      assertThat(List.of(foo.getCreateRevision(), foo.getModRevision(), foo.getVersion())).containsExactly(2L, 12L, 4L);
      KeyValue old = get(store, "foo", 6);
      assertThat(old.getValue().toStringUtf8()).isEqualTo("bar3");
      assertThat(old.getVersion()).isEqualTo(3);
      assertThat(get(store, "gone", 6)).isNull();
      assertThat(get(store, "big", 0).getValue().toStringUtf8()).isEqualTo("b".repeat(10000));
      KeyValue many = get(store, "many/150", 0);
      assertThat(List.of(many.getCreateRevision(), many.getModRevision(), many.getVersion())).containsExactly(10L, 10L, 1L);
      assertThatThrownBy(() -> get(store, "foo", 5))
          .isInstanceOfSatisfying(EtcdException.class, e -> assertThat(e.error()).isEqualTo(EtcdError.COMPACTED));
      List<Event> events = store.events(6, ByteString.copyFromUtf8("foo"), ByteString.EMPTY, true, 10);
      assertThat(events).extracting(e -> e.getKv().getModRevision()).containsExactly(6L, 12L);
      assertThat(events.get(1).getPrevKv().getValue().toStringUtf8()).isEqualTo("bar3");
    }
  }

  @Test
  void importsLeasesWithTheirTtlAndKeys() throws IOException {
    long leased = Long.parseUnsignedLong(fact("lease ([0-9a-f]+) is attached to 'leased'"), 16);
    try (KvStore store = load(file, false)) {
      assertThat(store.leases()).hasSize(2);
      KvStore.LeaseInfo l = store.lease(leased).orElseThrow();
      assertThat(l.grantedTtlSeconds()).isEqualTo(600);
      assertThat(l.keys()).containsExactly(ByteString.copyFromUtf8("leased"));
      assertThat(store.leases()).extracting(KvStore.LeaseInfo::grantedTtlSeconds).containsExactlyInAnyOrder(600L, 3600L);
      assertThat(store.alarms()).isEmpty();
    }
  }

  @Test
  void hashKvIsEtcds() throws Exception {
    try (KvStore store = load(file, false)) {
      for (long rev : new long[] {13, 10}) {
        long etcd = Long.parseLong(fact("hashkv@" + rev + " (\\d+)"));
        assertThat(store.hashKv(rev).hash() & 0xffffffffL).as("HashKV at %d", rev).isEqualTo(etcd);
      }
    }
  }

  @Test
  void theHashTrailerIsCheckedLikeEtcdctlDoes() throws IOException {
    byte[] bytes = golden();
    bytes[5 * 4096 + 100] ^= 1;
    Path damaged = Files.write(tmp.resolve("damaged.db"), bytes);
    assertThatThrownBy(() -> load(damaged, false)).isInstanceOf(IOException.class)
        .hasMessage(damaged + " is damaged: its SHA-256 checksum does not match its contents (trailer "
            + java.util.HexFormat.of().formatHex(bytes, bytes.length - 32, bytes.length) + ", contents "
            + sha256Hex(bytes, bytes.length - 32) + ")");

    Path copied = Files.write(tmp.resolve("copied.db"), java.util.Arrays.copyOf(golden(), bytes.length - 32));
    assertThatThrownBy(() -> load(copied, false)).hasMessageContaining("has no SHA-256 trailer")
        .hasMessageContaining("add --skip-hash-check");
    try (KvStore store = load(copied, true)) {
      assertThat(store.revision()).isEqualTo(13);
    }
  }

  private static String sha256Hex(byte[] b, int n) {
    try {
      var sha = java.security.MessageDigest.getInstance("SHA-256");
      sha.update(b, 0, n);
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
