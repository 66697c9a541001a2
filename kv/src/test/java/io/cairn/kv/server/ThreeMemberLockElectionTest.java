package io.cairn.kv.server;

/** {@link LockElectionBehaviourTest} on a three-member Raft cluster. */
class ThreeMemberLockElectionTest extends LockElectionBehaviourTest {
  @Override
  int members() {
    return 3;
  }
}
