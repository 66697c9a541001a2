package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing peer fails the test with what to do about it; it is never skipped. */
class PeersTest {
  @TempDir Path dir;

  @Test
  void aMissingPeerFailsNamingItsPackageAndCairnTest() {
    assertThatThrownBy(() -> Peers.find("etcd", "etcd-server", dir.toString()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("etcd is not installed (Debian package etcd-server)")
        .hasMessageContaining("run ./cairn test");
  }

  @Test
  void anExecutableOnThePathIsFound() throws IOException {
    Path etcdctl = Files.createFile(dir.resolve("etcdctl"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(Peers.find("etcdctl", "etcd-client", "/nonexistent:" + dir)).isEqualTo(etcdctl);
  }

  @Test
  void theListOfPeersNamesEtcdAndEtcdctl() throws IOException {
    String peers = Files.readString(Peers.repoRoot().resolve("scripts/peers.txt"));
    assertThat(peers.lines().map(l -> l.strip().replaceAll("\\s+", " ")))
        .contains("etcd etcd-server", "etcdctl etcd-client");
  }
}
