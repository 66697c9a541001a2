package io.cairn.server.kv;

import java.util.List;

/**
 * {@code etcdctl lock} (ctl_v3_lock_test.go). etcdctl runs etcd's lock recipe itself over KV, lease
 * and watch calls, so these check that cairn answers that recipe as etcd does; the gRPC lock and
 * election services are checked through the JSON gateway ({@link GatewayAuthElectionScenarios}) and
 * jetcd (the kv module's {@code LockElectionBehaviourTest}). The lock key names the session's lease,
 * so scenarios print only its prefix and the revision it was taken at.
 */
final class LockElectionScenarios {
  private LockElectionScenarios() {}

  private static final String SHOW_LOCK = "echo rev=$ETCD_LOCK_REV name=${ETCD_LOCK_KEY%/*}";

  static final List<Scenario> ALL =
      List.of(
          Scenario.fresh("lock runs a command while it holds the lock, then releases it").source(Sources.ELECTION)
              .run("lock", "lk1", "--", "sh", "-c", SHOW_LOCK).out("rev=2 name=lk1")
              .run("lock", "lk1", "--", "sh", "-c", SHOW_LOCK).out("rev=4 name=lk1")
              .run("get", "lk1", "--prefix", "--keys-only").empty()
              .build());
}
