package io.cairn.server.kv;

import static io.cairn.server.kv.SnapshotHistory.ask;
import static io.cairn.server.kv.SnapshotHistory.put;
import static io.cairn.server.kv.SnapshotHistory.watchFromOldRevision;
import static io.cairn.server.kv.SnapshotHistory.writeHistory;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cairn.server.kv.SnapshotHistory.Answers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way back from cairn to etcd: a snapshot saved from cairn with the real {@code etcdctl snapshot
 * save} is read by the real {@code etcdctl snapshot status} (which runs bbolt's consistency check
 * over the file) and restored by the real {@code etcdctl snapshot restore}, and the REAL etcd 3.4
 * started on that data directory answers etcdctl exactly as cairn did before the snapshot: keys,
 * values, revisions and versions, reads at old revisions and below the compaction, HashKV, watch
 * history, the lease with its TTL and key, users and roles. Fails, never skips, without etcd.
 */
class KvSnapshotEtcdExportIT {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void aRealEtcdRestoredFromCairnsSnapshotAnswersAsCairnDid() throws Exception {
    Path snapshot = tmp.resolve("cairn.db");
    long lease;
    Answers cairnAnswers;
    List<String> cairnWatch;
    try (KvTarget cairn = TargetPool.fresh(TargetKind.CAIRN, ServerOptions.DEFAULTS)) {
      Etcdctl etcdctl = cairn.etcdctl();
      lease = writeHistory(etcdctl);
      cairnAnswers = ask(etcdctl, lease);
      cairnWatch = watchFromOldRevision(etcdctl);
      EtcdctlResult saved = etcdctl.run("snapshot", "save", snapshot.toString());
      assertThat(saved.stdout()).as("%s", saved).containsExactly("Snapshot saved at " + snapshot);
    }
    Map<String, String> facts = cairnAnswers.byQuestion(); // what the comparison below is about
    assertThat(facts.get("get  --prefix -w json")).contains("\"revision\":10").contains("\"lease\":" + lease);
    assertThat(facts.get("get foo --rev 2 -w json")).contains("required revision has been compacted");
    assertThat(facts.get("user list")).isEqualTo("exit 0\nalice\n");
    assertThat(cairnWatch).containsExactly("PUT", "foo", "bar2", "PUT", "foo", "bar3", "PUT", "foo", "bar4");

    Etcdctl offline = new Etcdctl("http://127.0.0.1:1", tmp); // snapshot status and restore need no server
    EtcdctlResult status = offline.run("snapshot", "status", snapshot.toString(), "-w", "json");
    assertThat(status.ok()).as("%s", status).isTrue();
    JsonNode s = JSON.readTree(status.stdout().getFirst());
    assertThat(s.get("revision").asLong()).as("%s", status).isEqualTo(10);
    assertThat(s.get("totalSize").asLong()).as("the database without the SHA-256 trailer")
        .isEqualTo(Files.size(snapshot) - 32);
    assertThat(s.get("totalKey").asLong()).as("records in all buckets, at least the 8 kept revisions")
        .isGreaterThanOrEqualTo(8);

    int peer = KvTarget.freePort();
    Path dataDir = tmp.resolve("etcd-restored");
    String peerUrl = "http://127.0.0.1:" + peer;
    EtcdctlResult restored = offline.run("snapshot", "restore", snapshot.toString(), "--name", "r1",
        "--data-dir", dataDir.toString(), "--initial-cluster", "r1=" + peerUrl, "--initial-advertise-peer-urls", peerUrl);
    assertThat(restored.ok()).as("%s", restored).isTrue();

    String clientUrl = "http://127.0.0.1:" + KvTarget.freePort();
    Process etcd = ChildProcesses.start(new ProcessBuilder(
        Peers.etcd().toString(), "--name", "r1", "--data-dir", dataDir.toString(),
        "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
        "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl, "--initial-cluster", "r1=" + peerUrl)
        .redirectErrorStream(true).redirectOutput(tmp.resolve("etcd.log").toFile()));
    try {
      Etcdctl etcdctl = new Etcdctl(clientUrl, tmp);
      long deadline = System.nanoTime() + LIMIT.toNanos();
      while (!etcdctl.run("endpoint", "health").ok()) {
        assertThat(etcd.isAlive()).as("etcd on the restored directory still running; %s",
            Files.readString(tmp.resolve("etcd.log"))).isTrue();
        assertThat(System.nanoTime()).as("etcd healthy within %s", LIMIT).isLessThan(deadline);
        Thread.sleep(200);
      }
      Answers etcdAnswers = ask(etcdctl, lease);
      assertThat(etcdAnswers.byQuestion()).isEqualTo(cairnAnswers.byQuestion());
      assertThat(etcdAnswers.remainingTtls()).singleElement().satisfies(t -> assertThat(t).isBetween(1L, 600L));
      assertThat(watchFromOldRevision(etcdctl)).isEqualTo(cairnWatch);
      put(etcdctl, "new", "v");
      assertThat(etcdctl.run("get", "new", "-w", "json").stdout().getFirst()).contains("\"mod_revision\":11");
    } finally {
      ChildProcesses.stop(etcd, 5000);
    }
  }
}
