package io.cairn.kv.server;

/** {@link KvBehaviourTest} on a single member. */
class OneMemberKvTest extends KvBehaviourTest {
  @Override
  int members() {
    return 1;
  }
}
