package io.cairn.server.kv;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Cluster membership with the real etcdctl against a three-member cluster of each target (three
 * {@code /usr/bin/etcd} or three {@code cairn kv} processes started with {@code --initial-cluster}):
 * member list, endpoint status and health across the cluster, move-leader, member add and the start
 * of the fourth member with {@code --initial-cluster-state existing}, a write on it read elsewhere,
 * member update and member remove, and a learner added, started, held to serializable reads and
 * promoted ({@link MembershipSteps}). Targets run one after the other, steps in
 * order, each target's cluster stopped before the next one starts; a failing step does not stop the
 * later ones, which say so when it left them nothing to work on.
 */
class KvMembershipIT {
  private static final List<MembershipSteps> RUNS = new ArrayList<>();

  @AfterAll
  static void stopClusters() {
    closeAll();
  }

  private static synchronized void closeAll() {
    RUNS.forEach(MembershipSteps::close);
    RUNS.clear();
  }

  @TestFactory
  Stream<DynamicNode> membership() {
    return TargetKind.selected().stream().map(KvMembershipIT::stepsFor);
  }

  private static DynamicNode stepsFor(TargetKind kind) {
    MembershipSteps steps = new MembershipSteps(kind);
    return dynamicContainer(
        kind.toString(),
        Stream.of(
            dynamicTest("three members start; member list shows them started", () -> {
              closeAll(); // one cluster at a time on this machine
              synchronized (KvMembershipIT.class) {
                RUNS.add(steps);
              }
              steps.threeMembersStart();
            }),
            dynamicTest("endpoint status --cluster and endpoint health --cluster reach every member",
                steps::endpointsCoverTheCluster),
            dynamicTest("move-leader is refused by a follower and done by the leader", steps::moveLeader),
            dynamicTest("member add n3 answers ' added to cluster ' and lists n3 unstarted", steps::memberAdd),
            dynamicTest("the fourth member started with --initial-cluster-state existing shows started",
                steps::fourthMemberJoins),
            dynamicTest("a put on the new member is read from another member", steps::putOnNewMemberIsReadElsewhere),
            dynamicTest("member update changes a member's peer URLs and back", steps::memberUpdate),
            dynamicTest("member remove takes the new member out and it stops", steps::memberRemove),
            dynamicTest("member add n4 --learner lists a learner; a second learner is refused", steps::learnerAdd),
            dynamicTest("the learner starts and serves serializable reads only",
                steps::learnerJoinsAndServesSerializableReadsOnly),
            dynamicTest("member promote makes the learner a voting member", steps::learnerPromoted)));
  }
}
