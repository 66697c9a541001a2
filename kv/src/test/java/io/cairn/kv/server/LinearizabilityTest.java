package io.cairn.kv.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cairn.kv.lincheck.History;
import io.cairn.kv.lincheck.LinearizabilityChecker;
import io.cairn.kv.lincheck.Operation;
import io.cairn.kv.lincheck.Operation.Cas;
import io.cairn.kv.lincheck.Operation.Get;
import io.cairn.kv.lincheck.Operation.Put;
import io.cairn.kv.lincheck.Operation.Swapped;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linearizability of put, get (linearizable range) and compare-and-swap txn on three keys of a
 * three-member in-process cluster while the leader is stopped and restarted, checked by {@link
 * LinearizabilityChecker} (Wing–Gong–Lowe per key). A call that fails or times out is recorded with
 * an unknown outcome: it may or may not have taken effect.
 *
 * <p>Timing (about 25–40 s on a 2-core machine): cluster start a few seconds; then {@value #RESTARTS}
 * rounds of 2 s of load on the full cluster, stop the leader, wait for a new one (election timeout
 * 1 s, so 1–3 s), 1 s of load on two members, restart the old leader; then 2 s more of load. Five
 * clients with a 2 s call deadline record 700–2000 operations (30–60 with unknown outcome); the
 * history is capped at {@value #MAX_OPERATIONS} operations (clients stop early if they reach it) so
 * the check stays within seconds (the checker handles 3000 operations with many unknown outcomes in
 * about a second, see LinearizabilityCheckerScaleTest).
 *
 * <p>The test is sensitive: with serializable gets (served from a member's own, possibly stale,
 * state) instead of linearizable ones, the checker reports a stale read.
 */
class LinearizabilityTest {
  private static final int CLIENTS = 5;
  private static final List<String> KEYS = List.of("lin/a", "lin/b", "lin/c");
  private static final int RESTARTS = 3;
  private static final int MAX_OPERATIONS = 6000;
  private static final Duration CHECK_BUDGET = Duration.ofSeconds(60);

  @Test
  void historyAcrossLeaderRestartsIsLinearizable(@TempDir Path dir) throws Exception {
    History history = new History();
    List<Long> stoppedAt = new ArrayList<>();
    try (KvTestCluster cluster = new KvTestCluster(3, dir, Map.of()).start()) {
      List<ManagedChannel> channels = List.of(cluster.channel(0), cluster.channel(1), cluster.channel(2));
      AtomicBoolean done = new AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        RegisterClient client =
            new RegisterClient(c, KEYS, channels, history, () -> done.get() || history.size() >= MAX_OPERATIONS);
        clients.add(Thread.ofPlatform().name("lin-client-" + c).start(client));
      }
      try {
        for (int round = 0; round < RESTARTS; round++) {
          Thread.sleep(2_000);
          int leader = awaitLeader(cluster);
          stoppedAt.add(System.nanoTime());
          cluster.stop(leader);
          awaitLeader(cluster);
          Thread.sleep(1_000);
          cluster.start(leader);
        }
        Thread.sleep(2_000);
      } finally {
        done.set(true);
        for (Thread t : clients) {
          t.join(RegisterClient.CALL_DEADLINE.multipliedBy(3).toMillis());
        }
      }
    }

    List<Operation> ops = history.operations();
    assertThat(ops.size()).as("operations recorded").isLessThanOrEqualTo(MAX_OPERATIONS + CLIENTS);
    assertThat(ops).as("successful swaps").anyMatch(op -> op.output() instanceof Swapped s && s.succeeded());
    assertThat(ops).as("failed swaps").anyMatch(op -> op.output() instanceof Swapped s && !s.succeeded());
    for (long stop : stoppedAt) {
      assertThat(ops)
          .as("writes acknowledged after the leader stop at %d", stop)
          .anyMatch(op -> !op.unknown() && !(op.input() instanceof Get) && op.invoked() > stop);
    }
    long unknown = ops.stream().filter(Operation::unknown).count();
    long swapped = ops.stream().filter(op -> op.output() instanceof Swapped s && s.succeeded()).count();
    long started = System.nanoTime();
    var result = LinearizabilityChecker.check(ops, CHECK_BUDGET);
    System.out.printf(
        "linearizability: %d operations (%d puts, %d gets, %d swaps of which %d swapped; %d unknown outcomes), "
            + "checked in %d ms: %s%n",
        ops.size(), count(ops, Put.class), count(ops, Get.class), count(ops, Cas.class), swapped, unknown,
        (System.nanoTime() - started) / 1_000_000, result.verdict());
    assertThat(result.verdict()).as(result.explanation()).isEqualTo(LinearizabilityChecker.Verdict.LINEARIZABLE);
  }

  private static long count(List<Operation> ops, Class<? extends Operation.Input> kind) {
    return ops.stream().filter(op -> kind.isInstance(op.input())).count();
  }

  /** Polls until a running member leads; returns its index. */
  private static int awaitLeader(KvTestCluster cluster) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
        .until(cluster::leaderIndex, i -> i >= 0);
  }
}
