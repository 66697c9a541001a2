package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The membership steps of {@link KvMembershipIT} against one cluster of one kind, in order; each
 * step starts from what the earlier ones did (the cluster, the added member's id), and fails, saying
 * why, when an earlier step left it nothing to work on.
 */
final class MembershipSteps implements AutoCloseable {
  /** How long a cluster of three may take to answer with every member started and published. */
  private static final Duration CLUSTER_READY = Duration.ofSeconds(75);
  /** How long an added member may take to show as started in {@code member list}. */
  private static final Duration JOINED = Duration.ofSeconds(60);
  /** How long a removed member may take to stop by itself, as a removed etcd member does. */
  private static final Duration REMOVED_STOPS = Duration.ofSeconds(20);
  /** What etcdctl reports for a request a learner does not serve. */
  private static final String LEARNER_REFUSAL = "etcdserver: rpc not supported for learner";

  private static final Pattern ADDED = Pattern.compile("^Member\\s+([0-9a-f]+) added to cluster\\s+([0-9a-f]+)$");
  private static final Pattern STATUS_ENTRY =
      Pattern.compile("\\{\"Endpoint\":\"([^\"]+)\",\"Status\":\\{\"header\":\\{[^}]*\"member_id\":(\\d+)[^}]*},[^}]*?\"leader\":(\\d+)");

  private final TargetKind kind;
  private KvCluster cluster;
  private KvCluster.Planned planned;
  private String addedId;
  private ClusterMember joined;
  private KvCluster.Planned learnerPlan;
  private String learnerId;
  private ClusterMember learner;

  MembershipSteps(TargetKind kind) {
    this.kind = kind;
  }

  /** Starts three members; member list shows each started with its name, peer URL and client URL. */
  void threeMembersStart() {
    cluster = KvCluster.start(kind, 3);
    Etcdctl etcdctl = cluster.member(0).etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    EtcdctlResult list;
    try {
      list = Poll.until("member list showing three started members with client URLs (" + kind + ")", CLUSTER_READY,
          () -> etcdctl.run("member", "list"),
          r -> r.ok() && MemberLine.parseAll(r.stdout()).stream().filter(m -> m.started() && !m.clientUrls().isEmpty()).count() == 3);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + cluster.logs(), e);
    }
    List<String> expected = new ArrayList<>();
    for (ClusterMember m : cluster.members()) {
      expected.add(", started, " + m.name() + ", " + m.peerUrl() + ", " + m.clientUrl() + ", false");
    }
    assertThat(list.stdout()).as("%s\n%s", list, cluster.logs()).hasSize(3);
    for (String tail : expected) {
      assertThat(list.stdout()).as("%s", list).anyMatch(line -> line.endsWith(tail));
    }
  }

  /** {@code endpoint status --cluster} lists every member, one the leader; {@code endpoint health --cluster} all healthy. */
  void endpointsCoverTheCluster() {
    Etcdctl etcdctl = first().etcdctl();
    EtcdctlResult status = etcdctl.run("endpoint", "status", "--cluster");
    assertThat(status.ok()).as("%s", status).isTrue();
    assertThat(status.stdout()).as("%s", status).hasSize(3);
    for (ClusterMember m : cluster.members()) {
      assertThat(status.stdout()).as("%s", status).anyMatch(line -> line.startsWith(m.clientUrl() + ", "));
    }
    long leaders = status.stdout().stream().filter(line -> line.split(", ")[4].equals("true")).count();
    assertThat(leaders).as("members saying they are the leader; %s", status).isEqualTo(1);
    EtcdctlResult health = etcdctl.run("endpoint", "health", "--cluster");
    assertThat(health.ok()).as("%s", health).isTrue();
    List<String> printed = new ArrayList<>(health.stdout());
    printed.addAll(health.messages());
    for (ClusterMember m : cluster.members()) {
      String healthy = m.clientUrl() + " is healthy: successfully committed proposal: took = ";
      assertThat(printed).as("%s", health).anyMatch(line -> line.startsWith(healthy));
    }
  }

  /** {@code move-leader} refuses a follower's endpoint, and from the leader's moves leadership. */
  void moveLeader() {
    Leadership before = leadership(first().etcdctl());
    ClusterMember leader = memberAt(before.leaderEndpoint());
    ClusterMember follower = cluster.members().stream().filter(m -> m != leader).findFirst().orElseThrow();
    String targetHex = before.hexIdOf(follower.clientUrl());

    EtcdctlResult refused = follower.etcdctl().run("move-leader", targetHex);
    assertThat(refused.ok()).as("%s", refused).isFalse();
    assertThat(refused.messages()).as("%s", refused).contains("Error: no leader endpoint given at [" + follower.clientUrl() + "]");

    EtcdctlResult moved = leader.etcdctl().run("move-leader", targetHex);
    assertThat(moved.stdout()).as("%s", moved)
        .containsExactly("Leadership transferred from " + before.hexIdOf(leader.clientUrl()) + " to " + targetHex);
    Poll.until("endpoint status showing " + follower + " as the leader", Duration.ofSeconds(20),
        () -> leadership(first().etcdctl()), l -> l.leaderEndpoint().equals(follower.clientUrl()));
  }

  /** {@code member add n3 --peer-urls=...} answers ' added to cluster ' and lists n3 unstarted. */
  void memberAdd() {
    planned = KvCluster.plan("n3");
    Etcdctl etcdctl = first().etcdctl();
    // etcd refuses reconfiguration ("unhealthy cluster") until every member has been up for 5 s
    EtcdctlResult add = Poll.until("member add accepted", Duration.ofSeconds(30),
        () -> etcdctl.run("member", "add", planned.name(), "--peer-urls=" + planned.peerUrl()),
        r -> r.ok() || !String.join("\n", r.messages()).contains("unhealthy cluster"));
    assertThat(add.ok()).as("%s", add).isTrue();
    Matcher m = ADDED.matcher(add.stdout().getFirst());
    assertThat(m.matches()).as("' added to cluster ' line; %s", add).isTrue();
    addedId = m.group(1);
    assertThat(add.stdout()).as("%s", add).contains(
        "ETCD_NAME=\"n3\"", "ETCD_INITIAL_ADVERTISE_PEER_URLS=\"" + planned.peerUrl() + "\"", "ETCD_INITIAL_CLUSTER_STATE=\"existing\"");
    assertThat(add.stdout()).as("%s", add).anyMatch(line -> line.startsWith("ETCD_INITIAL_CLUSTER=\"") && line.contains("n3=" + planned.peerUrl()));
    EtcdctlResult list = etcdctl.run("member", "list");
    assertThat(list.stdout()).as("%s", list).hasSize(4).contains(addedId + ", unstarted, , " + planned.peerUrl() + ", , false");
    // every member lists the added member, not only the one that took the add (a follower or the leader)
    for (int i = 1; i < 3; i++) {
      EtcdctlResult other = cluster.member(i).etcdctl().run("member", "list");
      assertThat(other.stdout()).as("member list through member %d; %s", i, other)
          .hasSize(4).contains(addedId + ", unstarted, , " + planned.peerUrl() + ", , false");
    }
  }

  /** The fourth member, started with --initial-cluster-state existing, shows as started under the id member add gave it. */
  void fourthMemberJoins() {
    requireAdded();
    joined = cluster.join(planned);
    Etcdctl etcdctl = first().etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    String wanted = addedId + ", started, n3, " + planned.peerUrl() + ", " + planned.clientUrl() + ", false";
    try {
      Poll.until("member list showing '" + wanted + "'", JOINED, () -> etcdctl.run("member", "list"),
          r -> r.stdout().contains(wanted));
    } catch (AssertionError e) {
      EtcdctlResult own = joined.etcdctl().run("endpoint", "status");
      throw new AssertionError(e.getMessage() + "\nthe new member's own endpoint status: " + own + "\n" + cluster.logs(), e);
    }
  }

  /** A put on the new member is read from an original member. */
  void putOnNewMemberIsReadElsewhere() {
    requireAdded();
    assertThat(joined).as("the fourth member was not started (an earlier step failed)").isNotNull();
    EtcdctlResult put = joined.etcdctl().run("put", "membership/key", "from-n3");
    assertThat(put.stdout()).as("%s", put).containsExactly("OK");
    EtcdctlResult get = cluster.member(1).etcdctl().run("get", "membership/key");
    assertThat(get.stdout()).as("%s", get).containsExactly("membership/key", "from-n3");
  }

  /** {@code member update} gives n2 a second peer URL (localhost, same port), then its own back. */
  void memberUpdate() {
    ClusterMember n2 = cluster.member(2);
    Etcdctl etcdctl = first().etcdctl();
    String hex = memberLine(etcdctl, n2.name()).hexId();
    String alias = n2.peerUrl().replace("127.0.0.1", "localhost");

    EtcdctlResult update = etcdctl.run("member", "update", hex, "--peer-urls=" + n2.peerUrl() + "," + alias);
    assertThat(update.stdout()).as("%s", update).singleElement().asString().matches("Member\\s+" + hex + " updated in cluster\\s+[0-9a-f]+");
    assertThat(memberLine(etcdctl, n2.name()).peerUrls()).isEqualTo(n2.peerUrl() + "," + alias);

    EtcdctlResult back = etcdctl.run("member", "update", hex, "--peer-urls=" + n2.peerUrl());
    assertThat(back.stdout()).as("%s", back).singleElement().asString().contains(" updated in cluster ");
    assertThat(memberLine(etcdctl, n2.name()).peerUrls()).isEqualTo(n2.peerUrl());
    EtcdctlResult health = n2.etcdctl().run("endpoint", "health");
    assertThat(health.ok()).as("n2 still healthy; %s", health).isTrue();
  }

  /** {@code member remove} takes n3 out: ' removed from cluster ', member list of three, n3 stops, the rest healthy. */
  void memberRemove() {
    requireAdded();
    Etcdctl etcdctl = first().etcdctl();
    EtcdctlResult remove = etcdctl.run("member", "remove", addedId);
    assertThat(remove.stdout()).as("%s", remove).singleElement().asString()
        .matches("Member\\s+" + addedId + " removed from cluster\\s+[0-9a-f]+");
    EtcdctlResult list = etcdctl.run("member", "list");
    assertThat(list.stdout()).as("%s", list).hasSize(3).noneMatch(line -> line.startsWith(addedId + ", "));
    EtcdctlResult health = Poll.until("endpoint health --cluster of the three", Duration.ofSeconds(20),
        () -> etcdctl.run("endpoint", "health", "--cluster"), EtcdctlResult::ok);
    assertThat(health.ok()).as("%s", health).isTrue();
    if (joined != null) {
      assertThat(joined.awaitExit(REMOVED_STOPS))
          .as("the removed member stops by itself, as a removed etcd member does\n%s", joined.logTail())
          .isTrue();
    }
  }

  /** {@code member add n4 --learner}: listed unstarted as a learner; a second learner is refused. */
  void learnerAdd() {
    learnerPlan = KvCluster.plan("n4");
    Etcdctl etcdctl = first().etcdctl();
    EtcdctlResult add = Poll.until("member add --learner accepted", Duration.ofSeconds(30),
        () -> etcdctl.run("member", "add", learnerPlan.name(), "--peer-urls=" + learnerPlan.peerUrl(), "--learner"),
        r -> r.ok() || !String.join("\n", r.messages()).contains("unhealthy cluster"));
    assertThat(add.ok()).as("%s", add).isTrue();
    Matcher m = ADDED.matcher(add.stdout().getFirst());
    assertThat(m.matches()).as("' added to cluster ' line; %s", add).isTrue();
    learnerId = m.group(1);
    assertThat(add.stdout()).as("%s", add).contains("ETCD_INITIAL_CLUSTER_STATE=\"existing\"");
    EtcdctlResult list = etcdctl.run("member", "list");
    assertThat(list.stdout()).as("%s", list).contains(learnerId + ", unstarted, , " + learnerPlan.peerUrl() + ", , true");
    // a second learner is refused whichever member takes it: the limit is the cluster's, not a member's
    for (int i = 0; i < 3; i++) {
      EtcdctlResult second =
          cluster.member(i).etcdctl().run("member", "add", "n5", "--peer-urls=http://127.0.0.1:9", "--learner");
      assertThat(second.ok()).as("through member %d; %s", i, second).isFalse();
      assertThat(second.messages()).as("through member %d; %s", i, second)
          .anyMatch(l -> l.contains("etcdserver: too many learner members in cluster"));
      EtcdctlResult other = cluster.member(i).etcdctl().run("member", "list");
      assertThat(other.stdout()).as("member list through member %d; %s", i, other)
          .contains(learnerId + ", unstarted, , " + learnerPlan.peerUrl() + ", , true");
    }
  }

  /** The learner starts and catches up; it serves serializable reads and refuses linearizable reads and writes. */
  void learnerJoinsAndServesSerializableReadsOnly() {
    requireLearner();
    EtcdctlResult put = first().etcdctl().run("put", "membership/learner-key", "before-learner");
    assertThat(put.ok()).as("%s", put).isTrue();
    learner = cluster.join(learnerPlan);
    Etcdctl etcdctl = first().etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    String wanted = learnerId + ", started, n4, " + learnerPlan.peerUrl() + ", " + learnerPlan.clientUrl() + ", true";
    Poll.until("member list showing '" + wanted + "'", JOINED, () -> etcdctl.run("member", "list"),
        r -> r.stdout().contains(wanted), () -> "the learner's log:\n" + learner.logTail());
    Etcdctl own = learner.etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    EtcdctlResult serializable = Poll.until("a serializable get on the learner", JOINED,
        () -> own.run("get", "membership/learner-key", "--consistency=s"),
        r -> r.stdout().contains("before-learner"));
    assertThat(serializable.stdout()).containsExactly("membership/learner-key", "before-learner");
    // etcdctl retries a learner's refusal (Unavailable) up to 100 times, 25 ms apart, and prints the
    // refusal only if those retries end before its command timeout: 3 s was a race on a loaded
    // machine (both targets refuse alike; the last attempt's error is what etcdctl prints)
    Etcdctl patient = learner.etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(15));
    EtcdctlResult linearizable = patient.run("get", "membership/learner-key");
    assertThat(linearizable.ok()).as("%s", linearizable).isFalse();
    assertThat(linearizable.messages()).as("%s", linearizable).anyMatch(l -> l.contains(LEARNER_REFUSAL));
    EtcdctlResult write = patient.run("put", "membership/learner-key", "on-learner");
    assertThat(write.ok()).as("%s", write).isFalse();
    assertThat(write.messages()).as("%s", write).anyMatch(l -> l.contains(LEARNER_REFUSAL));
    EtcdctlResult status = own.run("endpoint", "status", "-w", "json");
    assertThat(status.ok()).as("endpoint status on the learner; %s", status).isTrue();
    assertThat(String.join("", status.stdout())).as("%s", status).contains("\"isLearner\":true");
  }

  /** {@code member promote}: the learner becomes a voting member and serves linearizable reads. */
  void learnerPromoted() {
    requireLearner();
    assertThat(learner).as("the learner was not started (an earlier step failed)").isNotNull();
    Etcdctl etcdctl = first().etcdctl();
    EtcdctlResult promote = Poll.until("member promote accepted", Duration.ofSeconds(30),
        () -> etcdctl.run("member", "promote", learnerId),
        r -> r.ok() || !String.join("\n", r.messages()).contains("in sync with leader"));
    assertThat(promote.stdout()).as("%s", promote).singleElement().asString()
        .matches("Member\\s+" + learnerId + " promoted in cluster\\s+[0-9a-f]+");
    EtcdctlResult list = etcdctl.run("member", "list");
    assertThat(list.stdout()).as("%s", list)
        .contains(learnerId + ", started, n4, " + learnerPlan.peerUrl() + ", " + learnerPlan.clientUrl() + ", false");
    EtcdctlResult again = etcdctl.run("member", "promote", learnerId);
    assertThat(again.messages()).as("%s", again).anyMatch(l -> l.contains("etcdserver: can only promote a learner member"));
    Etcdctl own = learner.etcdctl().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5));
    EtcdctlResult get = Poll.until("a linearizable get on the promoted member", Duration.ofSeconds(20),
        () -> own.run("get", "membership/learner-key"), EtcdctlResult::ok);
    assertThat(get.stdout()).as("%s", get).containsExactly("membership/learner-key", "before-learner");
  }

  private void requireLearner() {
    assertThat(learnerId).as("no learner was added (member add --learner failed earlier)").isNotNull();
  }

  private void requireAdded() {
    assertThat(addedId).as("no member was added (member add failed earlier)").isNotNull();
  }

  private ClusterMember first() {
    assertThat(cluster).as("the cluster did not start").isNotNull();
    return cluster.member(0);
  }

  private ClusterMember memberAt(String clientUrl) {
    return cluster.members().stream().filter(m -> m.clientUrl().equals(clientUrl)).findFirst()
        .orElseThrow(() -> new AssertionError("no member at " + clientUrl));
  }

  private static MemberLine memberLine(Etcdctl etcdctl, String name) {
    EtcdctlResult list = etcdctl.run("member", "list");
    return MemberLine.parseAll(list.stdout()).stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no member " + name + " in " + list));
  }

  /** Who leads, from {@code endpoint status --cluster -w json}: each endpoint's member id and its leader. */
  private record Leadership(List<String> endpoints, List<Long> memberIds, long leader) {
    String leaderEndpoint() {
      int i = memberIds.indexOf(leader);
      return i < 0 ? "<none>" : endpoints.get(i);
    }

    String hexIdOf(String endpoint) {
      return Long.toHexString(memberIds.get(endpoints.indexOf(endpoint)));
    }
  }

  private static Leadership leadership(Etcdctl etcdctl) {
    EtcdctlResult status = etcdctl.run("endpoint", "status", "--cluster", "-w", "json");
    Matcher m = STATUS_ENTRY.matcher(String.join("", status.stdout()));
    List<String> endpoints = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    long leader = 0;
    while (m.find()) {
      endpoints.add(m.group(1));
      ids.add(Long.parseUnsignedLong(m.group(2)));
      leader = Long.parseUnsignedLong(m.group(3));
    }
    assertThat(endpoints).as("endpoints in %s", status).isNotEmpty();
    return new Leadership(endpoints, ids, leader);
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
      cluster = null;
    }
  }
}
