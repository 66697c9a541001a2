package io.cairn.kv.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotArchiveTest {
  @TempDir Path tmp;

  private Path checkpoint() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("cp"));
    Files.write(dir.resolve("000012.sst"), new byte[5000]);
    byte[] random = new byte[70_000];
    new Random(7).nextBytes(random);
    Files.write(dir.resolve("MANIFEST-000005"), random);
    Files.writeString(dir.resolve("CURRENT"), "MANIFEST-000005\n");
    Files.write(dir.resolve("empty"), new byte[0]);
    return dir;
  }

  @Test
  void roundTripsAndHasTheLengthEtcdctlChecks() throws IOException {
    Path dir = checkpoint();
    byte[] bytes = SnapshotArchive.toBytes(dir);
    assertThat(bytes.length).isEqualTo(SnapshotArchive.size(dir));
    assertThat(bytes.length % 512).isEqualTo(32); // etcdctl's hasChecksum
    Path file = Files.write(tmp.resolve("snap.db"), bytes);
    Path out = tmp.resolve("restored");
    SnapshotArchive.extract(file, out);
    for (String name : new String[] {"000012.sst", "MANIFEST-000005", "CURRENT", "empty"}) {
      assertThat(Files.readAllBytes(out.resolve(name))).isEqualTo(Files.readAllBytes(dir.resolve(name)));
    }
  }

  @Test
  void gnuTarReadsTheArchive() throws Exception {
    Path dir = checkpoint();
    byte[] bytes = SnapshotArchive.toBytes(dir);
    Path tar = Files.write(tmp.resolve("a.tar"), java.util.Arrays.copyOf(bytes, bytes.length - 32));
    Process p = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(listing).isZero();
    assertThat(listing.lines()).containsExactly("000012.sst", "CURRENT", "MANIFEST-000005", "empty");
  }

  @Test
  void damagedOrForeignFilesAreRefused() throws IOException {
    byte[] bytes = SnapshotArchive.toBytes(checkpoint());
    bytes[600] ^= 1;
    Path damaged = Files.write(tmp.resolve("damaged.db"), bytes);
    assertThatThrownBy(() -> SnapshotArchive.extract(damaged, tmp.resolve("x")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checksum does not match");
    Path foreign = Files.write(tmp.resolve("bolt.db"), new byte[4096 + 32]);
    assertThatThrownBy(() -> SnapshotArchive.extract(foreign, tmp.resolve("y")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("checksum does not match");
    Path odd = Files.write(tmp.resolve("odd.db"), new byte[1000]);
    assertThatThrownBy(() -> SnapshotArchive.extract(odd, tmp.resolve("z")))
        .hasMessageContaining("not a cairn snapshot");
  }
}
