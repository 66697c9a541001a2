package io.cairn.kv.server;

/** {@link KvBehaviourTest} on a three-member Raft cluster. */
class ThreeMemberKvTest extends KvBehaviourTest {
  @Override
  int members() {
    return 3;
  }
}
