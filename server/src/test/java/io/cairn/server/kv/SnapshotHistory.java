package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history the snapshot tests write before a snapshot and the etcdctl questions they ask before
 * and after a restore ({@link KvSnapshotEtcdImportIT}, {@link KvSnapshotEtcdExportIT}): puts, a
 * delete, a lease with a key, a txn, a compaction, a role with a permission and a user, and reads at
 * old revisions, HashKV, the lease and auth.
 */
final class SnapshotHistory {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields that name the cluster or the Raft term, which a restore changes on purpose. */
  private static final Set<String> CLUSTER_FIELDS = Set.of("cluster_id", "member_id", "raft_term", "Endpoint");

  private SnapshotHistory() {}

  /** The history both servers are asked about; revisions in comments. */
  static long writeHistory(Etcdctl etcd) {
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
    for (String[] auth : new String[][] {{"role", "add", "reader"}, {"role", "grant-permission", "reader", "read", "foo"},
        {"user", "add", "alice:secret"}, {"user", "grant-role", "alice", "reader"}}) {
      EtcdctlResult r = etcd.run(auth);
      assertThat(r.ok()).as("%s", r).isTrue();
    }
    return lease;
  }

  static void put(Etcdctl etcd, String key, String value) {
    EtcdctlResult r = etcd.run("put", key, value);
    assertThat(r.stdout()).as("%s", r).containsExactly("OK");
  }

  /** The questions asked of both servers. */
  static List<List<String>> questions(long lease) {
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
        List.of("lease", "timetolive", id, "--keys", "-w", "json"),
        List.of("user", "list"),
        List.of("role", "get", "reader"),
        List.of("user", "get", "alice"));
  }

  /** Each answer with cluster IDs, terms and remaining TTLs taken out; the remaining TTLs apart. */
  record Answers(Map<String, String> byQuestion, List<Long> remainingTtls) {}

  static Answers ask(Etcdctl etcdctl, long lease) throws Exception {
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
  static List<String> watchFromOldRevision(Etcdctl etcdctl) {
    try (EtcdctlStream w = etcdctl.stream(Invocation.of("watch", "foo", "--rev", "3"))) {
      assertThat(w.awaitStdoutLines(9, Duration.ofSeconds(20))).as("%s", w).isTrue();
      return w.stdout().subList(0, 9);
    }
  }

}
