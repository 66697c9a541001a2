package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.server.CairnProcessAccess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's snapshot path end to end: a snapshot taken from cairn with the real {@code etcdctl
 * snapshot save} restores with {@code cairn kv snapshot restore} (etcdctl's flags) into a new
 * cluster that serves the same keys and revision under a new member and cluster ID, and accepts
 * writes. A damaged file is refused with a one-line error.
 */
class KvSnapshotRestoreIT {
  private static final Duration READY = Duration.ofSeconds(90);

  @TempDir Path tmp;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** {@code cairn kv} with one member named {@code name} on fresh ports; returns its client URL. */
  private record Member(CairnProcessAccess process, String clientUrl) implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }

  private Member start(String name, Path dataDir, int peerPort) throws Exception {
    int client = freePort();
    String clientUrl = "http://127.0.0.1:" + client;
    String peerUrl = "http://127.0.0.1:" + peerPort;
    CairnProcessAccess p =
        CairnProcessAccess.start(
            "kv", "--name", name, "--data-dir", dataDir.toString(),
            "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
            "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
            "--initial-cluster", name + "=" + peerUrl, "--admin-address", "127.0.0.1:0");
    Etcdctl etcdctl = new Etcdctl(clientUrl, tmp);
    long deadline = System.nanoTime() + READY.toNanos();
    while (!etcdctl.run("endpoint", "health").ok()) {
      assertThat(System.nanoTime()).as("cairn kv %s healthy within %s; %s", name, READY, p).isLessThan(deadline);
      assertThat(p.alive()).as("cairn kv %s still running; %s", name, p).isTrue();
      Thread.sleep(200);
    }
    return new Member(p, clientUrl);
  }

  @Test
  void aSnapshotSavedWithEtcdctlRestoresIntoANewCluster() throws Exception {
    Path snapshot = tmp.resolve("snap.db");
    String oldMember;
    try (Member a = start("a", tmp.resolve("a"), freePort())) {
      Etcdctl etcdctl = new Etcdctl(a.clientUrl(), tmp);
      for (String[] kv : List.of(new String[] {"k1", "v1"}, new String[] {"k2", "v2"}, new String[] {"k1", "v1b"})) {
        assertThat(etcdctl.run("put", kv[0], kv[1]).stdout()).containsExactly("OK");
      }
      oldMember = etcdctl.run("member", "list").stdout().getFirst().split(",")[0];
      EtcdctlResult saved = etcdctl.run("snapshot", "save", snapshot.toString());
      assertThat(saved.stdout()).as("%s", saved).containsExactly("Snapshot saved at " + snapshot);
    }

    int peer = freePort();
    CairnProcessAccess restore =
        CairnProcessAccess.start(
            "kv", "snapshot", "restore", snapshot.toString(), "--name", "r1", "--data-dir", tmp.resolve("b").toString(),
            "--initial-cluster", "r1=http://127.0.0.1:" + peer,
            "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer);
    assertThat(restore.awaitExit(READY)).as("%s", restore).isZero();
    assertThat(restore.out()).anySatisfy(l -> assertThat(l).contains("at revision 4"));

    try (Member b = start("r1", tmp.resolve("b"), peer)) {
      Etcdctl etcdctl = new Etcdctl(b.clientUrl(), tmp);
      assertThat(etcdctl.run("get", "k", "--prefix").stdout()).containsExactly("k1", "v1b", "k2", "v2");
      assertThat(etcdctl.run("get", "k1", "-w", "json").stdout().getFirst()).contains("\"revision\":4");
      assertThat(etcdctl.run("member", "list").stdout()).singleElement().asString()
          .contains("started, r1").doesNotStartWith(oldMember);
      assertThat(etcdctl.run("put", "k3", "v3").stdout()).containsExactly("OK");
      assertThat(etcdctl.run("get", "k3", "-w", "json").stdout().getFirst()).contains("\"revision\":5");
    }
  }

  @Test
  void aDamagedSnapshotIsRefusedInOneLine() throws Exception {
    Path damaged = Files.write(tmp.resolve("bad.db"), new byte[4096 + 32]);
    CairnProcessAccess restore =
        CairnProcessAccess.start(
            "kv", "snapshot", "restore", damaged.toString(), "--data-dir", tmp.resolve("c").toString());
    assertThat(restore.awaitExit(READY)).isEqualTo(1);
    assertThat(restore.err()).filteredOn(l -> l.startsWith("cairn:")).singleElement().asString()
        .contains("checksum does not match");
    assertThat(restore.err()).noneMatch(l -> l.startsWith("\tat "));
  }
}
