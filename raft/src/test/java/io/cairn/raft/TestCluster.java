package io.cairn.raft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.util.SizeInBytes;

/**
 * Raft nodes on 127.0.0.1 (port 0 on first start, the same port on restart), each with a data
 * directory and one {@link TestStateMachine} per group under {@code root/<id>}.
 */
final class TestCluster implements AutoCloseable {
  static final Duration ELECTION = Duration.ofMillis(400);
  static final Duration WAIT = Duration.ofSeconds(20);

  private final Path root;
  private final Duration requestTimeout;
  private final long snapshotEvery;
  private final Map<String, RaftMember> members = new LinkedHashMap<>();
  private final Map<String, RaftNode> running = new LinkedHashMap<>();
  private final Map<String, Set<String>> groupsOf = new LinkedHashMap<>();
  private final Map<String, RaftGroupHandle> handles = new LinkedHashMap<>();
  private final Map<String, TestStateMachine> sms = new LinkedHashMap<>();

  TestCluster(Path root, Duration requestTimeout, long snapshotEvery) {
    this.root = root;
    this.requestTimeout = requestTimeout;
    this.snapshotEvery = snapshotEvery;
  }

  /** {@code n} started nodes n1..nN, no groups yet. */
  static TestCluster of(Path root, int n) {
    return of(root, n, Duration.ofSeconds(5), 1_000);
  }

  static TestCluster of(Path root, int n, Duration requestTimeout, long snapshotEvery) {
    TestCluster c = new TestCluster(root, requestTimeout, snapshotEvery);
    for (int i = 1; i <= n; i++) {
      c.startNode("n" + i);
    }
    return c;
  }

  /** Small log segments so that purging after a snapshot really drops entries. */
  static void tune(RaftProperties p) {
    RaftServerConfigKeys.Log.setSegmentSizeMax(p, SizeInBytes.valueOf("4KB"));
    RaftServerConfigKeys.Log.setPreallocatedSize(p, SizeInBytes.valueOf("4KB"));
  }

  /** Starts a node: on port 0 the first time, on its known port afterwards. */
  RaftNode startNode(String id) {
    RaftMember known = members.get(id);
    String address = known == null ? "127.0.0.1:0" : known.peerAddress();
    RaftNodeConfig config =
        new RaftNodeConfig(
            new RaftMember(id, address, "http://" + id + ".example:2379"),
            raftDir(id),
            ELECTION,
            requestTimeout,
            snapshotEvery);
    RaftNode node = new RaftNode(config, TestCluster::tune);
    try {
      node.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    members.put(id, new RaftMember(id, "127.0.0.1:" + node.peerPort(), config.self().clientAddress()));
    running.put(id, node);
    groupsOf.computeIfAbsent(id, k -> new LinkedHashSet<>());
    return node;
  }

  /** Starts {@code group} on every running node with all running nodes as initial members. */
  void startGroup(String group) {
    List<RaftMember> initial = running.keySet().stream().map(members::get).toList();
    for (String id : running.keySet()) {
      startGroupOn(id, group, initial, false);
    }
  }

  RaftGroupHandle startGroupOn(String id, String group, List<RaftMember> list, boolean join) {
    TestStateMachine sm = new TestStateMachine(root.resolve(id).resolve("sm").resolve(group));
    try {
      RaftNode node = running.get(id);
      RaftGroupHandle h = join ? node.joinGroup(group, list, sm) : node.startGroup(group, list, sm);
      handles.put(id + "/" + group, h);
      sms.put(id + "/" + group, sm);
      groupsOf.get(id).add(group);
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes a node (its handles stop working). */
  void stop(String id) {
    running.remove(id).close();
  }

  /** Starts a stopped node again on the same port and data, restarting its groups. */
  void restart(String id) {
    startNode(id);
    for (String group : groupsOf.get(id)) {
      startGroupOn(id, group, List.of(), false);
    }
  }

  RaftMember member(String id) {
    return members.get(id);
  }

  List<RaftMember> members(String... ids) {
    return List.of(ids).stream().map(members::get).toList();
  }

  Path raftDir(String id) {
    return root.resolve(id).resolve("raft");
  }

  RaftNode node(String id) {
    return running.get(id);
  }

  List<String> runningIds() {
    return new ArrayList<>(running.keySet());
  }

  RaftGroupHandle handle(String id, String group) {
    return handles.get(id + "/" + group);
  }

  TestStateMachine sm(String id, String group) {
    return sms.get(id + "/" + group);
  }

  /** Waits until exactly one running member leads and the others agree on it; returns its ID. */
  String awaitLeader(String group) {
    AtomicReference<String> leader = new AtomicReference<>();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<String> leaders =
                  running.keySet().stream().filter(id -> handle(id, group).isLeader()).toList();
              if (leaders.size() != 1) {
                return false;
              }
              String l = leaders.getFirst();
              boolean agreed =
                  running.keySet().stream()
                      .allMatch(id -> handle(id, group).leader().map(RaftMember::id).orElse("").equals(l));
              leader.set(l);
              return agreed;
            });
    return leader.get();
  }

  List<String> followers(String group, String leader) {
    return running.keySet().stream().filter(id -> !id.equals(leader)).toList();
  }

  /** Waits until every running member of {@code group} holds {@code expected}. */
  void awaitConverged(String group, Map<String, String> expected) {
    awaitConverged(group, expected, WAIT);
  }

  /** As above, with a longer bound for steps that include an election or a snapshot transfer. */
  void awaitConverged(String group, Map<String, String> expected, Duration atMost) {
    for (String id : running.keySet()) {
      TestStateMachine sm = sm(id, group);
      await()
          .atMost(atMost)
          .untilAsserted(
              () ->
                  assertThat(sm.data())
                      .as(() -> describe(id, group, sm))
                      .isEqualTo(expected));
    }
  }

  /** What a convergence failure needs: the member's state machine and every member's Raft view. */
  private String describe(String id, String group, TestStateMachine sm) {
    StringBuilder s =
        new StringBuilder(
            "%s (state machine applied index %d, snapshots installed %d)"
                .formatted(id, sm.appliedIndex(), sm.installs()));
    for (String other : running.keySet()) {
      s.append("\n  ").append(other).append(": ").append(handle(other, group));
    }
    return s.toString();
  }

  @Override
  public void close() {
    running.values().forEach(RaftNode::close);
    running.clear();
  }
}
