package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import static io.cairn.server.kv.SnapshotHistory.ask;
import static io.cairn.server.kv.SnapshotHistory.put;
import static io.cairn.server.kv.SnapshotHistory.watchFromOldRevision;
import static io.cairn.server.kv.SnapshotHistory.writeHistory;

import io.cairn.server.CairnProcessAccess;
import io.cairn.server.kv.SnapshotHistory.Answers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrating from etcd: a snapshot of the REAL etcd 3.4 ({@code etcdctl snapshot save}, a bbolt file)
 * restores with {@code cairn kv snapshot restore}, and cairn then answers etcdctl as that etcd did:
 * keys, values, create/mod revisions, versions and the header revision, reads at old revisions, the
 * compaction (a read below it fails as in etcd), watch history from an old revision, HashKV, the
 * lease with its TTL and key, and the users and roles. Fails, never skips, without etcd. {@link KvSnapshotEtcdDamagedIT} has
 * the damaged files.
 */
class KvSnapshotEtcdImportIT {
  private static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path tmp;

  @Test
  void anEtcdSnapshotRestoresWithItsHistoryCompactionAndLeases() throws Exception {
    Path snapshot = tmp.resolve("etcd.db");
    long lease;
    Answers etcdAnswers;
    List<String> etcdWatch;
    try (KvTarget etcd = TargetPool.fresh(TargetKind.ETCD, ServerOptions.DEFAULTS)) {
      Etcdctl etcdctl = etcd.etcdctl();
      lease = writeHistory(etcdctl);
      etcdAnswers = ask(etcdctl, lease);
      etcdWatch = watchFromOldRevision(etcdctl);
      EtcdctlResult saved = etcdctl.run("snapshot", "save", snapshot.toString());
      assertThat(saved.stdout()).as("%s", saved).containsExactly("Snapshot saved at " + snapshot);
    }
    Map<String, String> facts = etcdAnswers.byQuestion(); // what the comparison below is about
    assertThat(facts.get("get  --prefix -w json")).contains("\"revision\":10")
        .contains("{\"key\":\"Zm9v\",\"create_revision\":2,\"mod_revision\":9,\"version\":4,\"value\":\"YmFyNA==\"}")
        .contains("\"lease\":" + lease);
    assertThat(facts.get("get foo --rev 3 -w json")).contains("\"mod_revision\":3,\"version\":2,\"value\":\"YmFyMg==\"");
    assertThat(facts.get("get gone --rev 4 -w json")).contains("\"value\":\"eA==\"");
    assertThat(facts.get("get foo --rev 2 -w json")).startsWith("exit 1\n")
        .contains("required revision has been compacted");
    assertThat(facts.get("endpoint hashkv -w json")).contains("\"compact_revision\":3");
    assertThat(facts.get("lease timetolive " + Long.toHexString(lease) + " --keys -w json"))
        .contains("\"granted-ttl\":600").contains("\"keys\":[\"bGVhc2Vk\"]");
    assertThat(facts.get("user list")).isEqualTo("exit 0\nalice\n");
    assertThat(facts.get("role get reader")).contains("KV Read:\n\tfoo\n");
    assertThat(etcdWatch).containsExactly("PUT", "foo", "bar2", "PUT", "foo", "bar3", "PUT", "foo", "bar4");

    int peer = KvTarget.freePort();
    Path dataDir = tmp.resolve("restored");
    try (CairnProcessAccess restore = CairnProcessAccess.start(
        "kv", "snapshot", "restore", snapshot.toString(), "--name", "r1", "--data-dir", dataDir.toString(),
        "--initial-cluster", "r1=http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer)) {
      assertThat(restore.awaitExit(LIMIT)).as("%s", restore).isZero();
      assertThat(restore.out()).singleElement().asString()
          .startsWith("restored etcd snapshot " + snapshot).contains("1 leases").contains("compacted at 3").contains("1 users, 1 roles")
          .contains("at revision 10");
    }

    try (Member cairn = startCairn("r1", dataDir, peer)) {
      Etcdctl etcdctl = new Etcdctl(cairn.clientUrl(), tmp);
      Answers cairnAnswers = ask(etcdctl, lease);
      assertThat(cairnAnswers.byQuestion()).isEqualTo(etcdAnswers.byQuestion());
      assertThat(cairnAnswers.remainingTtls()).singleElement().satisfies(t -> assertThat(t).isBetween(1L, 600L));
      assertThat(watchFromOldRevision(etcdctl)).isEqualTo(etcdWatch);
      put(etcdctl, "new", "v");
      assertThat(etcdctl.run("get", "new", "-w", "json").stdout().getFirst()).contains("\"mod_revision\":11");
    }
  }

  /** {@code cairn kv} started on a restored data directory. */
  private record Member(CairnProcessAccess process, String clientUrl) implements AutoCloseable {
    @Override
    public void close() {
      process.close();
    }
  }

  private Member startCairn(String name, Path dataDir, int peerPort) throws Exception {
    String clientUrl = "http://127.0.0.1:" + KvTarget.freePort();
    String peerUrl = "http://127.0.0.1:" + peerPort;
    CairnProcessAccess p = CairnProcessAccess.start(
        "kv", "--name", name, "--data-dir", dataDir.toString(), "--listen-client-urls", clientUrl,
        "--advertise-client-urls", clientUrl, "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
        "--initial-cluster", name + "=" + peerUrl, "--admin-address", "127.0.0.1:0");
    Etcdctl etcdctl = new Etcdctl(clientUrl, tmp);
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!etcdctl.run("endpoint", "health").ok()) {
      assertThat(System.nanoTime()).as("cairn kv %s healthy within %s; %s", name, LIMIT, p).isLessThan(deadline);
      assertThat(p.alive()).as("cairn kv %s still running; %s", name, p).isTrue();
      Thread.sleep(200);
    }
    return new Member(p, clientUrl);
  }
}
