package io.cairn.server.kv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A start that lost the race for a free port is told apart from other failures, and retried. */
class KvTargetTest {
  @Test
  void bindFailuresOfEtcdJavaAndRatisAreLostPortRaces() {
    assertThat(KvTarget.lostPortRace("listen tcp 127.0.0.1:2380: bind: address already in use")).isTrue();
    assertThat(KvTarget.lostPortRace("java.net.BindException: Address already in use")).isTrue();
    assertThat(KvTarget.lostPortRace(
        "ERROR o.a.r.g.s.GrpcServicesImpl - Terminating with exit status 1: Failed to start Grpc server\n"
            + "java.io.IOException: Failed to bind to address /127.0.0.1:38465")).isTrue();
    assertThat(KvTarget.lostPortRace("flag --quota-backend-bytes: expected a size")).isFalse();
  }
}
