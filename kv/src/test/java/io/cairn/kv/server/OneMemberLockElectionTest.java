package io.cairn.kv.server;

/** {@link LockElectionBehaviourTest} on a single member. */
class OneMemberLockElectionTest extends LockElectionBehaviourTest {
  @Override
  int members() {
    return 1;
  }
}
