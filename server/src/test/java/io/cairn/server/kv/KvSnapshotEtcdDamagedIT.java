package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.server.CairnProcessAccess;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged etcd snapshot is refused by {@code cairn kv snapshot restore} with one line on standard
 * error and exit code 1, and the data directory it would have made is not left behind. The damage is
 * done to the snapshot the real etcd 3.4.23 wrote for the kv module's unit tests.
 */
class KvSnapshotEtcdDamagedIT {
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path tmp;

  /** {@code scripts/etcd-snapshot-fixture} made it. */
  private static byte[] goldenSnapshot() throws Exception {
    return Files.readAllBytes(Peers.repoRoot().resolve("kv/src/test/resources/io/cairn/kv/snapshot/bbolt/etcd-3.4.23.db"));
  }

  private List<String> refused(byte[] file, String... flags) throws Exception {
    Path damaged = Files.write(tmp.resolve("damaged.db"), file);
    Path dataDir = tmp.resolve("refused");
    List<String> args = new ArrayList<>(List.of("kv", "snapshot", "restore", damaged.toString(), "--data-dir",
        dataDir.toString()));
    args.addAll(List.of(flags));
    try (CairnProcessAccess restore = CairnProcessAccess.start(args.toArray(String[]::new))) {
      assertThat(restore.awaitExit(LIMIT)).as("%s", restore).isEqualTo(1);
      assertThat(restore.err()).noneMatch(l -> l.startsWith("\tat "));
      assertThat(dataDir).as("what the failed restore created is removed").doesNotExist();
      return restore.err().stream().filter(l -> l.startsWith("cairn:")).toList();
    }
  }

  @Test
  void aDamagedEtcdSnapshotIsRefusedInOneLine() throws Exception {
    byte[] golden = goldenSnapshot();
    byte[] flipped = golden.clone();
    flipped[golden.length / 2] ^= 0x40;
    assertThat(refused(flipped)).singleElement().asString().contains("is damaged: its SHA-256 checksum does not match");

    byte[] noTrailer = Arrays.copyOf(golden, golden.length - 32);
    assertThat(refused(noTrailer)).singleElement().asString()
        .contains("has no SHA-256 trailer").contains("--skip-hash-check");

    byte[] badPage = noTrailer.clone();
    int root = (int) ByteBuffer.wrap(golden).order(ByteOrder.LITTLE_ENDIAN).getLong(32); // meta 0's root bucket page
    badPage[root * 4096] = 1; // the root page's id
    assertThat(refused(badPage, "--skip-hash-check")).singleElement().asString()
        .contains("page " + root + " (referred to by the root bucket) says it is page 1");
  }
}
