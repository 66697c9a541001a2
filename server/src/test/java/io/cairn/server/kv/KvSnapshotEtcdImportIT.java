package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.server.CairnProcessAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrating from etcd: a snapshot of the REAL etcd 3.4 ({@code etcdctl snapshot save}, a bbolt file)
 * restores with {@code cairn kv snapshot restore}, and cairn then answers etcdctl as that etcd did:
 * keys, values, create/mod revisions, versions and the header revision, reads at old revisions, the
 * compaction (a read below it fails as in etcd), watch history from an old revision, HashKV, and the
 * lease with its TTL and key. Fails, never skips, without etcd. {@link KvSnapshotEtcdDamagedIT} has
 * the damaged files.
 */
class KvSnapshotEtcdImportIT {
  private static final Duration LIMIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields that name the cluster or the Raft term, which a restore changes on purpose. */
  private static final Set<String> CLUSTER_FIELDS = Set.of("cluster_id", "member_id", "raft_term", "Endpoint");

  @TempDir Path tmp;

  /** The history both servers are asked about; revisions in comments. */
  private static long writeHistory(Etcdctl etcd) {
    put(etcd, "foo", "bar"); // 2
    put(etcd, "foo", "bar2"); // 3
    put(etcd, "gone", "x"); // 4
    assertThat(etcd.run("del", "gone").stdout()).containsExactly("1"); // 5
    put(etcd, "foo", "bar3"); // 6
    EtcdctlResult grant = etcd.run("lease", "grant", "600");
    assertThat(grant.ok()).as("%s", grant).isTrue();
    long lease = Long.parseUnsignedLong(grant.stdout().getFirst().split(" ")[1], 16);
    assertThat(etcd.run("put", "leased", "yes", "--lease=" + Long.toHexString(lease)).stdout()).containsExactly("OK"); // 7
    EtcdctlResult txn = etcd.run(Invocation.of("txn").withStdin("\nput t/a 1\nput t/b 2\nput t/c 3\n\n\n")); // 8
    assertThat(txn.stdout()).as("%s", txn).startsWith("SUCCESS");
    assertThat(etcd.run("compact", "3").ok()).isTrue();
    put(etcd, "foo", "bar4"); // 9
    put(etcd, "after", "z"); // 10
    return lease;
  }

  private static void put(Etcdctl etcd, String key, String value) {
    EtcdctlResult r = etcd.run("put", key, value);
    assertThat(r.stdout()).as("%s", r).containsExactly("OK");
  }

  /** The questions asked of both servers. */
  private static List<List<String>> questions(long lease) {
    String id = Long.toHexString(lease);
    return List.of(
        List.of("get", "", "--prefix", "-w", "json"),
        List.of("get", "", "--prefix", "--rev", "5", "-w", "json"),
        List.of("get", "foo", "--rev", "3", "-w", "json"),
        List.of("get", "gone", "--rev", "4", "-w", "json"),
        List.of("get", "t/", "--prefix", "--rev", "8", "-w", "json"),
        List.of("get", "foo", "--rev", "2", "-w", "json"),
        List.of("get", "foo", "-w", "fields"),
        List.of("endpoint", "hashkv", "-w", "json"),
        List.of("lease", "list"),
        List.of("lease", "timetolive", id, "--keys", "-w", "json"));
  }

  /** Each answer with cluster IDs, terms and remaining TTLs taken out; the remaining TTLs apart. */
  private record Answers(Map<String, String> byQuestion, List<Long> remainingTtls) {}

  private static Answers ask(Etcdctl etcdctl, long lease) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    List<Long> ttls = new ArrayList<>();
    for (List<String> q : questions(lease)) {
      EtcdctlResult r = etcdctl.run(q.toArray(String[]::new));
      StringBuilder a = new StringBuilder("exit " + r.exitCode() + "\n");
      for (String line : r.stdout()) {
        a.append(normalize(line, ttls)).append('\n');
      }
      r.messages().forEach(m -> a.append("stderr: ").append(m).append('\n'));
      answers.put(String.join(" ", q), a.toString());
    }
    return new Answers(answers, ttls);
  }

  private static String normalize(String line, List<Long> ttls) throws Exception {
    if (line.startsWith("\"ClusterID\"") || line.startsWith("\"MemberID\"") || line.startsWith("\"RaftTerm\"")) {
      return "";
    }
    if (!line.startsWith("{") && !line.startsWith("[")) {
      return line;
    }
    JsonNode tree = JSON.readTree(line);
    strip(tree, ttls);
    return JSON.writeValueAsString(tree);
  }

  private static void strip(JsonNode node, List<Long> ttls) {
    if (node instanceof ObjectNode o) {
      o.remove(CLUSTER_FIELDS);
      if (o.has("granted-ttl") && o.has("ttl")) {
        ttls.add(o.remove("ttl").asLong());
      }
    }
    node.forEach(child -> strip(child, ttls));
  }

  /** {@code foo}'s history from revision 3 (which the compaction kept), as {@code etcdctl watch} prints it. */
  private static List<String> watchFromOldRevision(Etcdctl etcdctl) {
    try (EtcdctlStream w = etcdctl.stream(Invocation.of("watch", "foo", "--rev", "3"))) {
      assertThat(w.awaitStdoutLines(9, Duration.ofSeconds(20))).as("%s", w).isTrue();
      return w.stdout().subList(0, 9);
    }
  }

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
    assertThat(etcdWatch).containsExactly("PUT", "foo", "bar2", "PUT", "foo", "bar3", "PUT", "foo", "bar4");

    int peer = KvTarget.freePort();
    Path dataDir = tmp.resolve("restored");
    try (CairnProcessAccess restore = CairnProcessAccess.start(
        "kv", "snapshot", "restore", snapshot.toString(), "--name", "r1", "--data-dir", dataDir.toString(),
        "--initial-cluster", "r1=http://127.0.0.1:" + peer, "--initial-advertise-peer-urls", "http://127.0.0.1:" + peer)) {
      assertThat(restore.awaitExit(LIMIT)).as("%s", restore).isZero();
      assertThat(restore.out()).singleElement().asString()
          .startsWith("restored etcd snapshot " + snapshot).contains("1 leases").contains("compacted at 3")
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
